using System.ComponentModel.DataAnnotations;

namespace KyodoPortal.Domain.Screening;

/// <summary>Where a committee member's score sheet is. Stored as its name (string).</summary>
public enum ScoreSheetStatus
{
    [Display(Name = "下書き")]
    Draft,

    [Display(Name = "提出済み")]
    Submitted,
}
