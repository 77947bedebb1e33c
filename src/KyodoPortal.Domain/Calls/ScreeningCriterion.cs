using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Calls;

/// <summary>審査基準: one row of a call's screening rubric, e.g. 公益性 with weight 2, scored 1–5.</summary>
public sealed class ScreeningCriterion
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 1000;
    public const int MinWeight = 1;
    public const int MaxWeight = 100;
    public const int MinMaxPoints = 1;
    public const int MaxMaxPoints = 100;

    // For EF Core materialization.
    private ScreeningCriterion()
    {
        Name = string.Empty;
    }

    internal ScreeningCriterion(ScreeningCriterionDraft draft, int sortOrder)
    {
        Name = Text.Required(draft.Name, NameMaxLength, nameof(draft.Name));
        Description = Text.Optional(draft.Description, DescriptionMaxLength, nameof(draft.Description));
        if (draft.Weight is < MinWeight or > MaxWeight)
        {
            throw new DomainRuleException("審査基準「{0}」の重みは{1}から{2}の間で指定してください。", Name, MinWeight, MaxWeight);
        }

        if (draft.MaxPoints is < MinMaxPoints or > MaxMaxPoints)
        {
            throw new DomainRuleException("審査基準「{0}」の満点は{1}から{2}の間で指定してください。", Name, MinMaxPoints, MaxMaxPoints);
        }

        Weight = draft.Weight;
        MaxPoints = draft.MaxPoints;
        SortOrder = sortOrder;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public string? Description { get; private set; }

    /// <summary>How much this criterion counts in the weighted total.</summary>
    public int Weight { get; private set; }

    /// <summary>The highest score a committee member can give (e.g. 5 on a 1–5 scale).</summary>
    public int MaxPoints { get; private set; }

    public int SortOrder { get; private set; }
}

/// <summary>What a coordinator enters for one screening criterion.</summary>
public sealed record ScreeningCriterionDraft(string Name, string? Description, int Weight, int MaxPoints);
