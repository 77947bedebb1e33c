using KyodoPortal.Domain.Meetings;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.ReportMeetings;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Minutes;

/// <summary>
/// A project's exchanges at the report meeting on one fiscal year, in the print shape: the
/// meeting, the minutes version they come from and the project's section of the document.
/// </summary>
public sealed record ProjectMeetingQa(int MeetingId, string MeetingName, DateOnly HeldOn, int VersionNumber, MinutesStatus Status, MinutesSection Section)
{
    public bool IsPublished => Status == MinutesStatus.Published;
}

/// <summary>Reads a project's Q&amp;A from the minutes for pages of other features (evaluation materials).</summary>
public static class ProjectQaQueries
{
    /// <summary>
    /// The latest approved or published minutes of the report meeting(s) on
    /// <paramref name="fiscalYear"/> with the project on the agenda; drafts and minutes still being
    /// checked by the parties are not shown. Empty when there is no such meeting or minutes.
    /// </summary>
    public static async Task<IReadOnlyList<ProjectMeetingQa>> ForProjectYearAsync(KyodoDbContext db, int projectId, int fiscalYear, CancellationToken cancellationToken)
    {
        var meetingIds = await db.ReportMeetings.AsNoTracking()
            .Where(m => m.ReportedFiscalYear == fiscalYear && m.Agenda.Any(a => a.ProjectId == projectId))
            .OrderBy(m => m.HeldOn).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .ToListAsync(cancellationToken);
        if (meetingIds.Count == 0)
        {
            return [];
        }

        var result = new List<ProjectMeetingQa>();
        foreach (var meetingId in meetingIds)
        {
            var minutes = await db.Minutes.AsNoTracking().AsSplitQuery()
                .Where(m => m.MeetingId == meetingId && (m.Status == MinutesStatus.Approved || m.Status == MinutesStatus.Published))
                .OrderByDescending(m => m.VersionNumber)
                .FirstOrDefaultAsync(cancellationToken);
            var meeting = minutes is null ? null : await ReportMeetingQueries.LoadAsync(db, meetingId, tracking: false, cancellationToken);
            var section = meeting is null ? null : MinutesPrint.Compose(meeting, minutes!).Sections.FirstOrDefault(s => s.ProjectId == projectId);
            if (section is not null)
            {
                result.Add(new ProjectMeetingQa(meeting!.Id, meeting.Name, meeting.HeldOn, minutes!.VersionNumber, minutes.Status, section));
            }
        }

        return result;
    }
}
