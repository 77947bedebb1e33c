using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Common;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Export;
using KyodoPortal.Web.Infrastructure.Formatting;
using KyodoPortal.Web.Infrastructure.Forms;
using KyodoPortal.Web.Infrastructure.Localization;
using KyodoPortal.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KyodoPortal.Web.Features.AnnualReports;

/// <summary>
/// 報告の一覧 (coordinating office): the reports that are overdue or due soon across all projects,
/// a reminder e-mail to the groups that are late, and the KPI and budget results of every report
/// as Excel/CSV.
/// </summary>
[Route("reports")]
[Authorize(Policy = KyodoPolicies.Office)]
public sealed partial class ReportListsController(
    KyodoDbContext db,
    TimeProvider clock,
    IMailSender mail,
    IOptions<ReportOptions> options,
    IStringLocalizer<SharedResource> localizer,
    ILogger<ReportListsController> logger) : Controller
{
    private const string OverdueView = "Overdue";

    [HttpGet("overdue")]
    public async Task<IActionResult> Overdue(string? sort, string? dir, CancellationToken cancellationToken) =>
        View(OverdueView, await ReportListQueries.DueAsync(db, options.Value.Deadline, clock.JapanToday(), sort, dir, cancellationToken));

    /// <summary>
    /// 督促: one e-mail per project with overdue reports, to the members of its 団体, listing the
    /// years. It changes no record, so it does not go through the form runner; it leaves its
    /// messages with the typed flash.
    /// </summary>
    [HttpPost("overdue/reminders")]
    public async Task<IActionResult> Remind(CancellationToken cancellationToken)
    {
        var due = await ReportListQueries.DueAsync(db, options.Value.Deadline, clock.JapanToday(), sort: null, dir: null, cancellationToken);
        if (due.Overdue.Count == 0)
        {
            TempData.Error(localizer["期限を過ぎた報告はありません。督促メールは送信しませんでした。"]);
            return Redirect("/reports/overdue");
        }

        var projectIds = due.Overdue.Select(l => l.ProjectId).Distinct().ToList();
        var projects = await db.Projects.AsNoTracking().AsSplitQuery().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var sent = 0;
        var failed = 0;
        foreach (var lines in due.Overdue.GroupBy(l => l.ProjectId))
        {
            try
            {
                var project = projects[lines.Key];
                var recipients = await ReportRecipients.GroupMembersAsync(db, project, cancellationToken);
                if (recipients.Count == 0)
                {
                    failed++;
                    continue;
                }

                var years = lines.OrderBy(l => l.FiscalYear).Select(l => (l.FiscalYear, l.Deadline, $"{Request.Scheme}://{Request.Host}{l.ReportUrl}"));
                await mail.SendAsync(new OutgoingMail(recipients, ReportNotice.ReminderSubject(project.Title), ReportNotice.ReminderBody(project.Title, years)), cancellationToken);
                sent++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogReminderFailed(logger, exception, lines.Key);
                failed++;
            }
        }

        if (sent > 0)
        {
            TempData.Success(localizer["{0} 件の事業の団体に督促メールを送信しました。", sent]);
        }

        if (failed > 0)
        {
            TempData.Error(localizer["{0} 件の事業の団体には督促メールを送信できませんでした（宛先がないか送信に失敗しました）。別の方法でお知らせください。", failed]);
        }

        return Redirect("/reports/overdue");
    }

    /// <summary><c>?format=xlsx|csv</c>: every KPI of every report that counts, target against actual.</summary>
    [HttpGet("export/kpis")]
    public async Task<IActionResult> ExportKpis([FromQuery] ExportFormat? format, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || format is not { } chosen || !Enum.IsDefined(chosen))
        {
            return BadRequest();
        }

        var rows = ReportListQueries.ReportsOfRecordAsync(db, cancellationToken)
            .SelectMany(r => Domain.Projects.KpiResults.For(r.Report, r.Plan).Select(result => (Record: r, Result: result)));
        var table = ExportTable.Create(localizer["成果指標の実績"].Value, rows, c => c
            .Text(localizer["事業名"], r => r.Record.ProjectTitle)
            .Text(localizer["団体"], r => r.Record.GroupName)
            .Text(localizer["年度"], r => DisplayFormat.FiscalYear(new FiscalYear(r.Record.Report.FiscalYear)))
            .Text(localizer["成果指標"], r => r.Result.KpiName)
            .Text(localizer["単位"], r => r.Result.Unit)
            .Number(localizer["目標"], r => r.Result.TargetValue)
            .Number(localizer["実績"], r => r.Result.ActualValue)
            .Number(localizer["達成率（%）"], r => r.Result.Attainment?.Rounded)
            .Text(localizer["報告の状態"], r => localizer.Label(r.Record.Report.Status))
            .Text(localizer["目標（文章）"], r => r.Result.TargetText)
            .Text(localizer["実績（文章）"], r => r.Result.ActualText));
        return ExportFileResult.Create(table, chosen, clock);
    }

    /// <summary><c>?format=xlsx|csv</c>: every budget heading of every report that counts, plan against actual.</summary>
    [HttpGet("export/budget")]
    public async Task<IActionResult> ExportBudget([FromQuery] ExportFormat? format, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || format is not { } chosen || !Enum.IsDefined(chosen))
        {
            return BadRequest();
        }

        var rows = ReportListQueries.ReportsOfRecordAsync(db, cancellationToken)
            .SelectMany(r => Domain.Projects.BudgetExecution.For(r.Report, r.Plan).Rows.Select(row => (Record: r, Row: row)));
        var table = ExportTable.Create(localizer["予算の執行状況"].Value, rows, c => c
            .Text(localizer["事業名"], r => r.Record.ProjectTitle)
            .Text(localizer["年度"], r => DisplayFormat.FiscalYear(new FiscalYear(r.Record.Report.FiscalYear)))
            .Text(localizer["費目"], r => localizer.Label(r.Row.Category))
            .Text(localizer["内訳"], r => r.Row.Item)
            .Yen(localizer["予算額"], r => r.Row.Planned)
            .Yen(localizer["決算額"], r => r.Row.Actual)
            .Yen(localizer["差額"], r => r.Row.Deviation?.Amount)
            .Number(localizer["差異率（%）"], r => r.Row.Deviation?.Percent?.Rounded)
            .Text(localizer["報告の状態"], r => localizer.Label(r.Record.Report.Status)));
        return ExportFileResult.Create(table, chosen, clock);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The report reminder for project {ProjectId} could not be sent.")]
    private static partial void LogReminderFailed(ILogger logger, Exception exception, int projectId);
}
