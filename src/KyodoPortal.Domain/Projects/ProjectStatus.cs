using System.ComponentModel.DataAnnotations;

namespace KyodoPortal.Domain.Projects;

/// <summary>Where a 協働事業 is. Stored as its name (string).</summary>
public enum ProjectStatus
{
    /// <summary>協定準備中: created from the selected proposal, the agreement is being prepared.</summary>
    [Display(Name = "協定準備中")]
    Preparing,

    /// <summary>実施中: the agreement is signed; activities, change requests and annual reports happen now.</summary>
    [Display(Name = "実施中")]
    InProgress,

    /// <summary>終了: closed with its outcome (<see cref="ProjectClosure"/>); read-only except the annual reports of its term.</summary>
    [Display(Name = "終了")]
    Closed,
}
