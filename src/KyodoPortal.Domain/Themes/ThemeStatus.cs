using System.ComponentModel.DataAnnotations;

namespace KyodoPortal.Domain.Themes;

public enum ThemeStatus
{
    /// <summary>The city is looking for partners on this theme.</summary>
    [Display(Name = "募集中")]
    Open,

    [Display(Name = "終了")]
    Closed,
}
