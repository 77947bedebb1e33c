using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Infrastructure.Formatting;
using KyodoPortal.Web.Infrastructure.Forms;
using KyodoPortal.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.AnnualReports;

/// <summary>
/// The moves of a year's report (on its page): the group submits or resubmits it; the department
/// or the office returns it (with the reason) or accepts it; the department adds its comment and
/// rating; the group or the office starts a correction of an accepted report. The other side is
/// e-mailed after each move. A side that never makes a move gets 403; a refused move shows the
/// page again with the person's input and the reasons.
/// </summary>
[Authorize]
[Route("projects/{id:int}/reports/{fy:int}")]
public sealed class AnnualReportMovesController(
    KyodoDbContext db,
    TimeProvider clock,
    IMailSender mail,
    FormCommands commands,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string PageView = "Details";

    [HttpPost("submit")]
    public Task<IActionResult> Submit(int id, int fy, [Bind(Prefix = "Submit")] ReportTransitionInput input, CancellationToken cancellationToken) =>
        Move(id, fy, AnnualReportStatus.Submitted, input.Version, ReportEvent.Submitted, null, forms => forms, (report, plan, _, by) =>
            report.Submit(plan, by.UserId, by.Now), "報告を提出しました。担当課に通知しました。", cancellationToken);

    [HttpPost("resubmit")]
    public Task<IActionResult> Resubmit(int id, int fy, [Bind(Prefix = "Resubmit")] ReportTransitionInput input, CancellationToken cancellationToken) =>
        Move(id, fy, AnnualReportStatus.Resubmitted, input.Version, ReportEvent.Resubmitted, input.Comment, forms => forms with { Resubmit = input }, (report, plan, _, by) =>
            report.Resubmit(plan, by.UserId, input.Comment, by.Now), "報告を再提出しました。担当課に通知しました。", cancellationToken);

    [HttpPost("return")]
    public Task<IActionResult> Return(int id, int fy, [Bind(Prefix = "Return")] ReportTransitionInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Comment))
        {
            ModelState.AddModelError("Return.Comment", localizer["差戻しの理由を入力してください。"]);
        }

        return Move(id, fy, AnnualReportStatus.Returned, input.Version, ReportEvent.Returned, input.Comment, forms => forms with { Return = input }, (report, _, actor, by) =>
            report.Return(actor, by.UserId, input.Comment!, by.Now), "報告を差し戻しました。団体に通知しました。", cancellationToken);
    }

    [HttpPost("accept")]
    public Task<IActionResult> Accept(int id, int fy, [Bind(Prefix = "Accept")] ReportTransitionInput input, CancellationToken cancellationToken) =>
        Move(id, fy, AnnualReportStatus.Accepted, input.Version, ReportEvent.Accepted, input.Comment, forms => forms with { Accept = input }, (report, _, actor, by) =>
            report.Accept(actor, by.UserId, input.Comment, by.Now), "報告を受理しました。団体に通知しました。", cancellationToken);

    /// <summary>担当課のコメント and rating, by the department while the report is with the city.</summary>
    [HttpPost("comment")]
    public Task<IActionResult> Comment(int id, int fy, [Bind(Prefix = "Department")] DepartmentCommentInput input, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<ReportContext>
        {
            Load = ct => LoadForAsync(id, fy, tracking: true, side => side == ProjectSide.Department, ct),
            Versioned = context => context.Latest,
            Version = input.Version,
            Apply = (context, by) => context.Latest!.UpdateDepartmentComment(ReportActor.Department, input.Comment, input.Rating, by.UserId, by.Now),
            Done = _ => "担当課のコメントを保存しました。",
            RedirectTo = _ => ReportPages.ReportUrl(id, fy),
            ShowAgain = (_, ct) => ShowAgainAsync(id, fy, forms => forms with { Comment = input }, ct),
        }, cancellationToken);

    /// <summary>訂正版: the group or the office starts the next revision of an accepted report, with the reason; the accepted one stays.</summary>
    [HttpPost("correction")]
    public Task<IActionResult> Correction(int id, int fy, [Bind(Prefix = "Correction")] CorrectionInput input, CancellationToken cancellationToken)
    {
        AnnualReport? correction = null;
        return commands.RunAsync(this, new FormCommand<ReportContext>
        {
            Load = ct => LoadForAsync(id, fy, tracking: false, side => side is ProjectSide.Group or ProjectSide.Office, ct),
            Apply = (context, by) => db.AnnualReports.Add(correction = context.Latest!.StartCorrection(input.Reason!, by.UserId, by.Now)),
            UniqueMessage = FormCommands.ConcurrencyMessage,
            AfterCommit = (context, ct) => NotifyAsync(context, ReportEvent.CorrectionStarted, ProjectAccess.ReportActorOf(context.Side)!.Value, correction!.CorrectionReason, ct),
            Done = _ => new("訂正版（第{0}版）を作成しました。受理済みの報告はそのまま残ります。", correction!.Revision),
            RedirectTo = _ => ReportPages.ReportUrl(id, fy),
            ShowAgain = (_, ct) => ShowAgainAsync(id, fy, forms => forms with { Correction = input }, ct),
        }, cancellationToken);
    }

    /// <summary>
    /// One move of the workflow on the current revision. A side that never makes this move gets
    /// 403; an incomplete report is refused before the move with each missing item as a reason; a
    /// move the status does not allow now or a stale page is shown on the page with the person's
    /// input kept. The other side is e-mailed after the move is saved.
    /// </summary>
    private Task<IActionResult> Move(
        int id,
        int fy,
        AnnualReportStatus target,
        int version,
        ReportEvent what,
        string? comment,
        Func<ReportForms, ReportForms> keep,
        Action<AnnualReport, PlanContent, ReportActor, Actor> apply,
        string done,
        CancellationToken cancellationToken)
    {
        PlanContent? plan = null;
        return commands.RunAsync(this, new FormCommand<ReportContext>
        {
            // Acceptance alone is final (a later correction is a new version), so it alone asks for confirmation.
            RequiresConfirmation = target == AnnualReportStatus.Accepted,
            Load = async ct =>
            {
                var loaded = await LoadForAsync(id, fy, tracking: true, side => MakesMove(side, target), ct);
                plan = loaded.Value is null ? null : await ReportPages.PlanAsync(db, id, ct);
                return loaded;
            },
            Versioned = context => context.Latest,
            Version = version,
            Apply = (context, by) => apply(context.Latest!, plan!, ProjectAccess.ReportActorOf(context.Side)!.Value, by),
            AfterCommit = (context, ct) => NotifyAsync(context, what, ProjectAccess.ReportActorOf(context.Side)!.Value, comment, ct),
            Done = _ => done,
            RedirectTo = _ => ReportPages.ReportUrl(id, fy),
            ShowAgain = (_, ct) => ShowAgainAsync(id, fy, keep, ct),
        }, cancellationToken);
    }

    private static bool MakesMove(ProjectSide side, AnnualReportStatus target) =>
        ProjectAccess.ReportActorOf(side) is { } actor && AnnualReportWorkflow.Transitions.Any(t => t.To == target && t.Actor == actor);

    /// <summary>The year's reports with a current revision (else 404), for a side that may act here (else 403).</summary>
    private async Task<Loaded<ReportContext>> LoadForAsync(int id, int fy, bool tracking, Func<ProjectSide, bool> sideMayAct, CancellationToken cancellationToken)
    {
        var loaded = await ReportPages.LoadWithReportAsync(db, User, id, fy, tracking, cancellationToken);
        return loaded.Value is { } context && !sideMayAct(context.Side) ? LoadRefusal.Forbidden : loaded;
    }

    private Task<UserMessage?> NotifyAsync(ReportContext context, ReportEvent what, ReportActor actor, string? comment, CancellationToken cancellationToken) =>
        ReportPages.NotifyAsync(db, mail, $"{Request.Scheme}://{Request.Host}", context.Project, context.FiscalYear, what, actor, comment, cancellationToken);

    /// <summary>The report page from the database (nothing of the refused attempt kept) with the person's input and the reasons.</summary>
    private async Task<IActionResult> ShowAgainAsync(int id, int fy, Func<ReportForms, ReportForms> keep, CancellationToken cancellationToken)
    {
        if ((await ReportPages.LoadAsync(db, User, id, fy, tracking: false, cancellationToken)).Value is not { } context)
        {
            return NotFound();
        }

        var forms = keep(ReportForms.For(context.Latest));
        return View(PageView, await ReportPages.PageAsync(db, context, forms, clock.JapanToday(), cancellationToken));
    }
}
