using KyodoPortal.Domain.Meetings;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace KyodoPortal.Web.Features.PublicMinutes;

/// <summary>The public page: the latest published version, noting a correction.</summary>
public sealed record PublicMinutesViewModel(MinutesDocument Document, DateTime? PublishedAtUtc, int VersionNumber, string? CorrectionReason);

/// <summary>
/// 報告会の議事録 on the public site (no sign-in): only published versions; a meeting whose
/// minutes were never published answers 404, so drafts stay unseen. Committee members are named
/// only for a public meeting, people from the floor never (<see cref="MinutesAudience.Public"/>).
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy)]
[Route("minutes")]
public sealed class PublicMinutesController(KyodoDbContext db, PublishedMinutesPages pages) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int page = 1, CancellationToken cancellationToken = default) =>
        View(await PublicMinutesQueries.ListAsync(db, q, page, cancellationToken));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        await pages.PageAsync(db, id, cancellationToken) is { } page ? View(page) : NotFound();
}
