using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Projects;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KyodoPortal.Web.Features.ProjectYears;

/// <summary>
/// 年度の実施状況: one fiscal year of a project in one place — the plan in force, what was held
/// (with attendance and deviations from the plan), KPI targets against the reported actuals, and
/// the budget execution. For the parties only; a year outside the term is 404.
/// </summary>
[Authorize]
public sealed class ProjectYearsController(KyodoDbContext db) : Controller
{
    [HttpGet("/projects/{id:int}/years/{fy:int}")]
    public async Task<IActionResult> Year(int id, int fy, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        var side = project is null ? ProjectSide.None : ProjectAccess.SideOf(User, project);
        if (project is null || side == ProjectSide.None || !project.CoversFiscalYear(fy))
        {
            return NotFound();
        }

        return View(await ProjectYearQueries.PageAsync(db, project, fy, side, cancellationToken));
    }
}
