using System.Security.Claims;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Infrastructure.Formatting;
using KyodoPortal.Web.Infrastructure.Mail;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.AnnualReports;

/// <summary>
/// 事業報告 of one fiscal year of a project: the group creates it, fills in the sections and the
/// KPI and budget actuals and submits it; the department or the office returns it (with the
/// reason) or accepts it; the department adds its comment and rating. An accepted report is
/// read-only; a correction is the next revision. Non-parties get 404 on every URL here; a party
/// asking for what only the other side may do gets 403.
/// </summary>
[Authorize]
[Route("projects/{id:int}/reports/{fy:int}")]
public sealed partial class AnnualReportsController(
    KyodoDbContext db,
    TimeProvider clock,
    IMailSender mail,
    IStringLocalizer<SharedResource> localizer,
    ILogger<AnnualReportsController> logger) : Controller
{
    public const string MailWarningKey = "MailWarning";

    [HttpGet("")]
    public async Task<IActionResult> Details(int id, int fy, CancellationToken cancellationToken)
    {
        var context = await LoadAsync(id, fy, tracking: false, cancellationToken);
        return context is null ? NotFound() : View(await PageAsync(context, null, cancellationToken));
    }

    [HttpGet("print")]
    public async Task<IActionResult> Print(int id, int fy, CancellationToken cancellationToken)
    {
        var context = await LoadAsync(id, fy, tracking: false, cancellationToken);
        return context is null ? NotFound() : View(await PageAsync(context, null, cancellationToken));
    }

    /// <summary>報告書を作成: the group starts the first revision of the year (refused before the year begins).</summary>
    [HttpPost("start")]
    public async Task<IActionResult> Start(int id, int fy, CancellationToken cancellationToken)
    {
        var context = await LoadAsync(id, fy, tracking: false, cancellationToken);
        if (context is null)
        {
            return NotFound();
        }

        if (context.Side != ProjectSide.Group)
        {
            return Forbid();
        }

        if (context.Latest is not null)
        {
            TempData["Error"] = localizer["この年度の報告はすでに作成されています。"].Value;
            return RedirectToReport(id, fy);
        }

        try
        {
            db.AnnualReports.Add(AnnualReport.Start(context.Project, fy, UserId, Now));
            await db.SaveChangesAsync(cancellationToken);
            TempData["Success"] = localizer["報告書を作成しました。内容を入力してから提出してください。"].Value;
            return Redirect($"/projects/{id}/reports/{fy}/edit");
        }
        catch (DomainRuleException exception)
        {
            TempData["Error"] = localizer[exception.Message].Value;
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            TempData["Error"] = localizer["この年度の報告はすでに作成されています。"].Value;
        }

        return RedirectToReport(id, fy);
    }

    [HttpGet("edit")]
    public async Task<IActionResult> Edit(int id, int fy, CancellationToken cancellationToken)
    {
        var context = await LoadAsync(id, fy, tracking: false, cancellationToken);
        if (context?.Latest is not { } report)
        {
            return NotFound();
        }

        if (!MayEdit(context, report))
        {
            return Forbid();
        }

        var plan = await PlanAsync(id, cancellationToken);
        return View(new ReportEditViewModel(context.Project, await ProjectQueries.NamesAsync(db, context.Project, cancellationToken), report, plan, AnnualReportForms.From(report, plan)));
    }

    /// <summary>
    /// Saves the sections and both tables together, against the version the form was opened
    /// with — or shows the form again with the person's input and the reasons (nothing saved).
    /// </summary>
    [HttpPost("edit")]
    public async Task<IActionResult> Edit(int id, int fy, [Bind(Prefix = "Input")] AnnualReportInput input, CancellationToken cancellationToken)
    {
        var context = await LoadAsync(id, fy, tracking: true, cancellationToken);
        if (context?.Latest is not { } report)
        {
            return NotFound();
        }

        if (!MayEdit(context, report))
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            try
            {
                var now = Now;
                db.ExpectVersion(report, input.Version);
                report.UpdateSections(ReportActor.Group, input.ToSections(), now);
                report.ReplaceKpiActuals(ReportActor.Group, input.Kpis.Where(r => !r.IsBlank).Select(r => r.ToDraft()), now);
                report.ReplaceBudgetActuals(ReportActor.Group, input.Budget.Where(r => !r.IsBlank).Select(r => r.ToDraft()), now);
                if (await db.TrySaveAsync(ModelState, localizer, string.Empty, cancellationToken))
                {
                    TempData["Success"] = localizer["報告を保存しました。"].Value;
                    return RedirectToReport(id, fy);
                }
            }
            catch (DomainRuleException exception)
            {
                ModelState.AddModelError(string.Empty, localizer[exception.Message]);
            }

            db.ChangeTracker.Clear();
        }

        var fresh = await LoadAsync(id, fy, tracking: false, cancellationToken);
        if (fresh?.Latest is not { } current || !MayEdit(fresh, current))
        {
            // Someone submitted it meanwhile: it is no longer editable.
            TempData["Error"] = localizer[FormSave.ConcurrencyMessage].Value;
            return RedirectToReport(id, fy);
        }

        // The form keeps this person's input but carries the current version, so saving again
        // (after reading the message) stores their input deliberately.
        input.Version = current.Version;
        var plan = await PlanAsync(id, cancellationToken);
        return View(new ReportEditViewModel(fresh.Project, await ProjectQueries.NamesAsync(db, fresh.Project, cancellationToken), current, plan, AnnualReportForms.Pad(input)));
    }

    [HttpPost("submit")]
    public Task<IActionResult> Submit(int id, int fy, [Bind(Prefix = "Submit")] ReportTransitionInput input, CancellationToken cancellationToken) =>
        TransitionAsync(id, fy, AnnualReportStatus.Submitted, input.Version, forms => forms, (report, plan, _) =>
        {
            report.Submit(plan, UserId, Now);
            return (ReportEvent.Submitted, null);
        }, localizer["報告を提出しました。担当課に通知しました。"], cancellationToken);

    [HttpPost("resubmit")]
    public Task<IActionResult> Resubmit(int id, int fy, [Bind(Prefix = "Resubmit")] ReportTransitionInput input, CancellationToken cancellationToken) =>
        TransitionAsync(id, fy, AnnualReportStatus.Resubmitted, input.Version, forms => forms with { Resubmit = input }, (report, plan, _) =>
        {
            report.Resubmit(plan, UserId, input.Comment, Now);
            return (ReportEvent.Resubmitted, input.Comment);
        }, localizer["報告を再提出しました。担当課に通知しました。"], cancellationToken);

    [HttpPost("return")]
    public Task<IActionResult> Return(int id, int fy, [Bind(Prefix = "Return")] ReportTransitionInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Comment))
        {
            ModelState.AddModelError("Return.Comment", localizer["差戻しの理由を入力してください。"]);
        }

        return TransitionAsync(id, fy, AnnualReportStatus.Returned, input.Version, forms => forms with { Return = input }, (report, _, actor) =>
        {
            report.Return(actor, UserId, input.Comment!, Now);
            return (ReportEvent.Returned, input.Comment);
        }, localizer["報告を差し戻しました。団体に通知しました。"], cancellationToken);
    }

    [HttpPost("accept")]
    public Task<IActionResult> Accept(int id, int fy, [Bind(Prefix = "Accept")] ReportTransitionInput input, CancellationToken cancellationToken) =>
        TransitionAsync(id, fy, AnnualReportStatus.Accepted, input.Version, forms => forms with { Accept = input }, (report, _, actor) =>
        {
            report.Accept(actor, UserId, input.Comment, Now);
            return (ReportEvent.Accepted, input.Comment);
        }, localizer["報告を受理しました。団体に通知しました。"], cancellationToken);

    /// <summary>担当課のコメント and rating, by the department while the report is with the city.</summary>
    [HttpPost("comment")]
    public async Task<IActionResult> Comment(int id, int fy, [Bind(Prefix = "Department")] DepartmentCommentInput input, CancellationToken cancellationToken)
    {
        var context = await LoadAsync(id, fy, tracking: true, cancellationToken);
        if (context?.Latest is not { } report)
        {
            return NotFound();
        }

        if (context.Side != ProjectSide.Department)
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            try
            {
                db.ExpectVersion(report, input.Version);
                report.UpdateDepartmentComment(ReportActor.Department, input.Comment, input.Rating, UserId, Now);
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = localizer["担当課のコメントを保存しました。"].Value;
                return RedirectToReport(id, fy);
            }
            catch (DomainRuleException exception)
            {
                ModelState.AddModelError(string.Empty, localizer[exception.Message]);
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError(string.Empty, localizer[FormSave.ConcurrencyMessage]);
            }
        }

        return await ShowAgainAsync(id, fy, forms => forms with { Comment = input }, cancellationToken);
    }

    /// <summary>訂正版: the group or the office starts the next revision of an accepted report, with the reason; the accepted one stays.</summary>
    [HttpPost("correction")]
    public async Task<IActionResult> Correction(int id, int fy, [Bind(Prefix = "Correction")] CorrectionInput input, CancellationToken cancellationToken)
    {
        var context = await LoadAsync(id, fy, tracking: false, cancellationToken);
        if (context?.Latest is not { } report)
        {
            return NotFound();
        }

        if (context.Side is not (ProjectSide.Group or ProjectSide.Office))
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            try
            {
                var correction = report.StartCorrection(input.Reason!, UserId, Now);
                db.AnnualReports.Add(correction);
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = localizer["訂正版（第{0}版）を作成しました。受理済みの報告はそのまま残ります。", correction.Revision].Value;
                await NotifyAsync(context.Project, fy, ReportEvent.CorrectionStarted, ProjectAccess.ReportActorOf(context.Side)!.Value, correction.CorrectionReason, cancellationToken);
                return RedirectToReport(id, fy);
            }
            catch (DomainRuleException exception)
            {
                ModelState.AddModelError(string.Empty, localizer[exception.Message]);
            }
            catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
            {
                ModelState.AddModelError(string.Empty, localizer[FormSave.ConcurrencyMessage]);
            }

            db.ChangeTracker.Clear();
        }

        return await ShowAgainAsync(id, fy, forms => forms with { Correction = input }, cancellationToken);
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static bool MayEdit(ReportContext context, AnnualReport report) =>
        ProjectAccess.ReportActorOf(context.Side) is { } actor && report.CanEdit(actor);

    private RedirectResult RedirectToReport(int id, int fy) => Redirect($"/projects/{id}/reports/{fy}");

    /// <summary>
    /// Runs one move of the workflow. A side that never makes this move gets 403; a move the
    /// status does not allow now, an incomplete report or a stale page is shown on the page with
    /// the person's input kept. The other side is e-mailed after the move is saved.
    /// </summary>
    private async Task<IActionResult> TransitionAsync(
        int id,
        int fy,
        AnnualReportStatus target,
        int version,
        Func<ReportForms, ReportForms> keep,
        Func<AnnualReport, PlanContent, ReportActor, (ReportEvent Event, string? Comment)> apply,
        LocalizedString done,
        CancellationToken cancellationToken)
    {
        var context = await LoadAsync(id, fy, tracking: true, cancellationToken);
        if (context?.Latest is not { } report)
        {
            return NotFound();
        }

        var actor = ProjectAccess.ReportActorOf(context.Side)!.Value;
        if (!AnnualReportWorkflow.Transitions.Any(t => t.To == target && t.Actor == actor))
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            try
            {
                db.ExpectVersion(report, version);
                var (what, comment) = apply(report, await PlanAsync(id, cancellationToken), actor);
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = done.Value;
                await NotifyAsync(context.Project, fy, what, actor, comment, cancellationToken);
                return RedirectToReport(id, fy);
            }
            catch (DomainRuleException exception)
            {
                foreach (var line in exception.Message.Split('\n'))
                {
                    ModelState.AddModelError(string.Empty, localizer[line]);
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError(string.Empty, localizer[FormSave.ConcurrencyMessage]);
            }

            db.ChangeTracker.Clear();
        }

        return await ShowAgainAsync(id, fy, keep, cancellationToken);
    }

    /// <summary>The report page from the database (nothing of the refused attempt kept) with the person's input and the reasons.</summary>
    private async Task<IActionResult> ShowAgainAsync(int id, int fy, Func<ReportForms, ReportForms> keep, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var context = await LoadAsync(id, fy, tracking: false, cancellationToken);
        if (context is null)
        {
            return NotFound();
        }

        var forms = keep(ReportForms.For(context.Latest));
        return View(nameof(Details), await PageAsync(context, forms, cancellationToken));
    }

    private Task<ReportContext?> LoadAsync(int id, int fy, bool tracking, CancellationToken cancellationToken) =>
        ReportContext.LoadAsync(db, User, id, fy, tracking, cancellationToken);

    /// <summary>The current plan; a project with reports is 実施中, so it has at least its baseline.</summary>
    private async Task<PlanContent> PlanAsync(int projectId, CancellationToken cancellationToken) =>
        (await ProjectQueries.CurrentPlanAsync(db, projectId, cancellationToken))?.Content ?? PlanContent.Create(new PlanDrafts([], [], [], []));

    private async Task<ReportPageViewModel> PageAsync(ReportContext context, ReportForms? forms, CancellationToken cancellationToken)
    {
        var project = context.Project;
        var fy = context.FiscalYear;
        var report = context.Latest;
        var plan = report is null ? null : await PlanAsync(project.Id, cancellationToken);
        var baseline = report is null ? null : await ProjectQueries.BaselineAsync(db, project.Id, cancellationToken);
        var activities = await db.ActivityRecords.AsNoTracking()
            .Where(a => a.ProjectId == project.Id && a.FiscalYear == fy)
            .OrderBy(a => a.HeldOn).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var userIds = context.Revisions
            .SelectMany(r => r.History.Select(h => h.ByUserId).Append(r.CreatedByUserId).Append(r.DepartmentCommentByUserId ?? string.Empty))
            .Where(u => u.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var people = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.Id, StringComparer.Ordinal, cancellationToken);
        var side = context.Side;
        var actor = ProjectAccess.ReportActorOf(side);
        var problems = report is not null && plan is not null && actor is { } a && report.CanEdit(a) ? report.SubmissionProblems(plan) : [];
        return new ReportPageViewModel(
            project,
            await ProjectQueries.NamesAsync(db, project, cancellationToken),
            fy,
            side,
            report,
            [.. context.Revisions.Where(r => r != report).OrderByDescending(r => r.Revision)],
            activities,
            plan is null ? [] : PlanDeviations.ForActivities(activities, plan),
            baseline is null || plan is null ? [] : PlanComparison.Between(baseline.Content, plan),
            report is null || plan is null ? [] : KpiResults.For(report, plan),
            report is null || plan is null ? null : BudgetExecution.For(report, plan),
            problems,
            people,
            YearStarted: fy <= FiscalYear.Of(DateOnly.FromDateTime(JapanTime.FromUtc(Now))).StartYear,
            forms ?? ReportForms.For(report));
    }

    /// <summary>
    /// Mails the other side (the group's members, or the department's staff) after the move is
    /// saved: a failure is logged and shown, the move stays.
    /// </summary>
    private async Task NotifyAsync(Project project, int fy, ReportEvent what, ReportActor actor, string? comment, CancellationToken cancellationToken)
    {
        try
        {
            var recipients = ReportNotice.ToGroup(what, actor)
                ? await ReportRecipients.GroupMembersAsync(db, project, cancellationToken)
                : await ReportRecipients.DepartmentStaffAsync(db, project, cancellationToken);
            if (recipients.Count == 0)
            {
                return;
            }

            var url = $"{Request.Scheme}://{Request.Host}/projects/{project.Id}/reports/{fy}";
            await mail.SendAsync(new OutgoingMail(recipients, ReportNotice.Subject(what, project.Title, fy), ReportNotice.Body(what, project.Title, fy, comment, url)), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogNoticeFailed(logger, exception, project.Id, fy);
            TempData[MailWarningKey] = localizer["操作は記録しましたが、通知メールを送信できませんでした。相手に別の方法でお知らせください。"].Value;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The annual report notice for project {ProjectId}, fiscal year {FiscalYear} could not be sent.")]
    private static partial void LogNoticeFailed(ILogger logger, Exception exception, int projectId, int fiscalYear);
}
