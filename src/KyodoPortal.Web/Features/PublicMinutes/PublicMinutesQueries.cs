using KyodoPortal.Domain.Meetings;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Lists;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.PublicMinutes;

/// <summary>One published meeting on the public list; <see cref="VersionNumber"/> above 1 means a correction was published.</summary>
public sealed record PublishedMinutesRow(int MeetingId, string Name, DateOnly HeldOn, int VersionNumber);

/// <summary>/minutes: the meetings with published minutes, searched by name, 20 a page.</summary>
public sealed record PublishedMinutesListViewModel(PageOf<PublishedMinutesRow> Page, ListQuery Query);

public static class PublicMinutesQueries
{
    /// <summary>Latest meeting first; the list has no column headers to sort by, only the search.</summary>
    public static readonly SortColumns<ReportMeeting> Columns = new SortColumns<ReportMeeting>("date", defaultDescending: true, m => m.Id)
        .Column("date", m => m.HeldOn);

    /// <summary>The count and the page: a meeting is listed once it has a published version (the latest one's number shown).</summary>
    public static async Task<PublishedMinutesListViewModel> ListAsync(KyodoDbContext db, string? q, int page, CancellationToken cancellationToken)
    {
        var query = Columns.Query(new ListRequest(q, null, null));
        var meetings = db.ReportMeetings.AsNoTracking()
            .Where(m => db.Minutes.Any(x => x.MeetingId == m.Id && x.Status == MinutesStatus.Published));
        if (query.Q is { } term)
        {
            meetings = meetings.Where(m => m.Name.Contains(term));
        }

        var rows = await Columns.Apply(meetings, query.Sort)
            .Select(m => new PublishedMinutesRow(
                m.Id,
                m.Name,
                m.HeldOn,
                db.Minutes.Where(x => x.MeetingId == m.Id && x.Status == MinutesStatus.Published).Max(x => x.VersionNumber)))
            .ToPageAsync(page, cancellationToken);
        return new PublishedMinutesListViewModel(rows, query);
    }
}
