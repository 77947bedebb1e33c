using System.Globalization;
using System.Security.Claims;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Surveys;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Surveys;

/// <summary>Reading the answer fields (<c>_AnswerFields</c>), shared by the online answer and the paper sheet; the draft-only loader of the editing pages; the settings form's checks of what it names.</summary>
public static class SurveyForms
{
    /// <summary>
    /// The posted answers per question: <c>a{id}</c> chosen options, <c>t{id}</c> free text,
    /// <c>o{id}</c> 「その他」 text, <c>r{id}</c> reason. A value that is not a number is kept as an
    /// option id that no question has, so the domain refuses it with the question's number.
    /// </summary>
    public static List<AnswerDraft> Read(Survey survey, IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(form);
        var drafts = new List<AnswerDraft>();
        foreach (var question in survey.Questions)
        {
            var key = question.Id.ToString(CultureInfo.InvariantCulture);
            var options = form["a" + key].Where(v => !string.IsNullOrWhiteSpace(v))
                .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var optionId) ? optionId : -1)
                .ToList();
            drafts.Add(new AnswerDraft(question.Id, options, Value(form, "t" + key), Value(form, "o" + key), Value(form, "r" + key)));
        }

        return drafts;
    }

    private static string? Value(IFormCollection form, string key) =>
        form.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString() : null;

    /// <summary>The survey while it is a draft; otherwise back to its page with the reason (404 when there is none).</summary>
    public static async Task<Loaded<Survey>> DraftAsync(KyodoDbContext db, int id, bool tracked, CancellationToken cancellationToken)
    {
        var survey = tracked ? await SurveyQueries.TrackedAsync(db, id, cancellationToken) : await SurveyQueries.SurveyAsync(db, id, cancellationToken);
        if (survey is null)
        {
            return LoadRefusal.NotFound;
        }

        return survey.IsDraft
            ? survey
            : LoadRefusal.Redirect($"/surveys/{id}", new UserMessage("「{0}」のアンケートは変更できません。変更できるのは下書きの間だけです。", survey.Status));
    }

    /// <summary>The signed-in person as a survey's audience sees them: the account and its affiliations from the session (renewed when they change).</summary>
    public static SurveyRespondent Respondent(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new SurveyRespondent(user.UserId(), user.GetDepartmentId(), user.GetCitizenGroupId());
    }

    /// <summary>
    /// The survey whose results the person may read (the results page and its print view): the office
    /// from the opening on; once published, anyone signed in when published to the public, the people
    /// who answered when published to respondents, nobody else when internal only; 404 otherwise.
    /// </summary>
    public static async Task<Loaded<Survey>> ResultsAsync(KyodoDbContext db, ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var survey = await SurveyQueries.SurveyAsync(db, id, cancellationToken);
        if (survey is null || survey.IsDraft)
        {
            return LoadRefusal.NotFound;
        }

        if (user.IsOffice())
        {
            return survey;
        }

        var userId = user.UserId();
        var readable = survey.Status == SurveyStatus.ResultsPublished && survey.ResultsScope switch
        {
            SurveyResultsScope.Public => true,
            SurveyResultsScope.Respondents => await db.SurveyParticipations.AnyAsync(p => p.SurveyId == id && p.UserId == userId, cancellationToken),
            _ => false,
        };
        return readable ? survey : LoadRefusal.NotFound;
    }

    /// <summary>The measure and project the settings form names (if any) exist; otherwise an error on the field.</summary>
    public static async Task<bool> LinksKnownAsync(
        KyodoDbContext db, SurveyInput input, ModelStateDictionary modelState, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(localizer);
        var (measureId, projectId) = (input.GuidelineMeasureId, input.ProjectId);
        if (measureId is not null && !await db.GuidelineMeasures.AnyAsync(m => m.Id == measureId, cancellationToken))
        {
            modelState.AddModelError("Input.GuidelineMeasureId", localizer["選んだ指針の施策が見つかりません。"]);
        }

        if (projectId is not null && !await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            modelState.AddModelError("Input.ProjectId", localizer["選んだ協働事業が見つかりません。"]);
        }

        return modelState.IsValid;
    }
}
