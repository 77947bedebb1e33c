using KyodoPortal.Domain.Surveys;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Surveys;

/// <summary>
/// Results (seed 001's shape): n, target and response rate, a table and a server-rendered bar chart
/// per question, the reasons under the option chosen, and a cross-tab of two questions (GET form).
/// The office reads them from the opening on; the audience once the results are published.
/// </summary>
[Authorize]
public sealed class SurveyResultsController(KyodoDbContext db, FormCommands commands, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("surveys/{id:int}/results")]
    public Task<IActionResult> Results(int id, int? row, int? col, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, SurveyForms.ResultsAsync(db, User, id, cancellationToken), async survey =>
        {
            var results = SurveyResults.Compute(survey, await SurveyQueries.TallyAsync(db, id, cancellationToken));
            SurveyCrossTab? crossTab = null;
            if (row is { } rowNumber && col is { } columnNumber && !results.IsWithheld)
            {
                var rows = survey.Questions.FirstOrDefault(q => q.Number == rowNumber);
                var columns = survey.Questions.FirstOrDefault(q => q.Number == columnNumber);
                if (rows is null || columns is null || !SurveyCrossTab.CanCross(rows, columns))
                {
                    ModelState.AddModelError("row", localizer["クロス集計には、単一選択または評価尺度の異なる2つの設問を選んでください。"]);
                }
                else
                {
                    var counts = await SurveyQueries.CrossCountsAsync(db, rows.Id, columns.Id, cancellationToken);
                    crossTab = SurveyCrossTab.Compute(survey, rows, columns, counts);
                }
            }

            return View(new ResultsViewModel(survey, results, crossTab, row, col, User.IsOffice()));
        });

}
