using KyodoPortal.Domain.Surveys;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Surveys;

/// <summary>
/// Results (seed 001's shape): n, target and response rate, a table and a server-rendered bar chart
/// per question, the reasons under the option chosen, and a cross-tab of two questions (GET form).
/// The office reads them from the opening on; others once published, as the scope allows (<see cref="SurveyForms.ResultsAsync"/>).
/// </summary>
[Authorize]
public sealed class SurveyResultsController(KyodoDbContext db, FormCommands commands, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("surveys/{id:int}/results")]
    public Task<IActionResult> Results(int id, int? row, int? col, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, SurveyForms.ResultsAsync(db, User, id, cancellationToken), async survey =>
        {
            var (results, crossTab) = await ComputeAsync(db, survey, row, col, ModelState, localizer, cancellationToken);
            return View(new ResultsViewModel(survey, results, crossTab, row, col, User.IsOffice()));
        });

    /// <summary>The results and, when two questions are asked for (and the results are not withheld), their cross-tab; a wrong pair is an error on <c>row</c>.</summary>
    internal static async Task<(SurveyResults Results, SurveyCrossTab? CrossTab)> ComputeAsync(
        KyodoDbContext db, Survey survey, int? row, int? col, ModelStateDictionary modelState, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var results = SurveyResults.Compute(survey, await SurveyQueries.TallyAsync(db, survey.Id, cancellationToken));
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
