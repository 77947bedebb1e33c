using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Surveys;

/// <summary>
/// What the database counted for a survey (GROUP BY, see the web layer's queries): respondents,
/// respondents per question, choices per option, and the reasons and free texts with the option
/// each respondent chose.
/// </summary>
public sealed record SurveyTally(
    int Respondents,
    IReadOnlyDictionary<int, int> RespondentsByQuestion,
    IReadOnlyDictionary<int, int> ChoicesByOption,
    IReadOnlyList<SurveyTextAnswer> Texts);

/// <summary>A reason, 「その他」 text or free-text answer; <see cref="OptionId"/> is the option chosen (null for free text).</summary>
public sealed record SurveyTextAnswer(int QuestionId, int? OptionId, SurveyTextKind Kind, string Text);

public enum SurveyTextKind
{
    Reason,
    OtherText,
    FreeText,
}

/// <summary>One option's line in a question's table.</summary>
public sealed record OptionResult(int Number, string Label, bool IsOther, int Count, Percentage? Share);

/// <summary>Texts under one option (【非常に理解できた】 ・…), or under no option for a free-text question.</summary>
public sealed record TextGroup(string? OptionLabel, IReadOnlyList<string> Texts);

public sealed record QuestionResult(
    int Number,
    string Text,
    QuestionKind Kind,
    int Respondents,
    IReadOnlyList<OptionResult> Options,
    IReadOnlyList<TextGroup> Reasons,
    IReadOnlyList<TextGroup> OtherTexts,
    IReadOnlyList<string> FreeTexts)
{
    /// <summary>Multiple choice: the shares are of respondents, so they may add up to more than 100%.</summary>
    public bool SharesMayExceedHundred => Kind == QuestionKind.MultipleChoice;
}

/// <summary>
/// The seed-001 results: n, the target count and response rate (25 / 27 = 92.6%), and per question
/// the counts with shares to one decimal of the respondents to that question, with the reasons
/// grouped under the option chosen. An anonymous survey's results are withheld below
/// <see cref="MinimumAnswers"/> answers, and its texts are listed by content, not in the order they
/// came in, so that nobody can be recognised.
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
            // An anonymous survey lists its texts by their content, so that their order cannot be matched to when people answered.
            var texts = tally.Texts.Where(t => t.QuestionId == question.Id).ToList();
            if (survey.IsAnonymous)
            {
                texts = [.. texts.OrderBy(t => t.Text, StringComparer.Ordinal)];
            }

            return new QuestionResult(
                question.Number,
                question.Text,
                question.Kind,
                respondents,
                options,
                Grouped(question, texts.Where(t => t.Kind == SurveyTextKind.Reason)),
                Grouped(question, texts.Where(t => t.Kind == SurveyTextKind.OtherText)),
                [.. texts.Where(t => t.Kind == SurveyTextKind.FreeText).Select(t => t.Text)]);
        }).ToList();
        return new SurveyResults(tally.Respondents, survey.TargetCount, rate, IsWithheld: false, questions);
    }

    /// <summary>Texts under their options in the options' order (a reason given with no option chosen is not shown).</summary>
    private static List<TextGroup> Grouped(SurveyQuestion question, IEnumerable<SurveyTextAnswer> texts)
    {
        var byOption = texts.Where(t => t.OptionId is not null).ToLookup(t => t.OptionId!.Value);
        return question.Options.OrderBy(o => o.Number)
            .Where(o => byOption.Contains(o.Id))
            .Select(o => new TextGroup(o.Label, [.. byOption[o.Id].Select(t => t.Text)]))
            .ToList();
    }
}
