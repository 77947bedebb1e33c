using KyodoPortal.Domain.Meetings;
using KyodoPortal.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.PublicMinutes;

/// <summary>One published meeting on the public list.</summary>
public sealed record PublishedMinutesRow(int MeetingId, string Name, DateOnly HeldOn, int VersionNumber, DateTime PublishedAtUtc);

/// <summary>The public page: the latest published version, noting a correction.</summary>
public sealed record PublicMinutesViewModel(MinutesDocument Document, DateTime? PublishedAtUtc, int VersionNumber, string? CorrectionReason);

/// <summary>
/// 報告会の議事録 on the public site (no sign-in): only published versions; a meeting whose
/// minutes were never published answers 404, so drafts stay unseen. Committee members are named
/// only for a public meeting, people from the floor never (<see cref="MinutesAudience.Public"/>).
/// </summary>
[AllowAnonymous]
[Route("minutes")]
public sealed class PublicMinutesController(KyodoDbContext db, PublishedMinutesPages pages) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var published = await db.Minutes.AsNoTracking()
            .Where(m => m.Status == MinutesStatus.Published)
            .Select(m => new { m.MeetingId, m.VersionNumber, m.PublishedAtUtc })
            .ToListAsync(cancellationToken);
        var latest = published.GroupBy(m => m.MeetingId).Select(g => g.MaxBy(m => m.VersionNumber)!).ToList();
        var ids = latest.Select(m => m.MeetingId).ToList();
        var meetings = await db.ReportMeetings.AsNoTracking()
            .Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Name, m.HeldOn })
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        return View(latest
            .Select(m => new PublishedMinutesRow(m.MeetingId, meetings[m.MeetingId].Name, meetings[m.MeetingId].HeldOn, m.VersionNumber, m.PublishedAtUtc!.Value))
            .OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.MeetingId)
            .ToList());
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        await pages.PageAsync(db, id, cancellationToken) is { } page ? View(page) : NotFound();
}
