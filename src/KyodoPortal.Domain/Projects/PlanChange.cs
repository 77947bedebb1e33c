using System.ComponentModel.DataAnnotations;

namespace KyodoPortal.Domain.Projects;

/// <summary>Which part of a plan a <see cref="PlanChange"/> is about. Listed in this order.</summary>
public enum PlanArea
{
    [Display(Name = "活動")]
    Activity,

    [Display(Name = "予算")]
    Budget,

    /// <summary>A 参加費 budget line: shown on its own so a fee change (1,000円 → 0円) is never lost among the other lines.</summary>
    [Display(Name = "参加費")]
    ParticipantFee,

    [Display(Name = "成果指標")]
    Kpi,

    [Display(Name = "役割分担")]
    RoleSplit,
}

/// <summary>Whether a row was added, removed or changed between two plans.</summary>
public enum PlanChangeKind
{
    [Display(Name = "追加")]
    Added,

    [Display(Name = "削除")]
    Removed,

    [Display(Name = "変更")]
    Changed,
}

/// <summary>
/// One difference between two plans, ready to show: e.g. 参加費, 「令和7年度 参加費（セミナー参加費）」,
/// 「1,000円 × 120人 = 120,000円」 → 「0円 × 120人 = 0円」, budget effect −120,000.
/// </summary>
/// <param name="Subject">What changed, in Japanese.</param>
/// <param name="Before">The old value in Japanese; null when the row was added.</param>
/// <param name="After">The new value in Japanese; null when the row was removed.</param>
/// <param name="BudgetEffect">For budget and fee lines: new amount − old amount (yen); null otherwise.</param>
public sealed record PlanChange(PlanArea Area, PlanChangeKind Kind, string Subject, string? Before, string? After, long? BudgetEffect);
