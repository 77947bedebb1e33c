using System.ComponentModel.DataAnnotations;

namespace KyodoPortal.Domain.Guidelines;

/// <summary>Where a period (期) of the guideline is. Stored as its name; see <see cref="GuidelinePeriod.CanMoveTo"/>.</summary>
public enum GuidelinePeriodStatus
{
    [Display(Name = "案")]
    Draft,

    [Display(Name = "策定済")]
    Adopted,

    [Display(Name = "終了")]
    Closed,
}

/// <summary>進捗状況: how far a measure got in a fiscal year. Stored as its name.</summary>
public enum MeasureProgressStatus
{
    [Display(Name = "未着手")]
    NotStarted,

    [Display(Name = "検討中")]
    UnderConsideration,

    [Display(Name = "実施中")]
    InProgress,

    [Display(Name = "実施済")]
    Done,

    [Display(Name = "継続実施")]
    Continuing,
}

/// <summary>効果: the department's judgement of a measure's effect in the year. Stored as its name.</summary>
public enum MeasureEffectiveness
{
    [Display(Name = "高い")]
    High,

    [Display(Name = "ある")]
    Some,

    [Display(Name = "低い")]
    Low,

    [Display(Name = "判断できない")]
    CannotJudge,
}

/// <summary>Where a year's progress record is in the coordinator's review. Stored as its name.</summary>
public enum ProgressReviewStatus
{
    [Display(Name = "下書き")]
    Draft,

    [Display(Name = "提出済み")]
    Submitted,

    [Display(Name = "差戻し")]
    Returned,

    [Display(Name = "確認済み")]
    Confirmed,
}

/// <summary>Who acts on a progress record: the department in charge of the measure, or the coordinator.</summary>
public enum ProgressActor
{
    [Display(Name = "担当課")]
    Department,

    [Display(Name = "協働推進担当")]
    Coordinator,
}

/// <summary>見直しの方向: what becomes of a measure in the next period. Stored as its name.</summary>
public enum MeasureDecision
{
    [Display(Name = "続行")]
    Keep,

    [Display(Name = "修正")]
    Revise,

    [Display(Name = "削除")]
    Delete,

    [Display(Name = "追加")]
    Add,
}

/// <summary>実施状況 over the period, as the review judges it. Stored as its name.</summary>
public enum ReviewImplementation
{
    [Display(Name = "実施した")]
    Implemented,

    [Display(Name = "一部実施した")]
    Partly,

    [Display(Name = "実施していない")]
    NotImplemented,
}

/// <summary>必要性: whether the measure is still needed. Stored as its name.</summary>
public enum ReviewNecessity
{
    [Display(Name = "引き続き必要")]
    Needed,

    [Display(Name = "見直しが必要")]
    NeedsChange,

    [Display(Name = "必要ない")]
    NotNeeded,
}
