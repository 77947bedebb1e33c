using System.ComponentModel.DataAnnotations;

namespace KyodoPortal.Domain.Projects;

/// <summary>Where an annual report (事業報告) is. Stored as its name (string); see <see cref="AnnualReportWorkflow"/>.</summary>
public enum AnnualReportStatus
{
    [Display(Name = "下書き")]
    Draft,

    [Display(Name = "提出済み")]
    Submitted,

    [Display(Name = "差戻し")]
    Returned,

    [Display(Name = "再提出")]
    Resubmitted,

    /// <summary>Final: a correction is a new revision (<see cref="AnnualReport.StartCorrection"/>).</summary>
    [Display(Name = "受理")]
    Accepted,
}

/// <summary>
/// The kind of party that acts on an annual report. Which user may act as which kind (a member
/// of the project's group, staff of its department, the coordinating office) is the web layer's
/// permission check. Stored as its name (string).
/// </summary>
public enum ReportActor
{
    [Display(Name = "団体")]
    Group,

    [Display(Name = "担当課")]
    Department,

    [Display(Name = "協働推進担当")]
    Coordinator,
}

/// <summary>The department's overall view of the year, beside its comment. Stored as its name (string).</summary>
public enum DepartmentRating
{
    [Display(Name = "良好")]
    Good,

    [Display(Name = "おおむね良好")]
    Fair,

    [Display(Name = "要改善")]
    NeedsImprovement,
}
