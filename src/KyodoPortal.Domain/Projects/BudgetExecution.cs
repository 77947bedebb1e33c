using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Projects;

/// <summary>
/// One row of a year's budget execution: a heading (category, item) with what the plan says and
/// what the report says. <see cref="InPlan"/> is false for a heading only the report has
/// (planned 0); <see cref="Actual"/> is null for a planned heading the report leaves out, and
/// then there is no <see cref="Deviation"/>.
/// </summary>
public sealed record BudgetExecutionRow(
    BudgetCategory Category,
    string? Item,
    BudgetDirection Direction,
    bool InPlan,
    long Planned,
    long? Actual,
    BudgetDeviation? Deviation,
    string? Note)
{
    /// <summary>e.g. 参加費（セミナー参加費）.</summary>
    public string Label => BudgetExecution.Label(Category, Item);
}

/// <summary>Planned and actual totals of one direction (expense or income), over the reported headings.</summary>
public sealed record BudgetExecutionTotal(long Planned, long Actual, BudgetDeviation Deviation);

/// <summary>A fiscal year's budget execution: per-heading rows and the expense and income totals.</summary>
public sealed record BudgetExecutionTable(int FiscalYear, IReadOnlyList<BudgetExecutionRow> Rows, BudgetExecutionTotal Expense, BudgetExecutionTotal Income);

/// <summary>
/// Planned against actual amounts for one fiscal year (予算執行状況): the plan's lines of that
/// year (lines sharing a category and item are summed) against the report's actuals, matched by
/// (category, item). Rows follow the plan's order, then headings only the report has.
/// </summary>
public static class BudgetExecution
{
    public static BudgetExecutionTable For(PlanContent currentPlan, int fiscalYear, IEnumerable<BudgetActual> actuals)
    {
        ArgumentNullException.ThrowIfNull(currentPlan);
        ArgumentNullException.ThrowIfNull(actuals);
        var reported = actuals.OrderBy(actual => actual.SortOrder).ToList();
        var rows = new List<BudgetExecutionRow>();
        foreach (var heading in currentPlan.BudgetLinesOf(fiscalYear).GroupBy(line => (line.Category, line.Item)))
        {
            var planned = heading.Sum(line => line.Amount);
            var actual = reported.FirstOrDefault(candidate => Matches(candidate, heading.Key.Category, heading.Key.Item));
            rows.Add(new BudgetExecutionRow(
                heading.Key.Category,
                heading.Key.Item,
                heading.Key.Category.Direction(),
                InPlan: true,
                planned,
                actual?.ActualAmount,
                actual is null ? null : BudgetDeviation.Between(planned, actual.ActualAmount),
                actual?.Note));
        }

        foreach (var actual in reported.Where(actual => !rows.Any(row => Matches(actual, row.Category, row.Item))))
        {
            rows.Add(new BudgetExecutionRow(
                actual.Category,
                actual.Item,
                actual.Direction,
                InPlan: false,
                Planned: 0,
                actual.ActualAmount,
                BudgetDeviation.Between(0, actual.ActualAmount),
                actual.Note));
        }

        return new BudgetExecutionTable(fiscalYear, rows, Total(rows, BudgetDirection.Expense), Total(rows, BudgetDirection.Income));
    }

    /// <summary>The execution of <paramref name="report"/>'s year against <paramref name="currentPlan"/>.</summary>
    public static BudgetExecutionTable For(AnnualReport report, PlanContent currentPlan)
    {
        ArgumentNullException.ThrowIfNull(report);
        return For(currentPlan, report.FiscalYear, report.BudgetActuals);
    }

    internal static string Label(BudgetCategory category, string? item) => LabelMessage(category, item).ToString();

    /// <summary>A budget heading in a message: the category, and the item when there is one.</summary>
    internal static UserMessage LabelMessage(BudgetCategory category, string? item) =>
        item is null ? new UserMessage("{0}", category) : new UserMessage("{0}（{1}）", category, item);

    internal static bool Matches(BudgetActual actual, BudgetCategory category, string? item) =>
        actual.Category == category && string.Equals(actual.Item, item, StringComparison.Ordinal);

    private static BudgetExecutionTotal Total(List<BudgetExecutionRow> rows, BudgetDirection direction)
    {
        var ofDirection = rows.Where(row => row.Direction == direction).ToList();
        var planned = ofDirection.Sum(row => row.Planned);
        var actual = ofDirection.Sum(row => row.Actual ?? 0);
        return new BudgetExecutionTotal(planned, actual, BudgetDeviation.Between(planned, actual));
    }
}
