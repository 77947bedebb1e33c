using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Proposals;

/// <summary>A proposal's budget totals for one fiscal year, computed from its lines.</summary>
public sealed record BudgetYear(FiscalYear FiscalYear, long ExpenseTotal, long IncomeTotal, long CityShare)
{
    /// <summary>Income covers exactly the expenses: the budget sheet's 収入合計 = 支出合計.</summary>
    public bool Balanced => IncomeTotal == ExpenseTotal;
}
