using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Infrastructure.Formatting;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KyodoPortal.Web.Features.AnnualReports;

/// <summary>
/// 事業報告 of one fiscal year of a project: the page, its print view, and the group's work on
/// the report — creating it and filling in the sections and the KPI and budget actuals. The moves
/// of the workflow (submit, return, accept, comment, correction) are in
/// <see cref="AnnualReportMovesController"/>. An accepted report is read-only. Non-parties get 404
/// on every URL here; a party asking for what only the other side may do gets 403.
/// </summary>
[Authorize]
[Route("projects/{id:int}/reports/{fy:int}")]
public sealed class AnnualReportsController(KyodoDbContext db, TimeProvider clock, FormCommands commands) : Controller
{
    private const string EditView = "Edit";
    private const string AlreadyStarted = "この年度の報告はすでに作成されています。";

    [HttpGet("")]
    public Task<IActionResult> Details(int id, int fy, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, ReportPages.LoadAsync(db, User, id, fy, tracking: false, cancellationToken), async context =>
            (IActionResult)View(await ReportPages.PageAsync(db, context, null, clock.JapanToday(), cancellationToken)));

    [HttpGet("print")]
    public Task<IActionResult> Print(int id, int fy, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, ReportPages.LoadAsync(db, User, id, fy, tracking: false, cancellationToken), async context =>
            (IActionResult)View(await ReportPages.PageAsync(db, context, null, clock.JapanToday(), cancellationToken)));

    /// <summary>報告書を作成: the group starts the first revision of the year (refused before the year begins).</summary>
    [HttpPost("start")]
    public Task<IActionResult> Start(int id, int fy, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<ReportContext>
        {
            Load = ct => LoadStartAsync(id, fy, ct),
            Apply = (context, by) => db.AnnualReports.Add(AnnualReport.Start(context.Project, fy, by.UserId, by.Now)),
            Done = _ => "報告書を作成しました。内容を入力してから提出してください。",
            RedirectTo = _ => $"{ReportPages.ReportUrl(id, fy)}/edit",
            RedirectOnRefusal = _ => ReportPages.ReportUrl(id, fy),
            UniqueMessage = AlreadyStarted,
        }, cancellationToken);

    [HttpGet("edit")]
    public Task<IActionResult> Edit(int id, int fy, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, LoadEditableAsync(id, fy, tracking: false, cancellationToken), async context =>
        {
            var plan = await ReportPages.PlanAsync(db, id, cancellationToken);
            return (IActionResult)View(EditView, await EditPageAsync(context, plan, AnnualReportForms.From(context.Latest!, plan), cancellationToken));
        });

    /// <summary>
    /// Saves the sections and both tables together, against the version the form was opened
    /// with — or shows the form again with the person's input and the reasons (nothing saved).
    /// </summary>
    [HttpPost("edit")]
    public Task<IActionResult> Edit(int id, int fy, [Bind(Prefix = "Input")] AnnualReportInput input, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<ReportContext>
        {
            Load = ct => LoadEditableAsync(id, fy, tracking: true, ct),
            Versioned = context => context.Latest,
            Version = input.Version,
            Apply = (context, by) =>
            {
                var report = context.Latest!;
                report.UpdateSections(ReportActor.Group, input.ToSections(), by.Now);
                report.ReplaceKpiActuals(ReportActor.Group, input.Kpis.Where(r => !r.IsBlank).Select(r => r.ToDraft()), by.Now);
                report.ReplaceBudgetActuals(ReportActor.Group, input.Budget.Where(r => !r.IsBlank).Select(r => r.ToDraft()), by.Now);
            },
            Done = _ => "報告を保存しました。",
            RedirectTo = _ => ReportPages.ReportUrl(id, fy),
            ShowAgain = async (_, ct) =>
            {
                if ((await LoadEditableAsync(id, fy, tracking: false, ct)).Value is not { } fresh)
                {
                    // Someone submitted it meanwhile: it is no longer editable.
                    return commands.Refused(this, LoadRefusal.Redirect(ReportPages.ReportUrl(id, fy), FormCommands.ConcurrencyMessage));
                }

                // The form keeps this person's input but carries the current version, so saving again
                // (after reading the message) stores their input deliberately.
                input.Version = fresh.Latest!.Version;
                var plan = await ReportPages.PlanAsync(db, id, ct);
                return View(EditView, await EditPageAsync(fresh, plan, AnnualReportForms.Pad(input), ct));
            },
        }, cancellationToken);

    /// <summary>The year's reports for the group while it has none yet; another side gets 403, a second start goes back with the reason.</summary>
    private async Task<Loaded<ReportContext>> LoadStartAsync(int id, int fy, CancellationToken cancellationToken)
    {
        var loaded = await ReportPages.LoadAsync(db, User, id, fy, tracking: false, cancellationToken);
        return loaded.Value switch
        {
            null => loaded,
            { Side: not ProjectSide.Group } => LoadRefusal.Forbidden,
            { Latest: not null } => LoadRefusal.Redirect(ReportPages.ReportUrl(id, fy), AlreadyStarted),
            _ => loaded,
        };
    }

    /// <summary>The latest revision when this user's side may edit it now: else 404 (no report) or 403.</summary>
    private async Task<Loaded<ReportContext>> LoadEditableAsync(int id, int fy, bool tracking, CancellationToken cancellationToken)
    {
        var loaded = await ReportPages.LoadWithReportAsync(db, User, id, fy, tracking, cancellationToken);
        return loaded.Value is { } context && !(ProjectAccess.ReportActorOf(context.Side) is { } actor && context.Latest!.CanEdit(actor))
            ? LoadRefusal.Forbidden
            : loaded;
    }

    private async Task<ReportEditViewModel> EditPageAsync(ReportContext context, PlanContent plan, AnnualReportInput input, CancellationToken cancellationToken) =>
        new(context.Project, await ProjectQueries.NamesAsync(db, context.Project, cancellationToken), context.Latest!, plan, input);
}
