using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace KyodoPortal.Web.Features.Guidelines;

/// <summary>
/// 指針 on the public site (no sign-in): the guideline's adopted and closed periods only — a draft
/// period, and every measure of it, answers 404 — each as the tree of its measures with the progress
/// the coordinator confirmed (status, what was done, figures, effect). Drafts, submitted and returned
/// records, return reasons, the review history, who recorded what and the departments are never shown.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy)]
[Route("collaboration-guideline")]
public sealed class PublicGuidelineController(KyodoDbContext db) : Controller
{
    /// <summary>The period in force (the latest adopted or closed one), or <c>?period=n</c>.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(int? period, CancellationToken cancellationToken)
    {
        var guideline = await GuidelineQueries.GuidelineAsync(db, cancellationToken);
        var periods = guideline?.Periods.Where(p => p.Status is GuidelinePeriodStatus.Adopted or GuidelinePeriodStatus.Closed).OrderBy(p => p.Number).ToList() ?? [];
        var shown = period is { } asked ? periods.FirstOrDefault(p => p.Number == asked) : periods.LastOrDefault();
        if (period is not null && shown is null)
        {
            return NotFound();
        }

        if (guideline is null || shown is null)
        {
            return View("PublicIndex", new PublicGuidelineViewModel(null, [], null, null));
        }

        var measures = await GuidelineTreeQueries.PublicMeasuresAsync(db, shown.Id, cancellationToken);
        var tree = new MeasureTreeModel(MeasureTreeModel.Place(guideline, measures), "/collaboration-guideline/measures/", StatusYear: null, IsPublic: true);
        return View("PublicIndex", new PublicGuidelineViewModel(guideline, periods, shown, tree));
    }

    [HttpGet("measures/{id:int}")]
    public async Task<IActionResult> Measure(int id, CancellationToken cancellationToken) =>
        await GuidelineTreeQueries.PublicMeasureAsync(db, id, cancellationToken) is { } page ? View("PublicMeasure", page) : NotFound();
}
