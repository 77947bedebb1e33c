using System.ComponentModel.DataAnnotations;

namespace KyodoPortal.Domain.Projects;

/// <summary>What kind of party signs a 協定. Stored as its name (string).</summary>
public enum AgreementPartyKind
{
    /// <summary>A citizen group registered in the directory (<see cref="AgreementParty.CitizenGroupId"/> is set).</summary>
    [Display(Name = "市民活動団体")]
    CitizenGroup,

    /// <summary>A city department (<see cref="AgreementParty.DepartmentId"/> is set).</summary>
    [Display(Name = "市の担当課")]
    Department,

    /// <summary>Anyone else, e.g. a company or a group not in the directory; named only.</summary>
    [Display(Name = "その他")]
    Other,
}
