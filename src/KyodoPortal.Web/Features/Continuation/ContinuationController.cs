using System.Security.Claims;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Cases;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Infrastructure.Formatting;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KyodoPortal.Web.Features.Continuation;

/// <summary>
/// 継続審査 (coordinating office only): the dashboard of reviews due and overdue, the decision
/// (延長 / 終了) with its history, closing a project with its outcome, and marking a running
/// project as a case (事例) or publishing a case.
/// </summary>
[Authorize(Roles = KyodoRoles.MasterDataEditors)]
public sealed class ContinuationController(
    KyodoDbContext db,
    TimeProvider clock,
    IOptions<ContinuationOptions> options,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/continuation")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await ContinuationQueries.DashboardAsync(db, Policy, Today, cancellationToken));

    [HttpGet("/projects/{id:int}/continuation")]
    public async Task<IActionResult> Review(int id, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        return project is null
            ? NotFound()
            : View(await ReviewModelAsync(project, new ContinuationDecisionInput { Version = project.Version }, cancellationToken));
    }

    [HttpPost("/projects/{id:int}/continuation")]
    public async Task<IActionResult> Decide(int id, [Bind(Prefix = "Input")] ContinuationDecisionInput input, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: true, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid && TryChange(project, input.Version, p => p.DecideContinuation(input.ToDraft(), Policy, UserId, Now))
            && await db.TrySaveAsync(ModelState, localizer, string.Empty, cancellationToken))
        {
            var decision = project.ContinuationDecisions[^1];
            TempData["Success"] = decision.Outcome == ContinuationOutcome.Extend
                ? localizer["事業期間を{0}まで延長しました。", DisplayFormat.FiscalYear(new FiscalYear(decision.NewEndFiscalYear))].Value
                : localizer["事業の終了を決定しました。成果をまとめて終了の手続きをしてください。"].Value;
            return Redirect($"/projects/{id}/continuation");
        }

        var fresh = await ProjectQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        input.Version = fresh!.Version;
        return View(nameof(Review), await ReviewModelAsync(fresh, input, cancellationToken));
    }

    [HttpGet("/projects/{id:int}/close")]
    public async Task<IActionResult> Close(int id, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        var decided = project.DecisionForCurrentTerm is { Outcome: ContinuationOutcome.End };
        var input = new ProjectClosureInput
        {
            Version = project.Version,
            Outcome = decided ? null : ProjectOutcome.EndedEarly,
            ClosedOn = Today,
        };
        return View(new ProjectClosureFormViewModel(project, input, decided));
    }

    [HttpPost("/projects/{id:int}/close")]
    public async Task<IActionResult> Close(int id, [Bind(Prefix = "Input")] ProjectClosureInput input, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: true, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        var openChangeRequests = await db.ChangeRequests.CountAsync(c => c.ProjectId == id && c.Status == ChangeRequestStatus.Submitted, cancellationToken);
        if (ModelState.IsValid && TryChange(project, input.Version, p => p.Close(input.ToDraft(), openChangeRequests, UserId, Now))
            && await db.TrySaveAsync(ModelState, localizer, string.Empty, cancellationToken))
        {
            TempData["Success"] = localizer["協働事業を終了しました。事例集に事例として載ります。"].Value;
            return Redirect($"/cases/{id}");
        }

        var fresh = await ProjectQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        input.Version = fresh!.Version;
        return View(new ProjectClosureFormViewModel(fresh, input, fresh.DecisionForCurrentTerm is { Outcome: ContinuationOutcome.End }));
    }

    /// <summary>事例として登録 / 公開: the coordinator's two switches on a project's case.</summary>
    [HttpPost("/projects/{id:int}/case")]
    public async Task<IActionResult> Case(int id, CaseFlagsInput input, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: true, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        if (TryChange(project, input.Version, p =>
            {
                if (p.Status == ProjectStatus.InProgress && p.IsMarkedAsCase != input.MarkedAsCase)
                {
                    p.MarkAsCase(input.MarkedAsCase);
                }

                p.PublishCase(input.Published && p.IsCase);
            })
            && await db.TrySaveAsync(ModelState, localizer, string.Empty, cancellationToken))
        {
            TempData["Success"] = localizer["事例の設定を保存しました。"].Value;
        }
        else
        {
            TempData["Error"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        }

        return Redirect($"/projects/{id}/continuation");
    }

    private ContinuationPolicy Policy => options.Value.Policy;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(JapanTime.FromUtc(Now));

    /// <summary>Applies a domain change against the version the form was opened on; a refusal becomes a form message.</summary>
    private bool TryChange(Project project, int version, Action<Project> change)
    {
        try
        {
            db.ExpectVersion(project, version);
            change(project);
            return true;
        }
        catch (DomainRuleException exception)
        {
            foreach (var message in exception.Message.Split('\n'))
            {
                ModelState.AddModelError(string.Empty, localizer[message]);
            }

            return false;
        }
    }

    private async Task<ContinuationReviewViewModel> ReviewModelAsync(Project project, ContinuationDecisionInput input, CancellationToken cancellationToken)
    {
        var userIds = project.ContinuationDecisions.Select(d => d.DecidedByUserId).Append(project.Closure?.ClosedByUserId).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new ContinuationReviewViewModel(
            project,
            await ProjectQueries.NamesAsync(db, project, cancellationToken),
            Policy,
            Policy.ReviewOf(project, Today),
            project.CanDecideContinuation(Today),
            await CaseQueries.YearRecordsAsync(db, project, acceptedOnly: false, EvaluationsShown.Consolidated, cancellationToken),
            input,
            names);
    }
}

/// <summary>The coordinator's case switches (事例として登録, 公開).</summary>
public sealed class CaseFlagsInput
{
    public bool MarkedAsCase { get; set; }

    public bool Published { get; set; }

    public int Version { get; set; }
}

/// <summary>A project's continuation page: the review state, the years so far, the decisions, the form.</summary>
public sealed record ContinuationReviewViewModel(
    Project Project,
    ProjectNames Names,
    ContinuationPolicy Policy,
    ContinuationReview Review,
    bool CanDecide,
    IReadOnlyList<CaseYearRecord> Years,
    ContinuationDecisionInput Input,
    IReadOnlyDictionary<string, string> UserNames)
{
    public bool CanClose => Project.Status == ProjectStatus.InProgress;

    public int MaxExtensionWithinLimit => Math.Max(0, Policy.MaxFiscalYears - Project.TermYears);
}

/// <summary>The closing form: after a 終了 decision the outcome is 成功 or 一部達成; otherwise 途中終了 with a reason.</summary>
public sealed record ProjectClosureFormViewModel(Project Project, ProjectClosureInput Input, bool DecidedToEnd);
