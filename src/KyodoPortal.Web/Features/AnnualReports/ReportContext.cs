using System.Security.Claims;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.AnnualReports;

/// <summary>A project's fiscal year as its report pages need it: the side the user acts for and every revision, oldest first.</summary>
public sealed record ReportContext(Project Project, int FiscalYear, ProjectSide Side, List<AnnualReport> Revisions)
{
    public AnnualReport? Latest => Revisions.Count == 0 ? null : Revisions[^1];

    /// <summary>Null (→ 404) for a year outside the term or a user who is not a party.</summary>
    public static async Task<ReportContext?> LoadAsync(KyodoDbContext db, ClaimsPrincipal user, int projectId, int fiscalYear, bool tracking, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, projectId, tracking: false, cancellationToken);
        if (project is null || !project.CoversFiscalYear(fiscalYear))
        {
            return null;
        }

        var side = ProjectAccess.SideOf(user, project);
        if (side == ProjectSide.None)
        {
            return null;
        }

        var query = db.AnnualReports.AsSplitQuery().Where(r => r.ProjectId == projectId && r.FiscalYear == fiscalYear).OrderBy(r => r.Revision);
        var revisions = await (tracking ? query : query.AsNoTracking()).ToListAsync(cancellationToken);
        return new ReportContext(project, fiscalYear, side, revisions);
    }
}
