using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using KyodoPortal.Domain.Surveys;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.People;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Surveys;

/// <summary>One response as the raw-answers download writes it: its answers and chosen options per question, and who gave it (named surveys only).</summary>
public sealed record SurveyResponseRow(
    int Id,
    SurveyMethod Source,
    PersonName? Respondent,
    IReadOnlyDictionary<int, SurveyAnswer> Answers,
    ILookup<int, int> Choices);

public static class SurveyExportQueries
{
    /// <summary>Responses read per batch by <see cref="ResponsesAsync"/>.</summary>
    public const int ResponseBatchSize = 500;

    /// <summary>
    /// Every response of the survey, one at a time as the file is written: their ids in one query, then
    /// <see cref="ResponseBatchSize"/> at a time with their answers and choices (two queries a batch; a
    /// named survey adds the respondents, two more). A named survey's responses come in the order they
    /// were given. An anonymous survey's come in the order of their content (the options chosen,
    /// question by question, then the texts), so that a row's place cannot be matched to the moment
    /// someone answered; rows that tie on every key are identical in every column.
    /// </summary>
    public static async IAsyncEnumerable<SurveyResponseRow> ResponsesAsync(
        KyodoDbContext db, Survey survey, [EnumeratorCancellation] CancellationToken cancellationToken, int batchSize = ResponseBatchSize)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var responses = db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == survey.Id);
        var ordered = survey.IsAnonymous ? ByContent(db, survey, responses) : responses.OrderBy(r => r.Id);
        var chosen = await ordered.Select(r => new { r.Id, r.Source }).ToListAsync(cancellationToken);
        foreach (var batch in chosen.Chunk(batchSize))
        {
            var ids = batch.Select(r => r.Id).ToList();
            var answers = (await db.Set<SurveyAnswer>().AsNoTracking().Where(a => ids.Contains(a.ResponseId)).ToListAsync(cancellationToken))
                .ToLookup(a => a.ResponseId);
            var choices = (await db.Set<SurveyAnswerChoice>().AsNoTracking().Where(c => ids.Contains(c.ResponseId))
                    .OrderBy(c => c.OptionId).Select(c => new { c.ResponseId, c.QuestionId, c.OptionId }).ToListAsync(cancellationToken))
                .ToLookup(c => c.ResponseId);
            var respondents = new Dictionary<int, string>();
            var people = PeopleNames.Empty;
            if (!survey.IsAnonymous)
            {
                respondents = await db.SurveyParticipations.AsNoTracking()
                    .Where(p => p.SurveyId == survey.Id && p.ResponseId != null && ids.Contains(p.ResponseId.Value))
                    .ToDictionaryAsync(p => p.ResponseId!.Value, p => p.UserId, cancellationToken);
                people = await PeopleDirectory.NamesAsync(db, respondents.Values, cancellationToken);
            }

            foreach (var response in batch)
            {
                yield return new SurveyResponseRow(
                    response.Id,
                    response.Source,
                    respondents.TryGetValue(response.Id, out var userId) ? people.Person(userId) : null,
                    answers[response.Id].ToDictionary(a => a.QuestionId),
                    choices[response.Id].ToLookup(c => c.QuestionId, c => c.OptionId));
            }
        }
    }

    /// <summary>
    /// The order of an anonymous survey's rows: how it came in, then per question in order whether
    /// each option was chosen (chosen first) and the texts, and the id only among rows that are equal
    /// in every exported column.
    /// </summary>
    private static IOrderedQueryable<SurveyResponse> ByContent(KyodoDbContext db, Survey survey, IQueryable<SurveyResponse> responses)
    {
        var choices = db.Set<SurveyAnswerChoice>();
        var answers = db.Set<SurveyAnswer>();
        var ordered = responses.OrderBy(r => r.Source);
        foreach (var question in survey.Questions.OrderBy(q => q.Number))
        {
            var questionId = question.Id;
            foreach (var option in question.Options.OrderBy(o => o.Number))
            {
                var optionId = option.Id;
                ordered = ordered.ThenByDescending(r => choices.Any(c => c.ResponseId == r.Id && c.OptionId == optionId));
            }

            ordered = Then(ordered, r => answers.Where(a => a.ResponseId == r.Id && a.QuestionId == questionId).Select(a => a.Text).FirstOrDefault());
            ordered = Then(ordered, r => answers.Where(a => a.ResponseId == r.Id && a.QuestionId == questionId).Select(a => a.OtherText).FirstOrDefault());
            ordered = Then(ordered, r => answers.Where(a => a.ResponseId == r.Id && a.QuestionId == questionId).Select(a => a.Reason).FirstOrDefault());
        }

        return ordered.ThenBy(r => r.Id);
    }

    private static IOrderedQueryable<SurveyResponse> Then(IOrderedQueryable<SurveyResponse> ordered, Expression<Func<SurveyResponse, string?>> key) =>
        ordered.ThenBy(key);
}
