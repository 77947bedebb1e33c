using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Surveys;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KyodoPortal.Web.Features.Surveys;

/// <summary>The questions of a draft survey (【問１】…): add, edit, remove. Once the survey opens they are fixed.</summary>
[Route("surveys/{id:int}/questions")]
[Authorize(Policy = KyodoPolicies.Office)]
public sealed class SurveyQuestionsController(KyodoDbContext db, FormCommands commands) : Controller
{
    [HttpGet("new")]
    public Task<IActionResult> Create(int id, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, SurveyForms.DraftAsync(db, id, tracked: false, cancellationToken), survey =>
            Task.FromResult<IActionResult>(View("QuestionForm", new QuestionFormViewModel(id, survey.Title, null, new QuestionInput { Version = survey.Version }))));

    [HttpPost("new")]
    public Task<IActionResult> Create(int id, [Bind(Prefix = "Input")] QuestionInput input, CancellationToken cancellationToken)
    {
        var number = 0;
        return commands.RunAsync(this, new FormCommand<Survey>
        {
            Load = ct => SurveyForms.DraftAsync(db, id, tracked: true, ct),
            Once = true,
            Versioned = survey => survey,
            Version = input.Version,
            Apply = (survey, _) =>
            {
                number = survey.AddQuestion(input.ToDraft()).Number;
                db.Entry(survey).Property(s => s.Version).IsModified = true;
            },
            Done = _ => new("【問{0}】を追加しました。", number),
            RedirectTo = _ => $"/surveys/{id}#questions",
            ShowAgain = (survey, _) => Task.FromResult<IActionResult>(View("QuestionForm", new QuestionFormViewModel(id, survey.Title, null, input))),
        }, cancellationToken);
    }

    [HttpGet("{number:int}/edit")]
    public Task<IActionResult> Edit(int id, int number, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, SurveyForms.DraftAsync(db, id, tracked: false, cancellationToken), survey =>
            Task.FromResult<IActionResult>(survey.Questions.FirstOrDefault(q => q.Number == number) is { } question
                ? View("QuestionForm", new QuestionFormViewModel(id, survey.Title, number, QuestionInput.From(question, survey.Version)))
                : NotFound()));

    [HttpPost("{number:int}/edit")]
    public Task<IActionResult> Edit(int id, int number, [Bind(Prefix = "Input")] QuestionInput input, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<Survey>
        {
            Load = ct => SurveyForms.DraftAsync(db, id, tracked: true, ct),
            Versioned = survey => survey,
            Version = input.Version,
            Apply = (survey, _) =>
            {
                survey.UpdateQuestion(number, input.ToDraft());
                db.Entry(survey).Property(s => s.Version).IsModified = true;
            },
            Done = _ => new("【問{0}】を更新しました。", number),
            RedirectTo = _ => $"/surveys/{id}#questions",
            ShowAgain = (survey, _) => Task.FromResult<IActionResult>(View("QuestionForm", new QuestionFormViewModel(id, survey.Title, number, input))),
        }, cancellationToken);

    [HttpPost("{number:int}/delete")]
    public Task<IActionResult> Delete(int id, int number, int version, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<Survey>
        {
            Load = ct => SurveyForms.DraftAsync(db, id, tracked: true, ct),
            Versioned = survey => survey,
            Version = version,
            Apply = (survey, _) =>
            {
                survey.RemoveQuestion(number);
                db.Entry(survey).Property(s => s.Version).IsModified = true;
            },
            Done = _ => new("【問{0}】を削除しました。", number),
            RedirectTo = _ => $"/surveys/{id}#questions",
        }, cancellationToken);
}
