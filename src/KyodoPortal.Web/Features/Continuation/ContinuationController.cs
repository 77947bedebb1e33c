using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Cases;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Infrastructure.Formatting;
using KyodoPortal.Web.Infrastructure.Forms;
using KyodoPortal.Web.Infrastructure.Lists;
using KyodoPortal.Web.Infrastructure.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KyodoPortal.Web.Features.Continuation;

/// <summary>
/// 継続審査 (coordinating office only): the dashboard of reviews due and overdue, the decision
/// (延長 / 終了) with its history, closing a project with its outcome, and marking a running
/// project as a case (事例) or publishing a case.
/// </summary>
[Authorize(Policy = KyodoPolicies.Office)]
public sealed class ContinuationController(
    KyodoDbContext db,
    TimeProvider clock,
    IOptions<ContinuationOptions> options,
    FormCommands commands) : Controller
{
    private const string ReviewView = "Review";
    private const string CloseView = "Close";

    [HttpGet("/continuation")]
    public async Task<IActionResult> Index(string? q, string? sort, string? dir, CancellationToken cancellationToken) =>
        View(await ContinuationQueries.DashboardAsync(db, Policy, clock.JapanToday(), new ListRequest(q, sort, dir), cancellationToken));

    [HttpGet("/projects/{id:int}/continuation")]
    public Task<IActionResult> Review(int id, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, LoadProjectAsync(id, tracking: false, cancellationToken), async project =>
            View(await ReviewModelAsync(project, new ContinuationDecisionInput { Version = project.Version, DecidedOn = clock.JapanToday() }, cancellationToken)));

    [HttpPost("/projects/{id:int}/continuation")]
    public Task<IActionResult> Decide(int id, [Bind(Prefix = "Input")] ContinuationDecisionInput input, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<Project>
        {
            RequiresConfirmation = true,
            Load = ct => LoadProjectAsync(id, tracking: true, ct),
            Versioned = project => project,
            Version = input.Version,
            Apply = (project, by) => project.DecideContinuation(input.ToDraft(), Policy, by.UserId, by.Now),
            Done = project => project.ContinuationDecisions[^1] is { Outcome: ContinuationOutcome.Extend } decision
                ? new UserMessage("事業期間を{0}まで延長しました。", new FiscalYear(decision.NewEndFiscalYear))
                : "事業の終了を決定しました。成果をまとめて終了の手続きをしてください。",
            RedirectTo = _ => ReviewUrl(id),
            ShowAgain = async (_, ct) =>
            {
                var fresh = (await ProjectQueries.LoadAsync(db, id, tracking: false, ct))!;
                input.Version = fresh.Version;
                return View(ReviewView, await ReviewModelAsync(fresh, input, ct));
            },
        }, cancellationToken);

    [HttpGet("/projects/{id:int}/close")]
    public Task<IActionResult> Close(int id, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, LoadProjectAsync(id, tracking: false, cancellationToken), project =>
        {
            var decided = DecidedToEnd(project);
            var input = new ProjectClosureInput
            {
                Version = project.Version,
                Outcome = decided ? null : ProjectOutcome.EndedEarly,
                ClosedOn = clock.JapanToday(),
            };
            return Task.FromResult<IActionResult>(View(new ProjectClosureFormViewModel(project, input, decided)));
        });

    [HttpPost("/projects/{id:int}/close")]
    public Task<IActionResult> Close(int id, [Bind(Prefix = "Input")] ProjectClosureInput input, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<Project>
        {
            RequiresConfirmation = true,
            Load = ct => LoadProjectAsync(id, tracking: true, ct),
            Versioned = project => project,
            Version = input.Version,
            ApplyAsync = async (project, by, ct) =>
            {
                var openChangeRequests = await db.ChangeRequests.CountAsync(c => c.ProjectId == id && c.Status == ChangeRequestStatus.Submitted, ct);
                project.Close(input.ToDraft(), openChangeRequests, by.UserId, by.Now);
            },
            Done = _ => "協働事業を終了しました。事例集に事例として載ります。",
            RedirectTo = _ => $"/cases/{id}",
            ShowAgain = async (_, ct) =>
            {
                var fresh = (await ProjectQueries.LoadAsync(db, id, tracking: false, ct))!;
                input.Version = fresh.Version;
                return View(CloseView, new ProjectClosureFormViewModel(fresh, input, DecidedToEnd(fresh)));
            },
        }, cancellationToken);

    /// <summary>事例として登録 / 公開: the coordinator's two switches on a project's case.</summary>
    [HttpPost("/projects/{id:int}/case")]
    public Task<IActionResult> Case(int id, CaseFlagsInput input, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<Project>
        {
            Load = ct => LoadProjectAsync(id, tracking: true, ct),
            Versioned = project => project,
            Version = input.Version,
            Apply = (project, _) =>
            {
                if (project.Status == ProjectStatus.InProgress && project.IsMarkedAsCase != input.MarkedAsCase)
                {
                    project.MarkAsCase(input.MarkedAsCase);
                }

                project.PublishCase(input.Published && project.IsCase);
            },
            Done = _ => "事例の設定を保存しました。",
            RedirectTo = _ => ReviewUrl(id),
        }, cancellationToken);

    private ContinuationPolicy Policy => options.Value.Policy;

    private static string ReviewUrl(int id) => $"/projects/{id}/continuation";

    private static bool DecidedToEnd(Project project) => project.DecisionForCurrentTerm is { Outcome: ContinuationOutcome.End };

    private async Task<Loaded<Project>> LoadProjectAsync(int id, bool tracking, CancellationToken cancellationToken) =>
        await ProjectQueries.LoadAsync(db, id, tracking, cancellationToken) is { } project ? project : LoadRefusal.NotFound;

    private async Task<ContinuationReviewViewModel> ReviewModelAsync(Project project, ContinuationDecisionInput input, CancellationToken cancellationToken)
    {
        var today = clock.JapanToday();
        var deciders = project.ContinuationDecisions.Select(d => d.DecidedByUserId);
        return new ContinuationReviewViewModel(
            project,
            await ProjectQueries.NamesAsync(db, project, cancellationToken),
            Policy,
            Policy.ReviewOf(project, today),
            project.CanDecideContinuation(today),
            await CaseQueries.YearRecordsAsync(db, project, acceptedOnly: false, EvaluationsShown.Consolidated, cancellationToken),
            input,
            (await PeopleDirectory.NamesAsync(db, deciders, cancellationToken)).ToDisplayNames());
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
