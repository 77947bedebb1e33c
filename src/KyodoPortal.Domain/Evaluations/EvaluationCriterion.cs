using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Screening;

namespace KyodoPortal.Domain.Evaluations;

/// <summary>
/// One criterion (評価項目) of an evaluation round: its category, name, weight and maximum points,
/// on the same scales as a screening criterion so the same arithmetic applies.
/// </summary>
public sealed class EvaluationCriterion
{
    public const int NameMaxLength = 100;
    public const int MaxCount = 20;

    // For EF Core materialization.
    private EvaluationCriterion()
    {
        Name = string.Empty;
    }

    internal EvaluationCriterion(EvaluationCriterionDraft draft, int sortOrder)
    {
        Category = draft.Category;
        Name = draft.Name;
        Weight = draft.Weight;
        MaxPoints = draft.MaxPoints;
        SortOrder = sortOrder;
    }

    public int Id { get; private set; }

    public EvaluationCategory Category { get; private set; }

    public string Name { get; private set; }

    public int Weight { get; private set; }

    public int MaxPoints { get; private set; }

    public int SortOrder { get; private set; }

    public RubricCriterion ToRubric() => new(Id, Name, Weight, MaxPoints);

    /// <summary>The default criteria: 過程 (役割分担・対等性, 情報共有, 市民参加) and 成果 (KPI達成度, 地域への効果, 費用対効果, 継続性), each weight 1 out of 5 points.</summary>
    public static IReadOnlyList<EvaluationCriterionDraft> Defaults { get; } =
    [
        new(EvaluationCategory.Process, "役割分担・対等性", 1, 5),
        new(EvaluationCategory.Process, "情報共有", 1, 5),
        new(EvaluationCategory.Process, "市民参加", 1, 5),
        new(EvaluationCategory.Results, "KPI達成度", 1, 5),
        new(EvaluationCategory.Results, "地域への効果", 1, 5),
        new(EvaluationCategory.Results, "費用対効果", 1, 5),
        new(EvaluationCategory.Results, "継続性", 1, 5),
    ];

    /// <summary>
    /// Checks a whole set of criteria: at least one and at most <see cref="MaxCount"/>, a known
    /// category, a name (unique in the round), weight and maximum points within the screening ranges.
    /// Returns them with names trimmed.
    /// </summary>
    public static IReadOnlyList<EvaluationCriterionDraft> Validate(IEnumerable<EvaluationCriterionDraft> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var result = new List<EvaluationCriterionDraft>();
        foreach (var draft in drafts)
        {
            ArgumentNullException.ThrowIfNull(draft, nameof(drafts));
            if (!Enum.IsDefined(draft.Category))
            {
                throw new DomainRuleException("評価項目の区分を選んでください。");
            }

            var name = draft.Name?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                throw new DomainRuleException("評価項目の名称を入力してください。");
            }

            if (name.Length > NameMaxLength)
            {
                throw new DomainRuleException("評価項目の名称は{0}文字以内で入力してください。", NameMaxLength);
            }

            if (result.Any(existing => string.Equals(existing.Name, name, StringComparison.Ordinal)))
            {
                throw new DomainRuleException("評価項目「{0}」が重複しています。", name);
            }

            if (draft.Weight is < ScreeningCriterion.MinWeight or > ScreeningCriterion.MaxWeight)
            {
                throw new DomainRuleException("評価項目「{0}」の重みは{1}から{2}の間で指定してください。", name, ScreeningCriterion.MinWeight, ScreeningCriterion.MaxWeight);
            }

            if (draft.MaxPoints is < ScreeningCriterion.MinMaxPoints or > ScreeningCriterion.MaxMaxPoints)
            {
                throw new DomainRuleException("評価項目「{0}」の満点は{1}から{2}の間で指定してください。", name, ScreeningCriterion.MinMaxPoints, ScreeningCriterion.MaxMaxPoints);
            }

            result.Add(draft with { Name = name });
        }

        if (result.Count == 0)
        {
            throw new DomainRuleException("評価項目を1つ以上設定してください。");
        }

        if (result.Count > MaxCount)
        {
            throw new DomainRuleException("評価項目は{0}項目以内にしてください。", MaxCount);
        }

        return result;
    }
}

/// <summary>What the coordinator enters for one criterion.</summary>
public sealed record EvaluationCriterionDraft(EvaluationCategory Category, string Name, int Weight, int MaxPoints);
