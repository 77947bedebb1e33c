using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Projects;

/// <summary>
/// The actual amount of one budget heading in an annual report (決算), matched to the plan's
/// lines of the report's year by (category, item): e.g. 参加費（セミナー参加費） 0円.
/// </summary>
public sealed class BudgetActual
{
    public const int NoteMaxLength = 500;

    // For EF Core materialization.
    private BudgetActual()
    {
    }

    internal BudgetActual(BudgetActualDraft draft, int sortOrder)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!Enum.IsDefined(draft.Category))
        {
            throw new ArgumentOutOfRangeException(nameof(draft), draft.Category, "Unknown budget category.");
        }

        Category = draft.Category;
        Item = Text.Optional(draft.Item, BudgetLine.ItemMaxLength, nameof(draft.Item));
        if (Category == BudgetCategory.OtherIncome && Item is null)
        {
            throw new DomainRuleException("{0}の実績には内容を入力してください。", Category);
        }

        if (draft.ActualAmount is < 0 or > BudgetLine.MaxAmount)
        {
            throw new DomainRuleException("{0}の実績額は0円以上の妥当な金額で入力してください。", LabelMessage);
        }

        ActualAmount = draft.ActualAmount;
        Note = Text.Optional(draft.Note, NoteMaxLength, nameof(draft.Note));
        SortOrder = sortOrder;
    }

    public int Id { get; private set; }

    public BudgetCategory Category { get; private set; }

    public string? Item { get; private set; }

    /// <summary>Yen spent or received.</summary>
    public long ActualAmount { get; private set; }

    /// <summary>Why it differs from the plan, e.g. 参加費を徴収しなかったため.</summary>
    public string? Note { get; private set; }

    public int SortOrder { get; private set; }

    /// <summary>Expense or income; follows from <see cref="Category"/> (not stored).</summary>
    public BudgetDirection Direction => Category.Direction();

    /// <summary>e.g. 参加費（セミナー参加費）.</summary>
    internal string Label => BudgetExecution.Label(Category, Item);

    internal UserMessage LabelMessage => BudgetExecution.LabelMessage(Category, Item);

    public BudgetActualDraft ToDraft() => new(Category, Item, ActualAmount, Note);
}

/// <summary>What a form enters for one budget actual.</summary>
public sealed record BudgetActualDraft(BudgetCategory Category, string? Item, long ActualAmount, string? Note = null);
