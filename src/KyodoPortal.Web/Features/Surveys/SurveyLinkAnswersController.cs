using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Surveys;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Formatting;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Surveys;

/// <summary>
/// A link survey (「リンクを知っている人」) answered without signing in, at its unguessable address.
/// Always anonymous. With no account, "answer once" is best effort: a cookie marks the browser that
/// answered; the answer POST is rate-limited per client address (<see cref="RateLimitPolicy"/>).
/// Never in the public output cache: the page carries a form (antiforgery) and the marker.
/// </summary>
[AllowAnonymous]
public sealed class SurveyLinkAnswersController(KyodoDbContext db, TimeProvider clock, FormCommands commands) : Controller
{
    public const string RateLimitPolicy = "survey-link-answer";

    public const string AnsweredInThisBrowser = "このブラウザーからは既に回答しています。ご協力ありがとうございました。";

    [HttpGet("surveys/answer/{token}")]
    public Task<IActionResult> Answer(string token, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, LoadAsync(token, cancellationToken), survey =>
            Task.FromResult<IActionResult>(View("Answer", ViewModel(survey, token, new Dictionary<int, AnswerDraft>()))));

    [HttpPost("surveys/answer/{token}")]
    [EnableRateLimiting(RateLimitPolicy)]
    public Task<IActionResult> Answer(string token, IFormCollection form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var drafts = new List<AnswerDraft>();
        return commands.RunAsync(this, new FormCommand<Survey>
        {
            Load = ct => LoadAsync(token, ct),
            Apply = (survey, by) =>
            {
                drafts = SurveyForms.Read(survey, form);
                if (HasAnswered(survey))
                {
                    throw new DomainRuleException(AnsweredInThisBrowser);
                }

                db.SurveyResponses.Add(SurveyResponse.Answer(survey, drafts, by.Today));
            },
            AfterCommit = (survey, _) =>
            {
                Response.Cookies.Append(MarkerName(survey), "1", new CookieOptions
                {
                    HttpOnly = true,
                    Secure = Request.IsHttps,
                    SameSite = SameSiteMode.Lax,
                    Path = "/surveys/answer",
                    Expires = DateTime.SpecifyKind(survey.ClosesOn.AddDays(31).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc),
                    IsEssential = true,
                });
                return Task.FromResult<UserMessage?>(null);
            },
            Done = survey => new("アンケート「{0}」に回答しました。ご協力ありがとうございました。", survey.Title),
            RedirectTo = _ => $"/surveys/answer/{token}",
            ShowAgain = (survey, _) => Task.FromResult<IActionResult>(View("Answer", ViewModel(survey, token, drafts.ToDictionary(d => d.QuestionId)))),
        }, cancellationToken);
    }

    private AnswerViewModel ViewModel(Survey survey, string token, IReadOnlyDictionary<int, AnswerDraft> given)
    {
        var answered = HasAnswered(survey);
        return new AnswerViewModel(survey, given, answered, survey.AcceptsAnswersOn(clock.JapanToday()) && !answered, token);
    }

    private bool HasAnswered(Survey survey) => Request.Cookies.ContainsKey(MarkerName(survey));

    private static string MarkerName(Survey survey) => $"kp-survey-{survey.Id}";

    /// <summary>The link survey with this token, in any status (a draft or closed one says so on the page); 404 for an unknown or replaced token.</summary>
    private async Task<Loaded<Survey>> LoadAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length != Survey.LinkTokenLength)
        {
            return LoadRefusal.NotFound;
        }

        var survey = await db.Surveys.AsNoTracking().Include(s => s.Questions).ThenInclude(q => q.Options).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.LinkToken == token && s.AudienceKind == SurveyAudienceKind.AnyoneWithLink, cancellationToken);
        // Compared again in memory: a case-insensitive database collation (SQL Server) must not widen the match.
        return survey is null || !string.Equals(survey.LinkToken, token, StringComparison.Ordinal) ? LoadRefusal.NotFound : survey;
    }
}
