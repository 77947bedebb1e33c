using KyodoPortal.Domain.Surveys;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Forms;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Surveys;

/// <summary>
/// Results (seed 001's shape): n, target and response rate, a table and a server-rendered bar chart
/// per question, the reasons under the option chosen, and a cross-tab of two questions (GET form).
/// The office reads them from the opening on; others once published, as the scope allows (<see cref="SurveyForms.ResultsAsync"/>).
/// </summary>
[Authorize]
public sealed class SurveyResultsController(
    KyodoDbContext db, FormCommands commands, IStringLocalizer<SharedResource> localizer, [FromKeyedServices(nameof(SurveyTallies))] IMemoryCache tallies) : Controller
{
    /// <summary>How many texts of a group (a question's free texts, or its reasons under one option) the results page shows; the rest are on <see cref="Texts"/>.</summary>
    public const int TextsShown = 10;

    public const int TextsPageSize = 50;

    [HttpGet("surveys/{id:int}/results")]
    public Task<IActionResult> Results(int id, int? row, int? col, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, SurveyForms.ResultsAsync(db, User, id, cancellationToken), async survey =>
        {
            var (results, crossTab) = await ComputeAsync(db, tallies, survey, row, col, ModelState, localizer, cancellationToken);
            return View(new ResultsViewModel(survey, results, crossTab, row, col, User.IsOffice()));
        });

    /// <summary>All the texts of one group, 50 a page: <c>?question=2&amp;kind=Reason&amp;option=1</c> (question and option by their numbers).</summary>
    [HttpGet("surveys/{id:int}/results/texts")]
    public Task<IActionResult> Texts(int id, int question, SurveyTextKind? kind, int? option, int page = 1, CancellationToken cancellationToken = default) =>
        commands.ShowAsync(this, SurveyForms.ResultsAsync(db, User, id, cancellationToken), async survey =>
            await TextsAsync(db, survey, question, kind, option, page, isPublic: false, cancellationToken) is { } model ? View("Texts", model) : NotFound());

    /// <summary>A group of texts as a page (none while an anonymous survey's results are withheld), or null when the question, kind or option does not exist.</summary>
    internal static async Task<SurveyTextsViewModel?> TextsAsync(
        KyodoDbContext db, Survey survey, int questionNumber, SurveyTextKind? kind, int? optionNumber, int page, bool isPublic, CancellationToken cancellationToken)
    {
        if (survey.Questions.FirstOrDefault(q => q.Number == questionNumber) is not { } question || kind is not { } textKind)
        {
            return null;
        }

        var option = optionNumber is { } number ? question.Options.FirstOrDefault(o => o.Number == number) : null;
        if ((textKind == SurveyTextKind.FreeText) != (optionNumber is null) || (optionNumber is not null && option is null))
        {
            return null;
        }

        if (survey.IsAnonymous && await db.SurveyResponses.CountAsync(r => r.SurveyId == survey.Id, cancellationToken) < SurveyResults.MinimumAnswers)
        {
            return new SurveyTextsViewModel(survey, question, textKind, option, new PageOf<string>([], 1, TextsPageSize, 0), isPublic, IsWithheld: true);
        }

        var texts = await SurveyQueries.TextsPageAsync(db, survey, question.Id, textKind, option?.Id, page, TextsPageSize, cancellationToken);
        return new SurveyTextsViewModel(survey, question, textKind, option, texts, isPublic);
    }

    /// <summary>The results and, when two questions are asked for (and the results are not withheld), their cross-tab; a wrong pair is an error on <c>row</c>.</summary>
    internal static async Task<(SurveyResults Results, SurveyCrossTab? CrossTab)> ComputeAsync(
        KyodoDbContext db, IMemoryCache tallies, Survey survey, int? row, int? col, ModelStateDictionary modelState, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var results = SurveyResults.Compute(survey, await SurveyTallies.TallyAsync(tallies, db, survey, TextsShown, cancellationToken));
        SurveyCrossTab? crossTab = null;
        if (row is { } rowNumber && col is { } columnNumber && !results.IsWithheld)
        {
            var rows = survey.Questions.FirstOrDefault(q => q.Number == rowNumber);
            var columns = survey.Questions.FirstOrDefault(q => q.Number == columnNumber);
            if (rows is null || columns is null || !SurveyCrossTab.CanCross(rows, columns))
            {
                modelState.AddModelError("row", localizer["クロス集計には、単一選択または評価尺度の異なる2つの設問を選んでください。"]);
            }
            else
            {
                var counts = await SurveyQueries.CrossCountsAsync(db, rows.Id, columns.Id, cancellationToken);
                crossTab = SurveyCrossTab.Compute(survey, rows, columns, counts);
            }
        }

        return (results, crossTab);
    }
}
