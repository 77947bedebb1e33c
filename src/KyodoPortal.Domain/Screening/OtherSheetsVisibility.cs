using System.ComponentModel.DataAnnotations;

namespace KyodoPortal.Domain.Screening;

/// <summary>When a committee member may read the other members' score sheets for a proposal.</summary>
public enum OtherSheetsVisibility
{
    /// <summary>Once the member has submitted their own sheet for that proposal (so they score independently first).</summary>
    [Display(Name = "自分の評価票の提出後")]
    AfterOwnSubmission,

    /// <summary>Only once the coordinator has closed screening.</summary>
    [Display(Name = "審査終了後")]
    AfterScreeningCloses,
}
