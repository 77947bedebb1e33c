using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Surveys;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Formatting;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Surveys;

/// <summary>
/// Answering: a signed-in person in the audience answers an open survey once and may change the
/// answer until it closes. An anonymous survey keeps only the has-answered marker, so its answer
/// cannot be found again (nor changed).
/// </summary>
[Authorize]
public sealed class SurveyAnswersController(KyodoDbContext db, TimeProvider clock, FormCommands commands) : Controller
{
    public const string AlreadyAnswered = "このアンケートには既に回答しています。";

    [HttpGet("my-surveys")]
    public async Task<IActionResult> Mine(string? q, int page = 1, CancellationToken cancellationToken = default) =>
        View(await SurveyQueries.MineAsync(db, SurveyForms.Respondent(User), q, page, cancellationToken));

    [HttpGet("surveys/{id:int}/answer")]
    public Task<IActionResult> Answer(int id, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, LoadAsync(id, cancellationToken), async survey =>
        {
            var userId = User.UserId();
            var participation = await db.SurveyParticipations.AsNoTracking()
                .Where(p => p.SurveyId == id && p.UserId == userId)
                .Select(p => new { p.ResponseId })
                .FirstOrDefaultAsync(cancellationToken);
            var given = new Dictionary<int, AnswerDraft>();
            if (participation?.ResponseId is { } responseId)
            {
                var response = await db.SurveyResponses.AsNoTracking().Include(r => r.Answers).Include(r => r.Choices).AsSplitQuery()
                    .FirstAsync(r => r.Id == responseId, cancellationToken);
                given = response.Answers.ToDictionary(
                    a => a.QuestionId,
                    a => new AnswerDraft(a.QuestionId, [.. response.Choices.Where(c => c.QuestionId == a.QuestionId).Select(c => c.OptionId)], a.Text, a.OtherText, a.Reason));
            }

            return View(new AnswerViewModel(survey, given, participation is not null, CanAnswer(survey, participation is not null)));
        });

    [HttpPost("surveys/{id:int}/answer")]
    public Task<IActionResult> Answer(int id, IFormCollection form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var drafts = new List<AnswerDraft>();
        return commands.RunAsync(this, new FormCommand<Survey>
        {
            Load = ct => LoadAsync(id, ct),
            ApplyAsync = async (survey, by, ct) =>
            {
                drafts = SurveyForms.Read(survey, form);
                var participation = await db.SurveyParticipations.Include(p => p.Response!).ThenInclude(r => r.Answers)
                    .Include(p => p.Response!).ThenInclude(r => r.Choices).AsSplitQuery()
                    .FirstOrDefaultAsync(p => p.SurveyId == id && p.UserId == by.UserId, ct);
                if (participation is null)
                {
                    var response = SurveyResponse.Answer(survey, drafts, by.Today);
                    db.SurveyResponses.Add(response);
                    db.SurveyParticipations.Add(SurveyParticipation.For(survey, by.UserId, response));
                }
                else if (participation.Response is { } response)
                {
                    response.Change(survey, drafts, by.Today);
                    db.Entry(response).Property(r => r.Version).IsModified = true;
                }
                else
                {
                    throw new DomainRuleException(AlreadyAnswered);
                }
            },
            Done = survey => new("アンケート「{0}」に回答しました。ご協力ありがとうございました。", survey.Title),
            RedirectTo = _ => "/my-surveys",
            UniqueMessage = AlreadyAnswered,
            ShowAgain = async (survey, ct) =>
            {
                var answered = await db.SurveyParticipations.AnyAsync(p => p.SurveyId == id && p.UserId == User.UserId(), ct);
                return View("Answer", new AnswerViewModel(survey, drafts.ToDictionary(d => d.QuestionId), answered, CanAnswer(survey, answered)));
            },
        }, cancellationToken);
    }

    /// <summary>Open, in the period, and not an anonymous survey already answered.</summary>
    private bool CanAnswer(Survey survey, bool answered) =>
        survey.AcceptsAnswersOn(clock.JapanToday()) && !(answered && survey.IsAnonymous);

    private async Task<Loaded<Survey>> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var survey = await SurveyQueries.SurveyAsync(db, id, cancellationToken);
        return survey is null || survey.IsDraft || !survey.IsInAudience(SurveyForms.Respondent(User)) ? LoadRefusal.NotFound : survey;
    }
}
