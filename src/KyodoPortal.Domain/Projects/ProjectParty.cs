using System.ComponentModel.DataAnnotations;

namespace KyodoPortal.Domain.Projects;

/// <summary>What a group or department is on a project. Not stored: derived from the project and its agreement.</summary>
public enum ProjectPartyKind
{
    /// <summary>The group that proposed and signs as 団体; it writes the reports and the group's self-evaluation.</summary>
    [Display(Name = "団体")]
    Group,

    /// <summary>The partner department (担当課); it reviews the reports and writes the department's self-evaluation.</summary>
    [Display(Name = "担当課")]
    Department,

    /// <summary>Any other group or department the agreement names, e.g. the lecturer's group of a 三者協定.</summary>
    [Display(Name = "その他の協定当事者")]
    OtherParty,
}

/// <summary>
/// One party of a project as <see cref="Project.PartyOfGroup"/> and <see cref="Project.PartyOfDepartment"/>
/// find it: its kind and, for another party of the agreement, the name the agreement gives it (which
/// is how its answers in the minutes are attributed).
/// </summary>
public sealed record ProjectParty(ProjectPartyKind Kind, string? AgreementName = null)
{
    public static readonly ProjectParty Group = new(ProjectPartyKind.Group);

    public static readonly ProjectParty Department = new(ProjectPartyKind.Department);

    public static ProjectParty Other(string agreementName) =>
        new(ProjectPartyKind.OtherParty, string.IsNullOrWhiteSpace(agreementName) ? throw new ArgumentException("Another party is known by its name in the agreement.", nameof(agreementName)) : agreementName);

    /// <summary>団体 or 担当課: the two sides that act on the project's reports, plans and self-evaluations.</summary>
    public bool IsPrincipal => Kind is ProjectPartyKind.Group or ProjectPartyKind.Department;
}
