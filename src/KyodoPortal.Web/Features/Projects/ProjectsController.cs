using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Lists;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KyodoPortal.Web.Features.Projects;

/// <summary>
/// 協働事業: the list of the projects a person takes part in, the project page (parties, term,
/// agreement, current plan, deviations from the 当初計画, change requests) and the plan with its
/// version history. Anyone who is not a party gets 404.
/// </summary>
[Authorize]
public sealed class ProjectsController(KyodoDbContext db) : Controller
{
    [HttpGet("/projects")]
    [Authorize(Policy = KyodoPolicies.ProjectParties)]
    public async Task<IActionResult> Index(string? q, string? sort, string? dir, int page = 1, CancellationToken cancellationToken = default) =>
        View(await ProjectPageQueries.ListAsync(db, User, new ListRequest(q, sort, dir), page, cancellationToken));

    [HttpGet("/projects/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        if (project is null || !ProjectAccess.CanView(User, project))
        {
            return NotFound();
        }

        var (names, changeRequests, feedbackYears) = await ProjectPageQueries.PageExtrasAsync(db, id, cancellationToken);
        var current = await ProjectQueries.CurrentPlanAsync(db, id, cancellationToken);
        return View(new ProjectPageViewModel(
            project,
            names,
            ProjectAccess.SideOf(User, project),
            ProjectPageQueries.Parties(project, names),
            current,
            await ProjectPageQueries.DeviationsAsync(db, project, current, cancellationToken),
            changeRequests,
            feedbackYears,
            await Guidelines.MeasureLinkQueries.OfProjectAsync(db, id, cancellationToken)));
    }

    [HttpGet("/projects/{id:int}/plan")]
    public Task<IActionResult> Plan(int id, CancellationToken cancellationToken) => PlanAsync(id, number: null, cancellationToken);

    [HttpGet("/projects/{id:int}/plan/{number:int}")]
    public Task<IActionResult> PlanVersion(int id, int number, CancellationToken cancellationToken) => PlanAsync(id, number, cancellationToken);

    private async Task<IActionResult> PlanAsync(int id, int? number, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        if (project is null || !ProjectAccess.CanView(User, project))
        {
            return NotFound();
        }

        var current = await ProjectQueries.CurrentPlanAsync(db, id, cancellationToken);
        var shown = number is { } n && n != current?.Number ? await ProjectPageQueries.VersionAsync(db, id, n, cancellationToken) : current;
        if (shown is null)
        {
            if (number is not null)
            {
                return NotFound();
            }

            // Before the agreement is signed there is no plan yet: say so on the page.
            return View("NoPlan", project);
        }

        var side = ProjectAccess.SideOf(User, project);
        return View("Plan", new PlanPageViewModel(
            project,
            shown,
            IsCurrent: shown.Number == current!.Number,
            await ProjectPageQueries.VersionsAsync(db, id, cancellationToken),
            await ProjectPageQueries.DeviationsAsync(db, project, shown, cancellationToken),
            CanRequestChange: project.Status == Domain.Projects.ProjectStatus.InProgress && side is ProjectSide.Group or ProjectSide.Department));
    }
}
