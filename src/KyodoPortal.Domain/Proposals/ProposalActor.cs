using System.ComponentModel.DataAnnotations;

namespace KyodoPortal.Domain.Proposals;

/// <summary>
/// The kind of party that moves a proposal. Which user may act as which kind (a member of the
/// proposing group, staff of the proposing department, the coordinating office) is the web
/// layer's permission check.
/// </summary>
public enum ProposalActor
{
    /// <summary>The proposing group or department (both, for a mutual proposal).</summary>
    [Display(Name = "提案者")]
    Proposer,

    /// <summary>The office that runs the scheme (協働推進課).</summary>
    [Display(Name = "協働推進担当")]
    Coordinator,
}
