using KyodoPortal.Domain.Surveys;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Support.Scenarios;

/// <summary>Seed 001's survey saved through the domain (draft, or opened today with a week to answer).</summary>
public static class SurveyScenario
{
    public static DateOnly JapanToday => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));

    public static async Task<Survey> Seed001Async(
        KyodoWebFactory factory, bool open = true, bool anonymous = true, string? suffix = null, SurveyMethod method = SurveyMethod.Online,
        SurveyAudienceKind audience = SurveyAudienceKind.AnySignedIn, Action<Survey>? chooseAudience = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var draft = Seed001Survey.Draft(JapanToday.AddDays(-1), JapanToday.AddDays(7), audience, anonymous, method) with
        {
            Title = Seed001Survey.Title + (suffix ?? Guid.NewGuid().ToString("N")[..6]),
        };
        var survey = new Survey(draft, "seed", DateTime.UtcNow);
        chooseAudience?.Invoke(survey);
        foreach (var question in Seed001Survey.Questions)
        {
            survey.AddQuestion(question.Draft);
        }

        await factory.AddAsync(survey);
        if (open)
        {
            await factory.QueryAsync(async db =>
            {
                var tracked = await db.Surveys.Include(s => s.Questions).SingleAsync(s => s.Id == survey.Id);
                tracked.Open("seed", DateTime.UtcNow);
                return await db.SaveChangesAsync();
            });
        }

        return await factory.QueryAsync(db => db.Surveys.AsNoTracking().Include(s => s.Questions).ThenInclude(q => q.Options).SingleAsync(s => s.Id == survey.Id));
    }

    /// <summary>Moves the survey on through the real transitions (close, publish).</summary>
    public static Task MoveAsync(KyodoWebFactory factory, Survey survey, SurveyStatus to, SurveyResultsScope scope = SurveyResultsScope.Respondents)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.QueryAsync(async db =>
        {
            var tracked = await db.Surveys.Include(s => s.Questions).SingleAsync(s => s.Id == survey.Id);
            if (tracked.Status == SurveyStatus.Open)
            {
                tracked.Close("seed", DateTime.UtcNow);
            }

            if (to == SurveyStatus.ResultsPublished)
            {
                tracked.PublishResults("seed", DateTime.UtcNow, scope);
            }

            return await db.SaveChangesAsync();
        });
    }

    /// <summary>Records answers as the coordinator would for answers collected elsewhere (no account linked).</summary>
    public static Task RecordAsync(KyodoWebFactory factory, Survey survey, IEnumerable<IReadOnlyList<AnswerDraft>> answers)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.QueryAsync(async db =>
        {
            foreach (var answer in answers)
            {
                db.SurveyResponses.Add(SurveyResponse.Record(survey, answer, SurveyMethod.Imported));
            }

            return await db.SaveChangesAsync();
        });
    }
}
