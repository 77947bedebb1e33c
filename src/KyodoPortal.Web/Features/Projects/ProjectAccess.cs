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

    /// <summary>A member of a citizen group that is a party (the proposing group or another signatory).</summary>
    Group,

    /// <summary>Staff of a department that is a party (the partner department or another signatory).</summary>
    Department,
}

/// <summary>
/// Object-level rules for a 協働事業, checked on every action: the coordinating office sees and
/// runs every project; the parties (the proposing group and the partner department, and once an
/// agreement is drafted every group and department it names) see theirs and act for their side;
/// nobody else — they get 404, so a project's working pages do not reveal it exists.
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

        if (user.IsInRole(KyodoRoles.GroupMember) && user.GetCitizenGroupId() is { } groupId
            && (project.ProposingGroupId == groupId || project.Agreement?.Parties.Any(p => p.CitizenGroupId == groupId) == true))
        {
            return ProjectSide.Group;
        }

        if (user.IsInRole(KyodoRoles.DepartmentStaff) && user.GetDepartmentId() is { } departmentId
            && (project.PartnerDepartmentId == departmentId || project.Agreement?.Parties.Any(p => p.DepartmentId == departmentId) == true))
        {
            return ProjectSide.Department;
        }

        return ProjectSide.None;
    }

    public static bool CanView(ClaimsPrincipal user, Project project) => SideOf(user, project) != ProjectSide.None;

    /// <summary>The annual-report actor for a side; null for those who act on no report.</summary>
    public static ReportActor? ReportActorOf(ProjectSide side) => side switch
    {
        ProjectSide.Group => ReportActor.Group,
        ProjectSide.Department => ReportActor.Department,
        ProjectSide.Office => ReportActor.Coordinator,
        _ => null,
    };
}
