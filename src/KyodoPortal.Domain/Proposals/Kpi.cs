using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Proposals;

/// <summary>
/// A planned outcome indicator (成果指標). Setting them at proposal time is what lets the annual
/// report compare actuals with targets instead of discovering afterwards that none were set.
/// </summary>
public sealed class Kpi
{
    public const int NameMaxLength = 100;
    public const int UnitMaxLength = 20;
    public const int MeasurementMethodMaxLength = 500;

    private readonly List<KpiTarget> _targets = [];

    // For EF Core materialization.
    private Kpi()
    {
        Name = string.Empty;
    }

    internal Kpi(KpiDraft draft, int sortOrder)
    {
        if (!Enum.IsDefined(draft.Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(draft), draft.Kind, "Unknown KPI kind.");
        }

        Name = Text.Required(draft.Name, NameMaxLength, nameof(draft.Name));
        Kind = draft.Kind;
        Unit = Text.Optional(draft.Unit, UnitMaxLength, nameof(draft.Unit));
        MeasurementMethod = Text.Optional(draft.MeasurementMethod, MeasurementMethodMaxLength, nameof(draft.MeasurementMethod));
        SortOrder = sortOrder;

        // Forms post a row per year of the term; a row left blank is no target, not an error.
        var targets = (draft.Targets ?? []).Select(target => new KpiTarget(Name, Kind, target)).Where(target => !target.IsEmpty).ToList();
        var duplicateYear = targets.GroupBy(target => target.FiscalYear).FirstOrDefault(group => group.Count() > 1);
        if (duplicateYear is not null)
        {
            throw new DomainRuleException("成果指標「{0}」の{1}の目標が重複しています。", Name, new FiscalYear(duplicateYear.Key));
        }

        _targets.AddRange(targets.OrderBy(target => target.FiscalYear));
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public KpiKind Kind { get; private set; }

    /// <summary>人, 回, %…; required (at submission) for a quantitative KPI.</summary>
    public string? Unit { get; private set; }

    /// <summary>How the actual will be measured, e.g. 参加者アンケート.</summary>
    public string? MeasurementMethod { get; private set; }

    public int SortOrder { get; private set; }

    public IReadOnlyList<KpiTarget> Targets => _targets;
}

public sealed record KpiDraft(string Name, KpiKind Kind, string? Unit, string? MeasurementMethod, IReadOnlyList<KpiTargetDraft> Targets);
