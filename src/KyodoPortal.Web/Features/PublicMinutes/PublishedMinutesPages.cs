using System.Globalization;
using KyodoPortal.Domain.Meetings;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.ReportMeetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace KyodoPortal.Web.Features.PublicMinutes;

/// <summary>
/// The public page of a meeting's minutes, composed once per published version. A published version
/// never changes (a correction is a new version with a new id), so the composed page is kept in
/// memory under that id and the meeting's concurrency version (an edited venue or date is a new key);
/// one statement per request finds both. Measured on the scale-1 city: the page loaded the meeting
/// and the minutes aggregates in 9 statements (EF's split includes of the nested rows and answers were
/// most of the page's CPU); a kept page needs one. Each instance keeps its own copy and builds it from
/// the database, so several instances never disagree about what is published; the committee members'
/// names (shown for a public meeting) follow an account's renaming within <see cref="Lifetime"/>.
/// </summary>
public sealed class PublishedMinutesPages : IDisposable
{
    /// <summary>How long a composed page is kept at most.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    // Pages kept at most: a large city publishes about fifteen meetings' minutes a year.
    private const int Capacity = 64;

    private readonly MemoryCache _pages = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The latest published version's page; null when the meeting has none (404).</summary>
    public async Task<PublicMinutesViewModel?> PageAsync(KyodoDbContext db, int meetingId, CancellationToken cancellationToken)
    {
        var latest = await db.Minutes.AsNoTracking()
            .Where(m => m.MeetingId == meetingId && m.Status == MinutesStatus.Published)
            .OrderByDescending(m => m.VersionNumber)
            .Select(m => new
            {
                m.Id,
                MeetingVersion = db.ReportMeetings.Where(r => r.Id == meetingId).Select(r => (int?)r.Version).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (latest?.MeetingVersion is not { } meetingVersion)
        {
            return null;
        }

        var key = (latest.Id, meetingVersion, CultureInfo.CurrentUICulture.Name);
        if (_pages.TryGetValue(key, out PublicMinutesViewModel? kept) && kept is not null)
        {
            return kept;
        }

        var page = await ComposeAsync(db, meetingId, latest.Id, cancellationToken);
        if (page is not null)
        {
            _pages.Set(key, page, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        }

        return page;
    }

    private static async Task<PublicMinutesViewModel?> ComposeAsync(KyodoDbContext db, int meetingId, int minutesId, CancellationToken cancellationToken)
    {
        var minutes = await db.Minutes.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(m => m.Id == minutesId, cancellationToken);
        var meeting = await ReportMeetingQueries.LoadAsync(db, meetingId, tracking: false, cancellationToken);
        if (minutes is null || meeting is null)
        {
            return null;
        }

        // Names are looked up only when the public may read them.
        var members = meeting.IsPublic
            ? await Minutes.MinutesQueries.MemberNamesAsync(db, meeting, cancellationToken)
            : new Dictionary<string, string>();
        return new PublicMinutesViewModel(
            MinutesPrint.Compose(meeting, minutes, members, MinutesAudience.Public),
            minutes.PublishedAtUtc,
            minutes.VersionNumber,
            minutes.CorrectionReason);
    }

    public void Dispose() => _pages.Dispose();
}
