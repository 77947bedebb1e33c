using System.ComponentModel.DataAnnotations;

namespace KyodoPortal.Domain.Proposals;

/// <summary>Where a proposal is in its lifecycle. Stored as its name (string); see <see cref="ProposalWorkflow"/>.</summary>
public enum ProposalStatus
{
    [Display(Name = "下書き")]
    Draft,

    [Display(Name = "提出済み")]
    Submitted,

    [Display(Name = "差し戻し")]
    Returned,

    [Display(Name = "再提出済み")]
    Resubmitted,

    [Display(Name = "審査中")]
    UnderScreening,

    [Display(Name = "採択")]
    Selected,

    [Display(Name = "不採択")]
    NotSelected,

    [Display(Name = "取り下げ")]
    Withdrawn,
}
