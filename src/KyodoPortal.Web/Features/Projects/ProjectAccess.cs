using System.Security.Claims;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Infrastructure.Auth;

namespace KyodoPortal.Web.Features.Projects;

/// <summary>Which side of a project the signed-in person acts for.</summary>
public enum ProjectSide
{
    /// <summary>Not a party: may not read the project's working pages.</summary>
    None,

    /// <summary>協働推進担当 (coordinator or administrator).</summary>
    Office,

    /// <summary>A member of the project's 団体 (<see cref="Project.GroupPartyId"/>).</summary>
    Group,

    /// <summary>Staff of the project's 担当課 (<see cref="Project.DepartmentPartyId"/>).</summary>
    Department,

    /// <summary>
    /// A member or staff of another party the agreement names (e.g. the lecturer's group of a
    /// 三者協定): reads the project's pages and corrects its own answers in the minutes, but acts
    /// neither as 団体 nor as 担当課.
    /// </summary>
    OtherParty,
}

/// <summary>
/// Object-level rules for a 協働事業, checked on every action: the coordinating office sees and
/// runs every project; its parties (団体, 担当課, and once an agreement is drafted every group and
/// department it names) see it; 団体 and 担当課 act for their side, another party of the agreement
/// only for itself (<see cref="Project.PartyOfGroup"/>, <see cref="Project.PartyOfDepartment"/>:
/// the one rule for who is which party); nobody else — they get 404, so a project's working pages
/// do not reveal it exists.
/// </summary>
public static class ProjectAccess
{
    public static ProjectSide SideOf(ClaimsPrincipal user, Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (user.IsOffice())
        {
            return ProjectSide.Office;
        }

        return PartyOf(user, project)?.Kind switch
        {
            ProjectPartyKind.Group => ProjectSide.Group,
            ProjectPartyKind.Department => ProjectSide.Department,
            ProjectPartyKind.OtherParty => ProjectSide.OtherParty,
            _ => ProjectSide.None,
        };
    }

    /// <summary>
    /// The party the person is on the project through their group or department; null for anyone
    /// else (the office included). Someone in both a group and a department of the project acts
    /// for 団体 or 担当課 before another party.
    /// </summary>
    public static ProjectParty? PartyOf(ClaimsPrincipal user, Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var asGroup = user.IsInRole(KyodoRoles.GroupMember) && user.GetCitizenGroupId() is { } groupId ? project.PartyOfGroup(groupId) : null;
        var asDepartment = user.IsInRole(KyodoRoles.DepartmentStaff) && user.GetDepartmentId() is { } departmentId ? project.PartyOfDepartment(departmentId) : null;
        return asGroup is { IsPrincipal: true } ? asGroup
            : asDepartment is { IsPrincipal: true } ? asDepartment
            : asGroup ?? asDepartment;
    }

    public static bool CanView(ClaimsPrincipal user, Project project) => SideOf(user, project) != ProjectSide.None;

    /// <summary>The annual-report actor for a side; null for those who act on no report (another party of the agreement reads it).</summary>
    public static ReportActor? ReportActorOf(ProjectSide side) => side switch
    {
        ProjectSide.Group => ReportActor.Group,
        ProjectSide.Department => ReportActor.Department,
        ProjectSide.Office => ReportActor.Coordinator,
        _ => null,
    };
}
