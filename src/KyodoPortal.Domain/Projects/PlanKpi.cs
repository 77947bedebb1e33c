using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Projects;

/// <summary>
/// A planned outcome indicator (成果指標) of a <see cref="PlanContent"/>. Its yearly targets are
/// in <see cref="PlanContent.KpiTargets"/>, flat, keyed by <see cref="Name"/>.
/// </summary>
public sealed class PlanKpi
{
    // For EF Core materialization.
    private PlanKpi()
    {
        Name = string.Empty;
    }

    /// <summary>Copies a KPI the proposal's rules already validated.</summary>
    internal PlanKpi(Kpi validated)
    {
        Name = validated.Name;
        Kind = validated.Kind;
        Unit = validated.Unit;
        MeasurementMethod = validated.MeasurementMethod;
    }

    /// <summary>Unique within a plan.</summary>
    public string Name { get; private set; }

    public KpiKind Kind { get; private set; }

    /// <summary>人, 回, %…</summary>
    public string? Unit { get; private set; }

    public string? MeasurementMethod { get; private set; }

    /// <summary>A separate instance with the same values: an owned row can belong to one owner only.</summary>
    internal PlanKpi Copy() => (PlanKpi)MemberwiseClone();
}
