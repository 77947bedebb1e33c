using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Proposals;

/// <summary>Why a proposal cannot be submitted yet.</summary>
public enum SubmissionProblemCode
{
    TitleMissing,
    BackgroundMissing,
    PurposeMissing,
    BeneficiariesMissing,
    ProposingGroupMissing,
    PartnerDepartmentMissing,
    TermTooLong,
    StartYearNotCallYear,
    ActivitiesMissing,
    RoleSplitsMissing,
    ScheduleYearMissing,
    ScheduleOutsideTerm,
    BudgetMissing,
    BudgetOutsideTerm,
    BudgetUnbalanced,
    CitySharePerYearOverCap,
    CityShareTotalOverCap,
    KpiMissing,
    KpiUnitMissing,
    KpiTargetMissing,
    KpiTargetOutsideTerm,
}

/// <summary>
/// One reason a proposal cannot be submitted, with a message the UI can show as is. A problem about
/// one fiscal year (a budget year, a schedule or KPI target year) names it in
/// <see cref="FiscalYear"/>, so a form can show the reason next to that year.
/// </summary>
public sealed record SubmissionProblem(SubmissionProblemCode Code, UserMessage Message)
{
    private readonly UserMessage? _atField;

    /// <summary>Start year of the fiscal year the problem is about, if it is about one.</summary>
    public int? FiscalYear { get; init; }

    /// <summary>
    /// The same reason worded to stand next to what it is about on a section's form (the year's
    /// totals, the term, the row's year), where the surroundings already say part of it;
    /// <see cref="Message"/> when no shorter wording was given.
    /// </summary>
    public UserMessage AtField
    {
        get => _atField ?? Message;
        init => _atField = value;
    }
}
