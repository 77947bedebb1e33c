using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Agreements;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Infrastructure.Forms;
using KyodoPortal.Web.Infrastructure.People;
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
public sealed class ChangeRequestsController(KyodoDbContext db, FormCommands commands, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/projects/{id:int}/changes/new")]
    public Task<IActionResult> Create(int id, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, LoadRequestAsync(id, cancellationToken), x =>
        {
            var years = TermYears(x.Project);
            return Task.FromResult<IActionResult>(View(new ChangeRequestFormViewModel(x.Project, x.Current.Number, ChangeRequestInput.From(x.Current, years), years)));
        });

    [HttpPost("/projects/{id:int}/changes/new")]
    public Task<IActionResult> Create(int id, [Bind(Prefix = "Input")] ChangeRequestInput input, CancellationToken cancellationToken)
    {
        ChangeRequest? created = null;
        return commands.RunAsync(this, new FormCommand<ProjectAndPlan>
        {
            Load = ct => LoadRequestAsync(id, ct),
            Once = true,
            Apply = (x, by) =>
            {
                if (x.Current.Number != input.BasePlanNumber)
                {
                    ModelState.AddModelError(string.Empty, localizer["計画が更新されたため、この内容では申請できません。最新の計画から申請し直してください。"]);
                    return;
                }

                var party = ProjectAccess.SideOf(User, x.Project) == ProjectSide.Group ? ChangeRequestParty.Group : ChangeRequestParty.Department;
                var proposed = PlanContent.Create(input.ToDrafts());
                db.ChangeRequests.Add(created = ChangeRequest.Submit(x.Project, x.Current, proposed, input.Reason!, party, by.UserId, by.Now));
            },
            Done = _ => "計画変更を申請しました。担当課と協働推進担当の承認を待っています。",
            RedirectTo = _ => $"/projects/{id}/changes/{created!.Id}",
            ShowAgain = (x, _) =>
            {
                var years = TermYears(x.Project);
                input.BasePlanNumber = x.Current.Number;
                return Task.FromResult<IActionResult>(View(new ChangeRequestFormViewModel(x.Project, x.Current.Number, ChangeRequestInput.Pad(input, years), years)));
            },
        }, cancellationToken);
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
        var userIds = new[] { request.RequestedByUserId, request.DepartmentApprovedByUserId, request.CoordinatorApprovedByUserId, request.RejectedByUserId, request.WithdrawnByUserId }.OfType<string>();
        var names = (await PeopleDirectory.NamesAsync(db, userIds, cancellationToken)).ToDisplayNames();
        return View(new ChangeRequestPageViewModel(
            project,
            request,
            await ProjectPageQueries.ChangeRequestNumberAsync(db, request, cancellationToken),
            basePlan is null ? [] : PlanComparison.Between(basePlan.Content, request.ProposedContent, RoleColumns.PartyNames(project)),
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
    public Task<IActionResult> Approve(int id, int changeId, ChangeRequestDecisionInput input, CancellationToken cancellationToken)
    {
        UserMessage done = "変更申請を承認しました。もう一方の承認を待っています。";
        return DecideAsync(id, changeId, input, side => side is ProjectSide.Department or ProjectSide.Office, (x, by) =>
        {
            if (x.Side == ProjectSide.Department)
            {
                x.Request.ApproveAsDepartment(x.Current, by.UserId, by.Now);
            }
            else
            {
                x.Request.ApproveAsCoordinator(x.Current, by.UserId, by.Now);
            }

            if (x.Request.Status == ChangeRequestStatus.Approved)
            {
                db.ProjectPlans.Add(ProjectPlan.Next(x.Current, x.Request, by.Now));
                done = new("変更申請を承認しました。計画は第{0}版になりました。", x.Current.Number + 1);
            }
        }, () => done, cancellationToken, oneWay: true);
    }

    [HttpPost("/projects/{id:int}/changes/{changeId:int}/reject")]
    public Task<IActionResult> Reject(int id, int changeId, ChangeRequestDecisionInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Comment))
        {
            ModelState.AddModelError(nameof(input.Comment), localizer["却下の理由を入力してください。"]);
        }

        return DecideAsync(id, changeId, input, side => side is ProjectSide.Department or ProjectSide.Office, (x, by) =>
            x.Request.Reject(x.Side == ProjectSide.Department ? ChangeRequestReviewer.Department : ChangeRequestReviewer.Coordinator, by.UserId, input.Comment!, by.Now),
            () => "変更申請を却下しました。", cancellationToken, oneWay: true);
    }

    [HttpPost("/projects/{id:int}/changes/{changeId:int}/withdraw")]
    public Task<IActionResult> Withdraw(int id, int changeId, ChangeRequestDecisionInput input, CancellationToken cancellationToken) =>
        DecideAsync(id, changeId, input, side => side is ProjectSide.Group or ProjectSide.Department, (x, by) =>
            x.Request.Withdraw(x.Side == ProjectSide.Group ? ChangeRequestParty.Group : ChangeRequestParty.Department, by.UserId, by.Now),
            () => "変更申請を取り下げました。", cancellationToken);

    private static IReadOnlyList<int> TermYears(Project project) => [.. Enumerable.Range(project.StartFiscalYear, project.TermYears)];

    /// <summary>404 for non-parties; 403 for the office (it decides, it does not ask) and while the project is not running.</summary>
    private async Task<Loaded<ProjectAndPlan>> LoadRequestAsync(int id, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        if (project is null || !ProjectAccess.CanView(User, project))
        {
            return LoadRefusal.NotFound;
        }

        var current = await ProjectQueries.CurrentPlanAsync(db, id, cancellationToken);
        if (ProjectAccess.SideOf(User, project) is not (ProjectSide.Group or ProjectSide.Department) || project.Status != ProjectStatus.InProgress || current is null)
        {
            return LoadRefusal.Forbidden;
        }

        return new ProjectAndPlan(project, current);
    }

    /// <summary>One decision on a request by a side <paramref name="mayAct"/> allows (else 403; 404 for non-parties), then back to the request.</summary>
    private Task<IActionResult> DecideAsync(
        int id,
        int changeId,
        ChangeRequestDecisionInput input,
        Func<ProjectSide, bool> mayAct,
        Action<ChangeRequestDecision, Actor> decide,
        Func<UserMessage> done,
        CancellationToken cancellationToken,
        bool oneWay = false) =>
        commands.RunAsync(this, new FormCommand<ChangeRequestDecision>
        {
            RequiresConfirmation = oneWay,
            Load = async ct =>
            {
                var project = await ProjectQueries.LoadAsync(db, id, tracking: false, ct);
                if (project is null || !ProjectAccess.CanView(User, project))
                {
                    return LoadRefusal.NotFound;
                }

                var request = await db.ChangeRequests.FirstOrDefaultAsync(c => c.Id == changeId && c.ProjectId == id, ct);
                if (request is null)
                {
                    return LoadRefusal.NotFound;
                }

                var side = ProjectAccess.SideOf(User, project);
                if (!mayAct(side) || project.Status == ProjectStatus.Closed)
                {
                    return LoadRefusal.Forbidden;
                }

                return new ChangeRequestDecision(side, request, (await ProjectQueries.CurrentPlanAsync(db, id, ct))!);
            },
            Versioned = x => x.Request,
            Version = input.Version,
            Apply = decide,
            Done = _ => done(),
            RedirectTo = _ => $"/projects/{id}/changes/{changeId}",

            // The next plan's unique (project, number) index: another approval made it first.
            UniqueMessage = FormCommands.ConcurrencyMessage,
        }, cancellationToken);
}

/// <summary>A running project and its current plan, which a change request starts from.</summary>
public sealed record ProjectAndPlan(Project Project, ProjectPlan Current);

/// <summary>A change request, the side deciding on it, and the current plan it would replace.</summary>
public sealed record ChangeRequestDecision(ProjectSide Side, ChangeRequest Request, ProjectPlan Current);
