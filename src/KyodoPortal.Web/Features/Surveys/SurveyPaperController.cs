using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Surveys;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KyodoPortal.Web.Features.Surveys;

/// <summary>
/// Paper sheets (紙の回答): the coordinator types one sheet at a time. Each sheet is checked like an
/// online answer and saved as a response linked to no account; the form posts once, so a double
/// click does not count a sheet twice.
/// </summary>
[Route("surveys/{id:int}/paper")]
[Authorize(Policy = KyodoPolicies.Office)]
public sealed class SurveyPaperController(KyodoDbContext db, FormCommands commands) : Controller
{
    [HttpGet("")]
    public Task<IActionResult> Paper(int id, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, LoadAsync(id, cancellationToken), async survey =>
            View(new PaperSheetViewModel(survey, await SurveyQueries.ResponseCountsAsync(db, id, cancellationToken), new Dictionary<int, AnswerDraft>())));

    [HttpPost("")]
    public Task<IActionResult> Paper(int id, IFormCollection form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var drafts = new List<AnswerDraft>();
        return commands.RunAsync(this, new FormCommand<Survey>
        {
            Load = ct => LoadAsync(id, ct),
            Once = true,
            Apply = (survey, _) =>
            {
                drafts = SurveyForms.Read(survey, form);
                db.SurveyResponses.Add(SurveyResponse.OnPaper(survey, drafts));
            },
            Done = survey => new("「{0}」に紙の回答を1枚登録しました。続けて次の回答を入力できます。", survey.Title),
            RedirectTo = _ => $"/surveys/{id}/paper",
            ShowAgain = async (survey, ct) =>
                View("Paper", new PaperSheetViewModel(survey, await SurveyQueries.ResponseCountsAsync(db, id, ct), drafts.ToDictionary(d => d.QuestionId))),
        }, cancellationToken);
    }

    private async Task<Loaded<Survey>> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var survey = await SurveyQueries.SurveyAsync(db, id, cancellationToken);
        return survey is null ? LoadRefusal.NotFound : survey.AcceptsPaperSheets ? survey : NoSheets(survey);
    }

    private static LoadRefusal NoSheets(Survey survey) =>
        LoadRefusal.Redirect($"/surveys/{survey.Id}", new UserMessage("「{0}」のアンケートには紙の回答を入力できません。", survey.Status));
}
