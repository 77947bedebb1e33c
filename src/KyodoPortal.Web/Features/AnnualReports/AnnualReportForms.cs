using KyodoPortal.Domain.Projects;

namespace KyodoPortal.Web.Features.AnnualReports;

/// <summary>
/// Builds the edit form from a report and the current plan: one KPI row per KPI of the plan, one
/// budget row per planned heading of the year (category and item fixed), then the rows only the
/// report has and blank rows, so a person adds rows without JavaScript (blank rows are ignored).
/// </summary>
public static class AnnualReportForms
{
    public const int SpareKpiRows = 2;
    public const int SpareBudgetRows = 5;

    public static AnnualReportInput From(AnnualReport report, PlanContent plan)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(plan);
        var kpiActuals = report.KpiActuals.OrderBy(a => a.SortOrder).ToList();
        var budgetActuals = report.BudgetActuals.OrderBy(a => a.SortOrder).ToList();
        var input = new AnnualReportInput
        {
            Summary = report.Summary,
            Outcomes = report.Outcomes,
            Problems = report.Problems,
            NextYearPlan = report.NextYearPlan,
            PublicRelations = report.PublicRelations,
            Version = report.Version,
        };

        foreach (var kpi in plan.Kpis)
        {
            var actual = kpiActuals.FirstOrDefault(a => string.Equals(a.KpiName, kpi.Name, StringComparison.Ordinal));
            input.Kpis.Add(KpiRow(actual, kpi.Name, planned: true));
        }

        input.Kpis.AddRange(kpiActuals
            .Where(a => plan.Kpis.All(k => !string.Equals(k.Name, a.KpiName, StringComparison.Ordinal)))
            .Select(a => KpiRow(a, a.KpiName, planned: false)));

        var headings = plan.BudgetLinesOf(report.FiscalYear).Select(l => (l.Category, l.Item)).Distinct().ToList();
        foreach (var (category, item) in headings)
        {
            var actual = budgetActuals.FirstOrDefault(a => a.Category == category && string.Equals(a.Item, item, StringComparison.Ordinal));
            input.Budget.Add(new BudgetActualRow { Planned = true, Category = category, Item = item, ActualAmount = actual?.ActualAmount, Note = actual?.Note });
        }

        input.Budget.AddRange(budgetActuals
            .Where(a => !headings.Any(h => h.Category == a.Category && string.Equals(h.Item, a.Item, StringComparison.Ordinal)))
            .Select(a => new BudgetActualRow { Category = a.Category, Item = a.Item, ActualAmount = a.ActualAmount, Note = a.Note }));
        return Pad(input);
    }

    /// <summary>Drops blank extra rows, then adds the spare ones, so failed posts never pile rows up.</summary>
    public static AnnualReportInput Pad(AnnualReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        input.Kpis.RemoveAll(r => !r.Planned && r.IsBlank);
        input.Budget.RemoveAll(r => !r.Planned && r.IsBlank);
        input.Kpis.AddRange(Enumerable.Range(0, SpareKpiRows).Select(_ => new KpiActualRow()));
        input.Budget.AddRange(Enumerable.Range(0, SpareBudgetRows).Select(_ => new BudgetActualRow()));
        return input;
    }

    private static KpiActualRow KpiRow(KpiActual? actual, string name, bool planned) => new()
    {
        Planned = planned,
        KpiName = name,
        ActualValue = actual?.ActualValue,
        ActualText = actual?.ActualText,
        Evidence = actual?.Evidence,
        Comment = actual?.Comment,
    };
}
