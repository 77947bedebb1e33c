using KyodoPortal.Domain.Surveys;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Caching;
using KyodoPortal.Web.Infrastructure.Lists;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Surveys;

/// <summary>A survey whose results are published to the public, on the public list.</summary>
public sealed record PublicSurveyRow(int Id, string Title, DateOnly OpensOn, DateOnly ClosesOn);

/// <summary>/survey-results: searched by title, 20 a page.</summary>
public sealed record PublicSurveyListViewModel(PageOf<PublicSurveyRow> Page, ListQuery Query);

/// <summary>
/// アンケートの結果 on the public site (no sign-in): only results published "to the public"; any
/// other survey answers 404. The anonymity rules (at least 5 answers, cross-tab cells under 3
/// hidden) apply as on the office's page; no raw answers, no downloads.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy)]
[Route("survey-results")]
public sealed class SurveyPublicResultsController(
    KyodoDbContext db, IStringLocalizer<SharedResource> localizer, [FromKeyedServices(nameof(SurveyTallies))] IMemoryCache tallies) : Controller
{
    /// <summary>Latest closing first; the list has no column headers to sort by, only the search.</summary>
    public static readonly SortColumns<Survey> Columns = new SortColumns<Survey>("closes", defaultDescending: true, s => s.Id)
        .Column("closes", s => s.ClosesOn);

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int page = 1, CancellationToken cancellationToken = default)
    {
        var query = Columns.Query(new ListRequest(q, null, null));
        var surveys = db.Surveys.AsNoTracking().Where(s => s.Status == SurveyStatus.ResultsPublished && s.ResultsScope == SurveyResultsScope.Public);
        if (query.Q is { } term)
        {
            surveys = surveys.Where(s => s.Title.Contains(term));
        }

        var rows = await Columns.Apply(surveys, query.Sort)
            .Select(s => new PublicSurveyRow(s.Id, s.Title, s.OpensOn, s.ClosesOn))
            .ToPageAsync(page, cancellationToken);
        return View("PublicIndex", new PublicSurveyListViewModel(rows, query));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Results(int id, int? row, int? col, CancellationToken cancellationToken)
    {
        var survey = await SurveyQueries.SurveyAsync(db, id, cancellationToken);
        if (survey is not { Status: SurveyStatus.ResultsPublished, ResultsScope: SurveyResultsScope.Public })
        {
            return NotFound();
        }

        var (results, crossTab) = await SurveyResultsController.ComputeAsync(db, tallies, survey, row, col, ModelState, localizer, cancellationToken);
        return View("Results", new ResultsViewModel(survey, results, crossTab, row, col, IsOffice: false, IsPublic: true));
    }

    [HttpGet("{id:int}/texts")]
    public async Task<IActionResult> Texts(int id, int question, SurveyTextKind? kind, int? option, int page = 1, CancellationToken cancellationToken = default)
    {
        var survey = await SurveyQueries.SurveyAsync(db, id, cancellationToken);
        if (survey is not { Status: SurveyStatus.ResultsPublished, ResultsScope: SurveyResultsScope.Public })
        {
            return NotFound();
        }

        return await SurveyResultsController.TextsAsync(db, survey, question, kind, option, page, isPublic: true, cancellationToken) is { } model
            ? View("Texts", model)
            : NotFound();
    }
}
