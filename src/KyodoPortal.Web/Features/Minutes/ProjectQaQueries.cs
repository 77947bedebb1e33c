using KyodoPortal.Domain.Meetings;
using KyodoPortal.Web.Data;
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
        var meetings = await db.ReportMeetings.AsNoTracking().AsSplitQuery()
            .Where(m => m.ReportedFiscalYear == fiscalYear && m.Agenda.Any(a => a.ProjectId == projectId))
            .OrderBy(m => m.HeldOn).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        if (meetings.Count == 0)
        {
            return [];
        }

        var meetingIds = meetings.Select(m => m.Id).ToList();
        var versions = await db.Minutes.AsNoTracking()
            .Where(m => meetingIds.Contains(m.MeetingId) && (m.Status == MinutesStatus.Approved || m.Status == MinutesStatus.Published))
            .Select(m => new { m.Id, m.MeetingId, m.VersionNumber })
            .ToListAsync(cancellationToken);
        var latestIds = versions.GroupBy(v => v.MeetingId).Select(g => g.MaxBy(v => v.VersionNumber)!.Id).ToList();
        if (latestIds.Count == 0)
        {
            return [];
        }

        var minutesByMeeting = (await db.Minutes.AsNoTracking().AsSplitQuery()
            .Where(m => latestIds.Contains(m.Id))
            .ToListAsync(cancellationToken))
            .ToDictionary(m => m.MeetingId);
        var result = new List<ProjectMeetingQa>();
        foreach (var meeting in meetings)
        {
            if (minutesByMeeting.TryGetValue(meeting.Id, out var minutes)
                && MinutesPrint.Compose(meeting, minutes).Sections.FirstOrDefault(section => section.ProjectId == projectId) is { } section)
            {
                result.Add(new ProjectMeetingQa(meeting.Id, meeting.Name, meeting.HeldOn, minutes.VersionNumber, minutes.Status, section));
            }
        }

        return result;
    }
}
