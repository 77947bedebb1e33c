using System.ComponentModel.DataAnnotations;

namespace KyodoPortal.Domain.Proposals;

public enum KpiKind
{
    /// <summary>A number with a unit and a target per fiscal year, e.g. 就労者数 4人.</summary>
    [Display(Name = "定量")]
    Quantitative,

    /// <summary>An outcome described in words, e.g. 参加者の意識の変化.</summary>
    [Display(Name = "定性")]
    Qualitative,
}
