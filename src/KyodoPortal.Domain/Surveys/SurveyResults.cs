using System.ComponentModel.DataAnnotations;
using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Surveys;

/// <summary>
/// What the database counted for a survey (GROUP BY, see the web layer's queries): respondents,
/// respondents per question, choices per option, and the reasons and free texts in groups by
/// question, kind and the option each respondent chose.
/// </summary>
public sealed record SurveyTally(
    int Respondents,
    IReadOnlyDictionary<int, int> RespondentsByQuestion,
    IReadOnlyDictionary<int, int> ChoicesByOption,
    IReadOnlyList<SurveyTextGroup> TextGroups);

/// <summary>
/// A question's reasons or 「その他」 texts under one option (<see cref="OptionId"/>; null for free
/// text): how many there are, and the first of them in the order they are listed (all, or the
/// first few when the results page shows a large survey; the rest are on their own paged page).
/// </summary>
public sealed record SurveyTextGroup(int QuestionId, int? OptionId, SurveyTextKind Kind, int Total, IReadOnlyList<string> Texts);

public enum SurveyTextKind
{
    [Display(Name = "選んだ理由")]
    Reason,

    [Display(Name = "「その他」の内容")]
    OtherText,

    [Display(Name = "自由記述")]
    FreeText,
}

/// <summary>One option's line in a question's table.</summary>
public sealed record OptionResult(int Number, string Label, bool IsOther, int Count, Percentage? Share);

/// <summary>
/// Texts under one option (【非常に理解できた】 ・…), or under no option for a free-text question:
/// the texts shown and how many there are in all (<see cref="HasMore"/> when only the first are shown).
/// </summary>
public sealed record TextGroup(int? OptionNumber, string? OptionLabel, SurveyTextKind Kind, int Total, IReadOnlyList<string> Texts)
{
    public bool HasMore => Total > Texts.Count;
}

public sealed record QuestionResult(
    int Number,
    string Text,
    QuestionKind Kind,
    int Respondents,
    IReadOnlyList<OptionResult> Options,
    IReadOnlyList<TextGroup> Reasons,
    IReadOnlyList<TextGroup> OtherTexts,
    TextGroup? FreeTexts)
{
    /// <summary>Multiple choice: the shares are of respondents, so they may add up to more than 100%.</summary>
    public bool SharesMayExceedHundred => Kind == QuestionKind.MultipleChoice;
}

/// <summary>
/// The seed-001 results: n, the target count and response rate (25 / 27 = 92.6%), and per question
/// the counts with shares to one decimal of the respondents to that question, with the reasons
/// grouped under the option chosen. An anonymous survey's results are withheld below
/// <see cref="MinimumAnswers"/> answers, and its texts come listed by content, not in the order they
/// came in (the query's order), so that nobody can be recognised.
/// </summary>
public sealed record SurveyResults(
    int Respondents,
    int? TargetCount,
    Percentage? ResponseRate,
    bool IsWithheld,
    IReadOnlyList<QuestionResult> Questions)
{
    /// <summary>An anonymous survey shows results only from this many answers.</summary>
    public const int MinimumAnswers = 5;

    public static SurveyResults Compute(Survey survey, SurveyTally tally)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(tally);
        var rate = survey.TargetCount is { } target ? Percentage.OfOrNull(tally.Respondents, target) : null;
        if (survey.IsAnonymous && tally.Respondents < MinimumAnswers)
        {
            return new SurveyResults(tally.Respondents, survey.TargetCount, rate, IsWithheld: true, []);
        }

        var questions = survey.Questions.OrderBy(q => q.Number).Select(question =>
        {
            var respondents = tally.RespondentsByQuestion.GetValueOrDefault(question.Id);
            var options = question.Options.OrderBy(o => o.Number)
                .Select(o =>
                {
                    var count = tally.ChoicesByOption.GetValueOrDefault(o.Id);
                    return new OptionResult(o.Number, o.Label, o.IsOther, count, Percentage.OfOrNull(count, respondents));
                })
                .ToList();
            var texts = tally.TextGroups.Where(t => t.QuestionId == question.Id).ToList();
            var free = texts.FirstOrDefault(t => t.Kind == SurveyTextKind.FreeText);
            return new QuestionResult(
                question.Number,
                question.Text,
                question.Kind,
                respondents,
                options,
                Grouped(question, texts.Where(t => t.Kind == SurveyTextKind.Reason)),
                Grouped(question, texts.Where(t => t.Kind == SurveyTextKind.OtherText)),
                free is null ? null : new TextGroup(null, null, SurveyTextKind.FreeText, free.Total, free.Texts));
        }).ToList();
        return new SurveyResults(tally.Respondents, survey.TargetCount, rate, IsWithheld: false, questions);
    }

    /// <summary>Texts under their options in the options' order (a reason given with no option chosen is not shown).</summary>
    private static List<TextGroup> Grouped(SurveyQuestion question, IEnumerable<SurveyTextGroup> groups)
    {
        var byOption = groups.Where(t => t.OptionId is not null).ToDictionary(t => t.OptionId!.Value);
        return question.Options.OrderBy(o => o.Number)
            .Where(o => byOption.ContainsKey(o.Id))
            .Select(o => new TextGroup(o.Number, o.Label, byOption[o.Id].Kind, byOption[o.Id].Total, byOption[o.Id].Texts))
            .ToList();
    }
}
