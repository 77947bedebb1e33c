using System.ComponentModel.DataAnnotations;

namespace KyodoPortal.Domain.Calls;

/// <summary>Who takes the initiative in a call's proposals. Stored as its name (string).</summary>
public enum ProposalType
{
    /// <summary>A citizen group proposes; a partner department may be named.</summary>
    [Display(Name = "市民活動団体提案")]
    GroupProposal,

    /// <summary>A department proposes, against an issue of its own.</summary>
    [Display(Name = "行政提案")]
    DepartmentProposal,

    /// <summary>A group and a department propose together; both are proposers.</summary>
    [Display(Name = "相互提案")]
    MutualProposal,
}
