using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Proposals;

/// <summary>A planned activity, e.g. セミナー: 6 times a year, 20 seats each.</summary>
public sealed class ProposalActivity
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 1000;

    // For EF Core materialization.
    private ProposalActivity()
    {
        Name = string.Empty;
    }

    internal ProposalActivity(ActivityDraft draft, int sortOrder)
    {
        Name = Text.Required(draft.Name, NameMaxLength, nameof(draft.Name));
        if (draft.TimesPerYear < 0 || draft.CapacityPerTime < 0)
        {
            throw new DomainRuleException("活動「{0}」の回数と定員は0以上で入力してください。", Name);
        }

        TimesPerYear = draft.TimesPerYear;
        CapacityPerTime = draft.CapacityPerTime;
        Description = Text.Optional(draft.Description, DescriptionMaxLength, nameof(draft.Description));
        SortOrder = sortOrder;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public int TimesPerYear { get; private set; }

    /// <summary>定員 per session; 0 when the activity has no fixed capacity.</summary>
    public int CapacityPerTime { get; private set; }

    public string? Description { get; private set; }

    public int SortOrder { get; private set; }
}

public sealed record ActivityDraft(string Name, int TimesPerYear, int CapacityPerTime, string? Description = null);
