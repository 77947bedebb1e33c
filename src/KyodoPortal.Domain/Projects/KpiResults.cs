using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Projects;

/// <summary>
/// One KPI of a report's year: the plan's target beside the reported actual, with the
/// attainment (actual of target). <see cref="InPlan"/> is false for a KPI only the report has —
/// e.g. 就労者数 4人 reported for a project that never set a KPI — which then has no target.
/// </summary>
public sealed record KpiResult(
    string KpiName,
    bool InPlan,
    KpiKind? Kind,
    string? Unit,
    long? TargetValue,
    string? TargetText,
    decimal? ActualValue,
    string? ActualText,
    string? Evidence,
    string? Comment,
    Percentage? Attainment);

/// <summary>Targets against actuals for one fiscal year: the plan's KPIs in plan order, then KPIs only the report has.</summary>
public static class KpiResults
{
    public static IReadOnlyList<KpiResult> For(PlanContent currentPlan, int fiscalYear, IEnumerable<KpiActual> actuals)
    {
        ArgumentNullException.ThrowIfNull(currentPlan);
        ArgumentNullException.ThrowIfNull(actuals);
        var reported = actuals.OrderBy(actual => actual.SortOrder).ToList();
        var results = new List<KpiResult>();
        foreach (var kpi in currentPlan.Kpis)
        {
            var target = currentPlan.TargetFor(kpi.Name, fiscalYear);
            var actual = reported.FirstOrDefault(candidate => string.Equals(candidate.KpiName, kpi.Name, StringComparison.Ordinal));
            results.Add(new KpiResult(
                kpi.Name,
                InPlan: true,
                kpi.Kind,
                kpi.Unit,
                target?.TargetValue,
                target?.TargetText,
                actual?.ActualValue,
                actual?.ActualText,
                actual?.Evidence,
                actual?.Comment,
                ProjectFigures.Attainment(actual?.ActualValue, target?.TargetValue)));
        }

        foreach (var actual in reported.Where(actual => currentPlan.Kpis.All(kpi => !string.Equals(kpi.Name, actual.KpiName, StringComparison.Ordinal))))
        {
            results.Add(new KpiResult(actual.KpiName, InPlan: false, null, null, null, null, actual.ActualValue, actual.ActualText, actual.Evidence, actual.Comment, Attainment: null));
        }

        return results;
    }

    /// <summary>The KPI results of <paramref name="report"/>'s year against <paramref name="currentPlan"/>.</summary>
    public static IReadOnlyList<KpiResult> For(AnnualReport report, PlanContent currentPlan)
    {
        ArgumentNullException.ThrowIfNull(report);
        return For(currentPlan, report.FiscalYear, report.KpiActuals);
    }
}
