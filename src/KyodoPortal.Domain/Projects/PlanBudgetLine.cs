using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Projects;

/// <summary>
/// One budget line of a <see cref="PlanContent"/> for one fiscal year; either a plain amount or
/// unit price × quantity (参加費 1,000円 × 120人 = 120,000円).
/// </summary>
public sealed class PlanBudgetLine
{
    // For EF Core materialization.
    private PlanBudgetLine()
    {
    }

    /// <summary>Copies a line the proposal's rules already validated (amount = unit price × quantity).</summary>
    internal PlanBudgetLine(BudgetLine validated)
    {
        FiscalYear = validated.FiscalYear;
        Category = validated.Category;
        Item = validated.Item;
        Amount = validated.Amount;
        UnitPrice = validated.UnitPrice;
        Quantity = validated.Quantity;
    }

    /// <summary>Start year of the fiscal year.</summary>
    public int FiscalYear { get; private set; }

    public BudgetCategory Category { get; private set; }

    /// <summary>内訳, e.g. 講師謝礼; required for その他収入.</summary>
    public string? Item { get; private set; }

    /// <summary>Yen; <see cref="UnitPrice"/> × <see cref="Quantity"/> when those are set.</summary>
    public long Amount { get; private set; }

    public long? UnitPrice { get; private set; }

    /// <summary>人数, 回数, …; for 参加費 the expected number of participants.</summary>
    public long? Quantity { get; private set; }

    /// <summary>Expense or income; follows from <see cref="Category"/> (not stored).</summary>
    public BudgetDirection Direction => Category.Direction();

    /// <summary>The line as a draft; a unit-priced line leaves the amount out so a changed price or quantity recomputes it.</summary>
    public BudgetLineDraft ToDraft() => new(FiscalYear, Category, Item, UnitPrice is null ? Amount : null, UnitPrice, Quantity);

    /// <summary>A separate instance with the same values: an owned row can belong to one owner only.</summary>
    internal PlanBudgetLine Copy() => (PlanBudgetLine)MemberwiseClone();
}
