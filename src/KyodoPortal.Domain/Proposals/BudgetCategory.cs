using System.ComponentModel.DataAnnotations;

namespace KyodoPortal.Domain.Proposals;

/// <summary>Whether a budget line spends money or brings it in.</summary>
public enum BudgetDirection
{
    [Display(Name = "支出")]
    Expense,

    [Display(Name = "収入")]
    Income,
}

/// <summary>
/// The budget headings of a proposal (費目). Stored as its name (string). Whether a category is
/// an expense or an income is fixed: see <see cref="BudgetCategories.Direction"/>.
/// </summary>
public enum BudgetCategory
{
    [Display(Name = "報償費")]
    Honoraria,

    [Display(Name = "旅費")]
    Travel,

    [Display(Name = "需用費")]
    Supplies,

    [Display(Name = "役務費")]
    Services,

    [Display(Name = "使用料")]
    Rentals,

    [Display(Name = "その他")]
    OtherExpense,

    [Display(Name = "市負担金")]
    CityShare,

    [Display(Name = "参加費")]
    ParticipantFees,

    [Display(Name = "団体自己負担")]
    GroupContribution,

    [Display(Name = "その他収入")]
    OtherIncome,
}

public static class BudgetCategories
{
    public static IReadOnlyList<BudgetCategory> Expenses { get; } =
        [BudgetCategory.Honoraria, BudgetCategory.Travel, BudgetCategory.Supplies, BudgetCategory.Services, BudgetCategory.Rentals, BudgetCategory.OtherExpense];

    public static IReadOnlyList<BudgetCategory> Incomes { get; } =
        [BudgetCategory.CityShare, BudgetCategory.ParticipantFees, BudgetCategory.GroupContribution, BudgetCategory.OtherIncome];

    public static BudgetDirection Direction(this BudgetCategory category) => category switch
    {
        BudgetCategory.Honoraria or BudgetCategory.Travel or BudgetCategory.Supplies or BudgetCategory.Services
            or BudgetCategory.Rentals or BudgetCategory.OtherExpense => BudgetDirection.Expense,
        BudgetCategory.CityShare or BudgetCategory.ParticipantFees or BudgetCategory.GroupContribution
            or BudgetCategory.OtherIncome => BudgetDirection.Income,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown budget category."),
    };
}
