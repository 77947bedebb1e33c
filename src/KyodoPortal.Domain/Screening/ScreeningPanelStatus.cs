using System.ComponentModel.DataAnnotations;

namespace KyodoPortal.Domain.Screening;

/// <summary>Where a call's screening is. Stored as its name (string).</summary>
public enum ScreeningPanelStatus
{
    /// <summary>Members declare conflicts and score; the coordinator assigns members and recuses.</summary>
    [Display(Name = "審査中")]
    Open,

    /// <summary>Scores are final; only the coordinator's decisions remain.</summary>
    [Display(Name = "審査終了")]
    Closed,
}
