using System.ComponentModel.DataAnnotations;

namespace KyodoPortal.Domain.Evaluations;

/// <summary>The two groups of evaluation criteria. Stored as its name (string).</summary>
public enum EvaluationCategory
{
    /// <summary>How the partners worked together: roles, equality, information, participation.</summary>
    [Display(Name = "過程")]
    Process,

    /// <summary>What the year achieved: KPIs, local effect, cost-effectiveness, continuity.</summary>
    [Display(Name = "成果")]
    Results,
}

/// <summary>Where an evaluation round is. Stored as its name (string).</summary>
public enum EvaluationRoundStatus
{
    [Display(Name = "評価中")]
    Open,

    [Display(Name = "評価終了")]
    Closed,
}

/// <summary>The coordinator's recommendation in the consolidated evaluation. Stored as its name (string).</summary>
public enum EvaluationRecommendation
{
    [Display(Name = "継続")]
    Continue,

    /// <summary>Needs the list of what must change (<see cref="EvaluationRound.RequiredChanges"/>).</summary>
    [Display(Name = "改善して継続")]
    ContinueWithRevision,

    [Display(Name = "終了")]
    End,

    [Display(Name = "自立・事業化")]
    Independence,
}

/// <summary>Which party of the project wrote a self-evaluation. Stored as its name (string).</summary>
public enum SelfEvaluationSide
{
    [Display(Name = "団体")]
    Group,

    [Display(Name = "担当課")]
    Department,
}
