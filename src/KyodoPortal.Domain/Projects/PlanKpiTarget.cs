using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Projects;

/// <summary>
/// The target of the plan's KPI <see cref="KpiName"/> for one fiscal year: a number
/// (quantitative) and/or a text. Kept flat beside the KPIs so the plan stores as one JSON
/// document without nested collections.
/// </summary>
public sealed class PlanKpiTarget
{
    // For EF Core materialization.
    private PlanKpiTarget()
    {
        KpiName = string.Empty;
    }

    /// <summary>Copies a target the proposal's rules already validated.</summary>
    internal PlanKpiTarget(string kpiName, KpiTarget validated)
    {
        KpiName = kpiName;
        FiscalYear = validated.FiscalYear;
        TargetValue = validated.TargetValue;
        TargetText = validated.TargetText;
    }

    public string KpiName { get; private set; }

    /// <summary>Start year of the fiscal year.</summary>
    public int FiscalYear { get; private set; }

    public long? TargetValue { get; private set; }

    public string? TargetText { get; private set; }

    /// <summary>A separate instance with the same values: an owned row can belong to one owner only.</summary>
    internal PlanKpiTarget Copy() => (PlanKpiTarget)MemberwiseClone();
}
