using System.ComponentModel.DataAnnotations;

namespace KyodoPortal.Domain.Projects;

/// <summary>What a continuation review (継続審査) decided. Stored as its name (string).</summary>
public enum ContinuationOutcome
{
    /// <summary>延長: the term is extended by some fiscal years.</summary>
    [Display(Name = "延長")]
    Extend,

    /// <summary>終了: the project ends with its current term and is then closed.</summary>
    [Display(Name = "終了")]
    End,
}

/// <summary>How a closed project turned out (成果の区分), the outcome the case library is searched by.</summary>
public enum ProjectOutcome
{
    [Display(Name = "成功")]
    Success,

    [Display(Name = "一部達成")]
    PartiallyAchieved,

    /// <summary>途中終了: closed before its term ended, without a 終了 decision; needs a reason.</summary>
    [Display(Name = "途中終了")]
    EndedEarly,
}

/// <summary>Where a project stands with its continuation review on a given day (<see cref="ContinuationPolicy.ReviewOf"/>).</summary>
public enum ContinuationReviewState
{
    /// <summary>Not in its last fiscal year yet (or not running).</summary>
    NotDue,

    /// <summary>In its last fiscal year, on or before the due date, no decision yet.</summary>
    Due,

    /// <summary>After the due date of its last year, or past its term, without a decision.</summary>
    Overdue,

    /// <summary>Decided to end with the current term; waiting to be closed.</summary>
    DecidedToEnd,
}
