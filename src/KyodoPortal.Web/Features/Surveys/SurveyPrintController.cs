using KyodoPortal.Domain.Surveys;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KyodoPortal.Web.Features.Surveys;

/// <summary>
/// The result report in seed 001's printed layout (【問１】, the table of counts and shares, the bar
/// chart, the reasons under the option chosen), for whoever may read the results page; print CSS
/// drops the navigation and starts each question on a new page.
/// </summary>
[Authorize]
public sealed class SurveyPrintController(KyodoDbContext db, FormCommands commands) : Controller
{
    [HttpGet("surveys/{id:int}/results/print")]
    public Task<IActionResult> Print(int id, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, SurveyForms.ResultsAsync(db, User, id, cancellationToken), async survey =>
        {
            var results = SurveyResults.Compute(survey, await SurveyQueries.TallyAsync(db, survey, textsPerGroup: null, cancellationToken));
            return View(new ResultsViewModel(survey, results, CrossTab: null, Row: null, Column: null, User.IsOffice()));
        });
}
