using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Proposals;

/// <summary>The target of a KPI for one fiscal year: a number (quantitative) or a text (qualitative).</summary>
public sealed class KpiTarget
{
    public const int TargetTextMaxLength = 500;

    // For EF Core materialization.
    private KpiTarget()
    {
    }

    internal KpiTarget(string kpiName, KpiKind kind, KpiTargetDraft draft)
    {
        _ = new Common.FiscalYear(draft.FiscalYear);
        FiscalYear = draft.FiscalYear;
        TargetText = Text.Optional(draft.TargetText, TargetTextMaxLength, nameof(draft.TargetText));
        if (kind == KpiKind.Qualitative && draft.TargetValue is not null)
        {
            throw new DomainRuleException("定性的な成果指標「{0}」には目標値（数値）を設定できません。", kpiName);
        }

        if (draft.TargetValue < 0)
        {
            throw new DomainRuleException("成果指標「{0}」の目標値は0以上で入力してください。", kpiName);
        }

        TargetValue = draft.TargetValue;
    }

    public int Id { get; private set; }

    /// <summary>Start year of the fiscal year.</summary>
    public int FiscalYear { get; private set; }

    /// <summary>The number to reach, for a quantitative KPI.</summary>
    public long? TargetValue { get; private set; }

    /// <summary>The outcome aimed for, for a qualitative KPI (or a note on a quantitative one).</summary>
    public string? TargetText { get; private set; }

    internal bool IsEmpty => TargetValue is null && TargetText is null;
}

public sealed record KpiTargetDraft(int FiscalYear, long? TargetValue, string? TargetText = null);
