using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Proposals;

/// <summary>What the project does in one fiscal year of its term (several rows per year are fine).</summary>
public sealed class ProposalScheduleItem
{
    public const int DescriptionMaxLength = 1000;

    // For EF Core materialization.
    private ProposalScheduleItem()
    {
        Description = string.Empty;
    }

    internal ProposalScheduleItem(ScheduleItemDraft draft, int sortOrder)
    {
        _ = new Common.FiscalYear(draft.FiscalYear);
        FiscalYear = draft.FiscalYear;
        Description = Text.Required(draft.Description, DescriptionMaxLength, nameof(draft.Description));
        SortOrder = sortOrder;
    }

    public int Id { get; private set; }

    /// <summary>Start year of the fiscal year.</summary>
    public int FiscalYear { get; private set; }

    public string Description { get; private set; }

    public int SortOrder { get; private set; }
}

public sealed record ScheduleItemDraft(int FiscalYear, string Description);
