using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Projects;

/// <summary>The names a project page shows for its parties.</summary>
public sealed record ProjectNames(string? GroupName, string? DepartmentName);

/// <summary>Loading a project and its current plan; shared by every project feature.</summary>
public static class ProjectQueries
{
    /// <summary>
    /// The project with its agreement (parties, role split) and decisions; null when it does not exist.
    /// To show it (no tracking) in one statement where the database pushes the project's id into the
    /// joined collections (PostgreSQL, SQL Server): a handful of rows, where split queries cost four more
    /// round trips on every project page (PostgreSQL, scale 1: 121 → 640 requests/s with the other
    /// changes of issue 15). SQLite joins the role split's derived table in full instead (12–51 ms a
    /// statement at scale 1, 30 requests/s), so there, and for a change (tracking), it is split.
    /// </summary>
    public static Task<Project?> LoadAsync(KyodoDbContext db, int id, bool tracking, CancellationToken cancellationToken) =>
        (tracking || db is SqliteKyodoDbContext ? db.Projects.AsSplitQuery() : db.Projects.AsSingleQuery())
            .AsTracking(tracking ? QueryTrackingBehavior.TrackAll : QueryTrackingBehavior.NoTracking)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>The current plan: the highest version; null before the agreement is signed (no baseline yet).</summary>
    public static Task<ProjectPlan?> CurrentPlanAsync(KyodoDbContext db, int projectId, CancellationToken cancellationToken) =>
        db.ProjectPlans.AsNoTracking()
            .Where(p => p.ProjectId == projectId)
            .OrderByDescending(p => p.Number)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The baseline (当初計画, version 1); null before the agreement is signed.</summary>
    public static Task<ProjectPlan?> BaselineAsync(KyodoDbContext db, int projectId, CancellationToken cancellationToken) =>
        db.ProjectPlans.AsNoTracking()
            .FirstOrDefaultAsync(p => p.ProjectId == projectId && p.Number == ProjectPlan.BaselineNumber, cancellationToken);

    /// <summary>The proposing group's and the partner department's names, in one statement.</summary>
    public static async Task<ProjectNames> NamesAsync(KyodoDbContext db, Project project, CancellationToken cancellationToken)
    {
        if (project.ProposingGroupId is null && project.PartnerDepartmentId is null)
        {
            return new ProjectNames(null, null);
        }

        return await db.Projects.AsNoTracking()
            .Where(p => p.Id == project.Id)
            .Select(p => new ProjectNames(
                db.CitizenGroups.Where(g => g.Id == p.ProposingGroupId).Select(g => g.Name).FirstOrDefault(),
                db.Departments.Where(d => d.Id == p.PartnerDepartmentId).Select(d => d.Name).FirstOrDefault()))
            .FirstOrDefaultAsync(cancellationToken) ?? new ProjectNames(null, null);
    }
}
