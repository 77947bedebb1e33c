using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Surveys;

/// <summary>
/// A question of a survey, numbered in order (【問１】). Choice questions (single, multiple with a
/// maximum, a rating scale's labelled points) have options; a choice question may ask for a free-text
/// reason, which the results print under the option chosen (seed 001).
/// </summary>
public sealed class SurveyQuestion
{
    public const int TextMaxLength = 1000;
    public const int ReasonPromptMaxLength = 200;
    public const int MaxOptions = 30;

    private readonly List<SurveyOption> _options = [];

    // For EF Core materialization.
    private SurveyQuestion()
    {
        Text = string.Empty;
    }

    internal SurveyQuestion(int number, QuestionDraft draft)
    {
        Number = number;
        Text = string.Empty;
        Update(draft);
    }

    public int Id { get; private set; }

    public int SurveyId { get; private set; }

    /// <summary>1, 2, 3… in the order the respondent reads them.</summary>
    public int Number { get; private set; }

    public QuestionKind Kind { get; private set; }

    public string Text { get; private set; }

    public bool IsRequired { get; private set; }

    /// <summary>Multiple choice: how many options one respondent may choose (null: any number).</summary>
    public int? MaxChoices { get; private set; }

    /// <summary>A choice question that also asks why (理由), in a free-text box.</summary>
    public bool AsksReason { get; private set; }

    public string? ReasonPrompt { get; private set; }

    public IReadOnlyList<SurveyOption> Options => _options;

    public bool IsChoice => Kind != QuestionKind.FreeText;

    /// <summary>Choices a respondent may make at most: 1 for single choice and rating.</summary>
    public int ChoiceLimit => Kind switch
    {
        QuestionKind.MultipleChoice => MaxChoices ?? _options.Count,
        QuestionKind.FreeText => 0,
        _ => 1,
    };

    internal void Renumber(int number) => Number = number;

    /// <summary>What would make this question again (its options in order, 「その他」 apart).</summary>
    public QuestionDraft ToDraft() => new(
        Kind,
        Text,
        IsRequired,
        [.. _options.Where(o => !o.IsOther).OrderBy(o => o.Number).Select(o => o.Label)],
        _options.FirstOrDefault(o => o.IsOther)?.Label,
        MaxChoices,
        AsksReason,
        ReasonPrompt);

    internal void Update(QuestionDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!Enum.IsDefined(draft.Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(draft), draft.Kind, "Unknown question kind.");
        }

        var labels = draft.Options.Select(o => o.Trim()).Where(o => o.Length > 0).ToList();
        var isChoice = draft.Kind != QuestionKind.FreeText;
        if (isChoice && labels.Count + (draft.OtherLabel is { Length: > 0 } ? 1 : 0) < 2)
        {
            throw new DomainRuleException("選択肢を2つ以上入力してください。");
        }

        if (labels.Count > MaxOptions)
        {
            throw new DomainRuleException("選択肢は{0}個までです。", MaxOptions);
        }

        if (labels.Distinct(StringComparer.Ordinal).Count() != labels.Count)
        {
            throw new DomainRuleException("同じ選択肢が2回入力されています。");
        }

        Kind = draft.Kind;
        Text = Common.Text.Required(draft.Text, TextMaxLength, nameof(draft.Text));
        IsRequired = draft.IsRequired;
        MaxChoices = draft.Kind == QuestionKind.MultipleChoice ? draft.MaxChoices : null;
        AsksReason = isChoice && draft.AsksReason;
        ReasonPrompt = AsksReason ? Common.Text.Optional(draft.ReasonPrompt, ReasonPromptMaxLength, nameof(draft.ReasonPrompt)) : null;
        _options.Clear();
        if (isChoice)
        {
            var number = 1;
            foreach (var label in labels)
            {
                _options.Add(new SurveyOption(number++, label, isOther: false));
            }

            if (Common.Text.Optional(draft.OtherLabel, SurveyOption.LabelMaxLength, nameof(draft.OtherLabel)) is { } other)
            {
                _options.Add(new SurveyOption(number, other, isOther: true));
            }
        }

        if (MaxChoices is { } max && (max < 1 || max > _options.Count))
        {
            throw new DomainRuleException("選べる数は1から選択肢の数（{0}）までにしてください。", _options.Count);
        }
    }
}

/// <summary>An option of a choice question; <see cref="IsOther"/> is 「その他」, which takes its own text.</summary>
public sealed class SurveyOption
{
    public const int LabelMaxLength = 200;

    // For EF Core materialization.
    private SurveyOption()
    {
        Label = string.Empty;
    }

    internal SurveyOption(int number, string label, bool isOther)
    {
        Number = number;
        Label = Text.Required(label, LabelMaxLength, nameof(label));
        IsOther = isOther;
    }

    public int Id { get; private set; }

    public int QuestionId { get; private set; }

    public int Number { get; private set; }

    public string Label { get; private set; }

    public bool IsOther { get; private set; }
}

/// <summary>
/// What a question form gives: the options one per entry (a rating scale's points in order), and
/// the 「その他」 option's label when there is one.
/// </summary>
public sealed record QuestionDraft(
    QuestionKind Kind,
    string Text,
    bool IsRequired,
    IReadOnlyList<string> Options,
    string? OtherLabel = null,
    int? MaxChoices = null,
    bool AsksReason = false,
    string? ReasonPrompt = null);
