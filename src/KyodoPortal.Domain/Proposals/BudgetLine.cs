using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Proposals;

/// <summary>
/// One line of a proposal's budget for one fiscal year. A line is either a plain amount or
/// unit price × quantity (e.g. 参加費 1,000円 × 120人), in which case the amount is computed so
/// the two can never disagree.
/// </summary>
public sealed class BudgetLine
{
    public const int ItemMaxLength = 200;

    /// <summary>
    /// Just under 1兆円. No civic project comes near it, and it keeps every sum over a
    /// proposal's lines far from overflowing a long.
    /// </summary>
    public const long MaxAmount = 999_999_999_999;

    // For EF Core materialization.
    private BudgetLine()
    {
    }

    internal BudgetLine(BudgetLineDraft draft, int sortOrder)
    {
        if (!Enum.IsDefined(draft.Category))
        {
            throw new ArgumentOutOfRangeException(nameof(draft), draft.Category, "Unknown budget category.");
        }

        _ = new Common.FiscalYear(draft.FiscalYear);
        FiscalYear = draft.FiscalYear;
        Category = draft.Category;
        Direction = draft.Category.Direction();
        Item = Text.Optional(draft.Item, ItemMaxLength, nameof(draft.Item));
        SortOrder = sortOrder;

        var where = new UserMessage("{0}の{1}", new FiscalYear(FiscalYear), Category);
        if (Category == BudgetCategory.OtherIncome && Item is null)
        {
            throw new DomainRuleException("{0}には内容を入力してください。", where);
        }

        if (draft.UnitPrice is null != draft.Quantity is null)
        {
            throw new DomainRuleException("{0}は単価と数量の両方を入力してください。", where);
        }

        if (draft.UnitPrice is { } unitPrice && draft.Quantity is { } quantity)
        {
            CheckRange(unitPrice, where);
            CheckRange(quantity, where);
            var product = Multiply(unitPrice, quantity, where);
            if (draft.Amount is { } given && given != product)
            {
                throw new DomainRuleException("{0}の金額が単価×数量と一致していません。", where);
            }

            UnitPrice = unitPrice;
            Quantity = quantity;
            Amount = product;
        }
        else if (Category == BudgetCategory.ParticipantFees)
        {
            // Fees are planned per participant so a later change (e.g. 1,000円 → 0円) shows as
            // a change of price or headcount, not an unexplained new total.
            throw new DomainRuleException("{0}は単価と参加者数で入力してください。", where);
        }
        else
        {
            Amount = draft.Amount ?? throw new DomainRuleException("{0}の金額を入力してください。", where);
            CheckRange(Amount, where);
        }
    }

    public int Id { get; private set; }

    /// <summary>Start year of the fiscal year.</summary>
    public int FiscalYear { get; private set; }

    /// <summary>Always <see cref="BudgetCategories.Direction"/> of <see cref="Category"/>; stored for queries.</summary>
    public BudgetDirection Direction { get; private set; }

    public BudgetCategory Category { get; private set; }

    /// <summary>内訳, e.g. 講師謝礼 or 会場使用料. Required for その他収入.</summary>
    public string? Item { get; private set; }

    public long? UnitPrice { get; private set; }

    /// <summary>人数, 回数, …; for 参加費 the expected number of participants.</summary>
    public long? Quantity { get; private set; }

    /// <summary>Yen; <see cref="UnitPrice"/> × <see cref="Quantity"/> when those are set.</summary>
    public long Amount { get; private set; }

    public int SortOrder { get; private set; }

    private static void CheckRange(long value, UserMessage where)
    {
        if (value < 0)
        {
            throw new DomainRuleException("{0}の金額と数量は0以上で入力してください。", where);
        }

        if (value > MaxAmount)
        {
            throw new DomainRuleException("{0}の金額が大きすぎます。", where);
        }
    }

    private static long Multiply(long unitPrice, long quantity, UserMessage where)
    {
        // Int128 cannot overflow for two longs, so the cap check replaces an overflow check.
        var product = (Int128)unitPrice * quantity;
        return product <= MaxAmount
            ? (long)product
            : throw new DomainRuleException("{0}の金額が大きすぎます。", where);
    }
}

/// <summary>
/// What a proposer enters for one budget line: either <paramref name="Amount"/>, or
/// <paramref name="UnitPrice"/> and <paramref name="Quantity"/> (required for 参加費).
/// </summary>
public sealed record BudgetLineDraft(
    int FiscalYear,
    BudgetCategory Category,
    string? Item,
    long? Amount,
    long? UnitPrice = null,
    long? Quantity = null);
