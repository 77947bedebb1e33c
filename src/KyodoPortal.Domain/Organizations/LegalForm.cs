using System.ComponentModel.DataAnnotations;

namespace KyodoPortal.Domain.Organizations;

/// <summary>法人格 of a citizen group. Stored as its name (string), so reordering is safe.</summary>
public enum LegalForm
{
    [Display(Name = "NPO法人")]
    NpoCorporation,

    [Display(Name = "認定NPO法人")]
    CertifiedNpoCorporation,

    [Display(Name = "一般社団法人")]
    GeneralIncorporatedAssociation,

    [Display(Name = "任意団体")]
    VoluntaryAssociation,

    [Display(Name = "自治会・町内会")]
    NeighborhoodAssociation,

    [Display(Name = "その他")]
    Other,
}
