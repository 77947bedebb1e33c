using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Projects;

/// <summary>
/// The actual of one KPI in an annual report, e.g. 就労者数 4 (人). Matched to the plan's KPI by
/// name; a KPI the plan does not have can be reported too (it then shows without a target).
/// </summary>
public sealed class KpiActual
{
    public const int ActualTextMaxLength = 2000;
    public const int EvidenceMaxLength = 500;
    public const int CommentMaxLength = 1000;

    /// <summary>Decimal places an actual value may have (column scale).</summary>
    public const int ActualValueScale = 2;

    /// <summary>Total digits an actual value may have (column precision).</summary>
    public const int ActualValuePrecision = 14;

    private const decimal MaxActualValue = 999_999_999_999.99m;

    // For EF Core materialization.
    private KpiActual()
    {
        KpiName = string.Empty;
    }

    internal KpiActual(KpiActualDraft draft, int sortOrder)
    {
        ArgumentNullException.ThrowIfNull(draft);
        KpiName = Text.Required(draft.KpiName, Kpi.NameMaxLength, nameof(draft.KpiName));
        if (draft.ActualValue is { } value && (value < 0 || value > MaxActualValue || decimal.Round(value, ActualValueScale) != value))
        {
            throw new DomainRuleException("成果指標「{0}」の実績値は0以上、小数点以下{1}桁までで入力してください。", KpiName, ActualValueScale);
        }

        ActualValue = draft.ActualValue;
        ActualText = Text.Optional(draft.ActualText, ActualTextMaxLength, nameof(draft.ActualText));
        Evidence = Text.Optional(draft.Evidence, EvidenceMaxLength, nameof(draft.Evidence));
        Comment = Text.Optional(draft.Comment, CommentMaxLength, nameof(draft.Comment));
        SortOrder = sortOrder;
    }

    public int Id { get; private set; }

    public string KpiName { get; private set; }

    /// <summary>The number reached, for a quantitative KPI.</summary>
    public decimal? ActualValue { get; private set; }

    /// <summary>The outcome in words (qualitative KPI, or a note on the number).</summary>
    public string? ActualText { get; private set; }

    /// <summary>根拠: where the number comes from, e.g. 団体の支援記録.</summary>
    public string? Evidence { get; private set; }

    /// <summary>Why the value is missing or what it means, e.g. 就労人数だけでは測れない成果がある.</summary>
    public string? Comment { get; private set; }

    public int SortOrder { get; private set; }

    internal bool IsEmpty => ActualValue is null && ActualText is null && Evidence is null && Comment is null;

    public KpiActualDraft ToDraft() => new(KpiName, ActualValue, ActualText, Evidence, Comment);
}

/// <summary>What a form enters for one KPI's actual; a row with nothing but the name is no actual.</summary>
public sealed record KpiActualDraft(string KpiName, decimal? ActualValue, string? ActualText = null, string? Evidence = null, string? Comment = null);
