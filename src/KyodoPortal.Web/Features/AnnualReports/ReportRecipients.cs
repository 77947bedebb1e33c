using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.AnnualReports;

/// <summary>The active accounts of a project's sides: its groups' members or its departments' staff.</summary>
public static class ReportRecipients
{
    public static Task<List<string>> GroupMembersAsync(KyodoDbContext db, Project project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        var groupIds = GroupIds(project);
        return db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Email != null && u.CitizenGroupId != null && groupIds.Contains(u.CitizenGroupId.Value))
            .OrderBy(u => u.Email)
            .Select(u => u.Email!)
            .ToListAsync(cancellationToken);
    }

    public static Task<List<string>> DepartmentStaffAsync(KyodoDbContext db, Project project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        var departmentIds = new[] { project.PartnerDepartmentId }
            .Concat(project.Agreement?.Parties.Select(p => p.DepartmentId) ?? [])
            .OfType<int>().Distinct().ToList();
        return db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Email != null && u.DepartmentId != null && departmentIds.Contains(u.DepartmentId.Value))
            .OrderBy(u => u.Email)
            .Select(u => u.Email!)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The proposing group and every group the agreement names.</summary>
    public static List<int> GroupIds(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return [.. new[] { project.ProposingGroupId }
            .Concat(project.Agreement?.Parties.Select(p => p.CitizenGroupId) ?? [])
            .OfType<int>().Distinct()];
    }
}
