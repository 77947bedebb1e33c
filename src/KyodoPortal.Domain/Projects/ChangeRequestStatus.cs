using System.ComponentModel.DataAnnotations;

namespace KyodoPortal.Domain.Projects;

/// <summary>Where a 計画変更申請 is. Stored as its name (string).</summary>
public enum ChangeRequestStatus
{
    /// <summary>Waiting for the department's and the coordinator's approval (either may reject).</summary>
    [Display(Name = "申請中")]
    Submitted,

    /// <summary>Both approved; the change becomes the next plan version.</summary>
    [Display(Name = "承認")]
    Approved,

    [Display(Name = "却下")]
    Rejected,

    [Display(Name = "取下げ")]
    Withdrawn,
}

/// <summary>Which side of the project asks for a plan change. Stored as its name (string).</summary>
public enum ChangeRequestParty
{
    [Display(Name = "団体")]
    Group,

    [Display(Name = "担当課")]
    Department,
}

/// <summary>Who decides on a plan change: both must approve, either may reject. Stored as its name (string).</summary>
public enum ChangeRequestReviewer
{
    /// <summary>The partner department (担当課).</summary>
    [Display(Name = "担当課")]
    Department,

    /// <summary>The office that runs the scheme (協働推進課).</summary>
    [Display(Name = "協働推進担当")]
    Coordinator,
}
