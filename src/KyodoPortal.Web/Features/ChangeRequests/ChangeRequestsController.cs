using System.Security.Claims;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.ChangeRequests;

/// <summary>
/// 計画変更申請: either side of a running project asks to change the plan (with the reason); the
/// department and the coordinating office both approve — only then, in the same save, does the
/// request become the next plan version — or either rejects it with a reason; the requesting side
/// may withdraw it. Non-parties get 404, a party acting for the wrong side 403.
/// </summary>
[Authorize]
public sealed class ChangeRequestsController(KyodoDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/projects/{id:int}/changes/new")]
    public async Task<IActionResult> Create(int id, CancellationToken cancellationToken)
    {
        var (project, current, denied) = await AuthorizeRequestAsync(id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var years = TermYears(project!);
        return View(new ChangeRequestFormViewModel(project!, current!.Number, ChangeRequestInput.From(current, years), years));
    }

    [HttpPost("/projects/{id:int}/changes/new")]
    public async Task<IActionResult> Create(int id, [Bind(Prefix = "Input")] ChangeRequestInput input, CancellationToken cancellationToken)
    {
        var (project, current, denied) = await AuthorizeRequestAsync(id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        if (ModelState.IsValid)
        {
            if (current!.Number != input.BasePlanNumber)
            {
                ModelState.AddModelError(string.Empty, localizer["計画が更新されたため、この内容では申請できません。最新の計画から申請し直してください。"]);
            }
            else
            {
                try
                {
                    var party = ProjectAccess.SideOf(User, project!) == ProjectSide.Group ? ChangeRequestParty.Group : ChangeRequestParty.Department;
                    var proposed = PlanContent.Create(input.ToDrafts());
                    var request = ChangeRequest.Submit(project!, current, proposed, input.Reason!, party, UserId, Now);
                    db.ChangeRequests.Add(request);
                    await db.SaveChangesAsync(cancellationToken);
                    TempData["Success"] = localizer["計画変更を申請しました。担当課と協働推進担当の承認を待っています。"].Value;
                    return RedirectToAction(nameof(Details), new { id, changeId = request.Id });
                }
                catch (DomainRuleException exception)
                {
                    foreach (var message in exception.Message.Split('\n'))
                    {
                        ModelState.AddModelError(string.Empty, localizer[message]);
                    }
                }
            }
        }

        var years = TermYears(project!);
        input.BasePlanNumber = current!.Number;
        return View(new ChangeRequestFormViewModel(project!, current.Number, ChangeRequestInput.Pad(input, years), years));
    }

    [HttpGet("/projects/{id:int}/changes/{changeId:int}")]
    public async Task<IActionResult> Details(int id, int changeId, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        if (project is null || !ProjectAccess.CanView(User, project))
        {
            return NotFound();
        }

        var request = await db.ChangeRequests.AsNoTracking().FirstOrDefaultAsync(c => c.Id == changeId && c.ProjectId == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        var basePlan = await ProjectPageQueries.VersionAsync(db, id, request.BasePlanNumber, cancellationToken);
        var current = await ProjectQueries.CurrentPlanAsync(db, id, cancellationToken);
        var resulting = await db.ProjectPlans.AsNoTracking().Where(p => p.ChangeRequestId == request.Id).Select(p => (int?)p.Number).FirstOrDefaultAsync(cancellationToken);
        var userIds = new[] { request.RequestedByUserId, request.DepartmentApprovedByUserId, request.CoordinatorApprovedByUserId, request.RejectedByUserId, request.WithdrawnByUserId }.OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return View(new ChangeRequestPageViewModel(
            project,
            request,
            await ProjectPageQueries.ChangeRequestNumberAsync(db, request, cancellationToken),
            basePlan is null ? [] : PlanComparison.Between(basePlan.Content, request.ProposedContent),
            ProjectAccess.SideOf(User, project),
            current?.Number,
            resulting,
            names));
    }

    /// <summary>
    /// The department's or the office's approval. The second approval makes the request 承認 and
    /// adds the next plan version in the same save; the unique (project, number) index refuses a
    /// second plan made from the same version at the same moment.
    /// </summary>
    [HttpPost("/projects/{id:int}/changes/{changeId:int}/approve")]
    public Task<IActionResult> Approve(int id, int changeId, ChangeRequestDecisionInput input, CancellationToken cancellationToken) =>
        DecideAsync(id, changeId, input, side => side is ProjectSide.Department or ProjectSide.Office, (side, request, current) =>
        {
            if (side == ProjectSide.Department)
            {
                request.ApproveAsDepartment(current, UserId, Now);
            }
            else
            {
                request.ApproveAsCoordinator(current, UserId, Now);
            }

            if (request.Status == ChangeRequestStatus.Approved)
            {
                db.ProjectPlans.Add(ProjectPlan.Next(current, request, Now));
                return localizer["変更申請を承認しました。計画は第{0}版になりました。", current.Number + 1].Value;
            }

            return localizer["変更申請を承認しました。もう一方の承認を待っています。"].Value;
        }, cancellationToken);

    [HttpPost("/projects/{id:int}/changes/{changeId:int}/reject")]
    public Task<IActionResult> Reject(int id, int changeId, ChangeRequestDecisionInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Comment))
        {
            ModelState.AddModelError(nameof(input.Comment), localizer["却下の理由を入力してください。"]);
        }

        return DecideAsync(id, changeId, input, side => side is ProjectSide.Department or ProjectSide.Office, (side, request, _) =>
        {
            request.Reject(side == ProjectSide.Department ? ChangeRequestReviewer.Department : ChangeRequestReviewer.Coordinator, UserId, input.Comment!, Now);
            return localizer["変更申請を却下しました。"].Value;
        }, cancellationToken);
    }

    [HttpPost("/projects/{id:int}/changes/{changeId:int}/withdraw")]
    public Task<IActionResult> Withdraw(int id, int changeId, ChangeRequestDecisionInput input, CancellationToken cancellationToken) =>
        DecideAsync(id, changeId, input, side => side is ProjectSide.Group or ProjectSide.Department, (side, request, _) =>
        {
            request.Withdraw(side == ProjectSide.Group ? ChangeRequestParty.Group : ChangeRequestParty.Department, UserId, Now);
            return localizer["変更申請を取り下げました。"].Value;
        }, cancellationToken);

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static IReadOnlyList<int> TermYears(Project project) => [.. Enumerable.Range(project.StartFiscalYear, project.TermYears)];

    /// <summary>404 for non-parties; 403 for the office (it decides, it does not ask) and while the project is not running.</summary>
    private async Task<(Project? Project, ProjectPlan? Current, IActionResult? Denied)> AuthorizeRequestAsync(int id, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        if (project is null || !ProjectAccess.CanView(User, project))
        {
            return (null, null, NotFound());
        }

        var current = await ProjectQueries.CurrentPlanAsync(db, id, cancellationToken);
        if (ProjectAccess.SideOf(User, project) is not (ProjectSide.Group or ProjectSide.Department) || project.Status != ProjectStatus.InProgress || current is null)
        {
            return (project, current, Forbid());
        }

        return (project, current, null);
    }

    private async Task<IActionResult> DecideAsync(
        int id,
        int changeId,
        ChangeRequestDecisionInput input,
        Func<ProjectSide, bool> mayAct,
        Func<ProjectSide, ChangeRequest, ProjectPlan, string> decide,
        CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        if (project is null || !ProjectAccess.CanView(User, project))
        {
            return NotFound();
        }

        var request = await db.ChangeRequests.FirstOrDefaultAsync(c => c.Id == changeId && c.ProjectId == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        var side = ProjectAccess.SideOf(User, project);
        if (!mayAct(side) || project.Status == ProjectStatus.Closed)
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            TempData["Error"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            return RedirectToAction(nameof(Details), new { id, changeId });
        }

        try
        {
            var current = (await ProjectQueries.CurrentPlanAsync(db, id, cancellationToken))!;
            db.ExpectVersion(request, input.Version);
            var done = decide(side, request, current);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Success"] = done;
        }
        catch (DomainRuleException exception)
        {
            TempData["Error"] = localizer[exception.Message].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = localizer[FormSave.ConcurrencyMessage].Value;
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            TempData["Error"] = localizer[FormSave.ConcurrencyMessage].Value;
        }

        return RedirectToAction(nameof(Details), new { id, changeId });
    }
}
