using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.AnnualReports;

/// <summary>
/// The active accounts to e-mail about a project: its 団体's members or its 担当課's staff for the
/// report cycle (the sides that act on a report), or every party's accounts for what all parties
/// check (the minutes).
/// </summary>
public static class ReportRecipients
{
    /// <summary>The members of 団体 (<see cref="Project.GroupPartyId"/>); another group the agreement names acts on no report.</summary>
    public static Task<List<string>> GroupMembersAsync(KyodoDbContext db, Project project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        return EmailsAsync(db, [.. new[] { project.GroupPartyId }.OfType<int>()], [], cancellationToken);
    }

    /// <summary>The staff of 担当課 (<see cref="Project.DepartmentPartyId"/>).</summary>
    public static Task<List<string>> DepartmentStaffAsync(KyodoDbContext db, Project project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        return EmailsAsync(db, [], [.. new[] { project.DepartmentPartyId }.OfType<int>()], cancellationToken);
    }

    /// <summary>The accounts of every group and department that is a party: 団体, 担当課 and the others the agreement names.</summary>
    public static Task<List<string>> EveryPartyAsync(KyodoDbContext db, Project project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        var parties = project.Agreement?.Parties ?? [];
        return EmailsAsync(
            db,
            [.. new[] { project.GroupPartyId }.Concat(parties.Select(p => p.CitizenGroupId)).OfType<int>().Distinct()],
            [.. new[] { project.DepartmentPartyId }.Concat(parties.Select(p => p.DepartmentId)).OfType<int>().Distinct()],
            cancellationToken);
    }

    private static Task<List<string>> EmailsAsync(KyodoDbContext db, List<int> groupIds, List<int> departmentIds, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Email != null
                && ((u.CitizenGroupId != null && groupIds.Contains(u.CitizenGroupId.Value)) || (u.DepartmentId != null && departmentIds.Contains(u.DepartmentId.Value))))
            .OrderBy(u => u.Email)
            .Select(u => u.Email!)
            .ToListAsync(cancellationToken);
}
