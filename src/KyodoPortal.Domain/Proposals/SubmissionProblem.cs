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

/// <summary>One reason a proposal cannot be submitted, with a message the UI can show as is.</summary>
public sealed record SubmissionProblem(SubmissionProblemCode Code, UserMessage Message);
