using System.Globalization;
using System.Security.Claims;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Export;
using KyodoPortal.Web.Infrastructure.Mail;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.ScreeningAdmin;

/// <summary>
/// 審査の運営 (coordinating office): starts a call's screening once its window has closed, sets
/// how the ranking is read, assigns committee members, follows their progress, recuses a member
/// from a proposal, reads the ranking with its spread, downloads it and closes the screening.
/// Committee members score on their own pages (Features/Screening).
/// </summary>
[Route("calls/{callId:int}/screening")]
[Authorize(Roles = KyodoRoles.MasterDataEditors)]
public sealed partial class ScreeningAdminController(
    KyodoDbContext db,
    TimeProvider clock,
    IMailSender mail,
    IStringLocalizer<SharedResource> localizer,
    ILogger<ScreeningAdminController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int callId, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        var panel = await ScreeningAdminQueries.PanelAsync(db, callId, cancellationToken);
        if (panel is null)
        {
            var waiting = await ScreeningAdminQueries.WaitingCountAsync(db, callId, cancellationToken);
            return View("Start", new StartScreeningViewModel(ScreeningAdminQueries.Header(call), Now >= call.ClosesAtUtc, waiting));
        }

        return View(await DashboardAsync(call, panel, ScreeningSettingsInput.From(panel), new RecusalInput(), cancellationToken));
    }

    [HttpPost("start")]
    public async Task<IActionResult> Start(int callId, CancellationToken cancellationToken)
    {
        var call = await db.Calls.FirstOrDefaultAsync(c => c.Id == callId, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        if (await db.ScreeningPanels.AnyAsync(p => p.CallId == callId, cancellationToken))
        {
            TempData["Error"] = localizer["この募集の審査はすでに開始されています。"].Value;
            return RedirectToIndex(callId);
        }

        try
        {
            var now = Now;

            // A call locked without a panel (e.g. an interrupted start) only needs its panel.
            if (!call.CriteriaLocked)
            {
                call.StartScreening(now);
            }

            var proposals = await db.Proposals
                .Where(p => p.CallId == callId && (p.Status == ProposalStatus.Submitted || p.Status == ProposalStatus.Resubmitted))
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            foreach (var proposal in proposals)
            {
                proposal.StartScreening(UserId, now);
            }

            db.ScreeningPanels.Add(new ScreeningPanel(call, OtherSheetsVisibility.AfterOwnSubmission, 3, null, now));
            await db.SaveChangesAsync(cancellationToken);
            TempData["Success"] = localizer["審査を開始しました。{0} 件の提案が審査中になりました。評価委員を割り当ててください。", proposals.Count].Value;
        }
        catch (DomainRuleException exception)
        {
            TempData["Error"] = localizer[exception.Message].Value;
        }
        catch (DbUpdateException)
        {
            // Two coordinators starting at once: the unique panel per call or a version check refused the second.
            TempData["Error"] = localizer[FormSave.ConcurrencyMessage].Value;
        }

        return RedirectToIndex(callId);
    }

    [HttpPost("settings")]
    public async Task<IActionResult> Settings(int callId, [Bind(Prefix = "Settings")] ScreeningSettingsInput input, CancellationToken cancellationToken)
    {
        var (call, panel) = await LoadForUpdateAsync(callId, cancellationToken);
        if (call is null || panel is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            try
            {
                db.ExpectVersion(panel, input.Version);
                panel.UpdateSettings(input.Visibility!.Value, input.MinimumSheets!.Value, input.PassingScoreTenths, Now);
                return await SaveAndRedirectAsync(callId, localizer["審査の設定を保存しました。"], cancellationToken);
            }
            catch (DomainRuleException exception)
            {
                ModelState.AddModelError(string.Empty, localizer[exception.Message]);
            }
        }

        return View(nameof(Index), await DashboardAsync(call, panel, input, new RecusalInput(), cancellationToken));
    }

    /// <summary>The checked committee members become the panel; unchecked ones are unassigned (their records are kept).</summary>
    [HttpPost("members")]
    public async Task<IActionResult> Members(int callId, [FromForm] List<string>? memberUserIds, CancellationToken cancellationToken)
    {
        var (call, panel) = await LoadForUpdateAsync(callId, cancellationToken);
        if (call is null || panel is null)
        {
            return NotFound();
        }

        var selected = (memberUserIds ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).ToHashSet(StringComparer.Ordinal);
        var current = panel.Members.Select(m => m.MemberUserId).ToHashSet(StringComparer.Ordinal);
        var toAdd = selected.Where(id => !current.Contains(id)).ToList();
        var toRemove = current.Where(id => !selected.Contains(id)).ToList();
        if (toAdd.Count > 0)
        {
            var committee = (await ScreeningAdminQueries.CommitteeMembersAsync(db, cancellationToken)).Select(p => p.UserId).ToHashSet(StringComparer.Ordinal);
            if (!toAdd.All(committee.Contains))
            {
                TempData["Error"] = localizer["評価委員として登録されている有効なアカウントだけを割り当てられます。"].Value;
                return RedirectToIndex(callId);
            }
        }

        try
        {
            var now = Now;
            foreach (var id in toRemove)
            {
                panel.RemoveMember(id, now);
            }

            foreach (var id in toAdd)
            {
                panel.AddMember(id, now);
            }

            return await SaveAndRedirectAsync(callId, localizer["評価委員を更新しました（追加 {0} 名、解除 {1} 名）。", toAdd.Count, toRemove.Count], cancellationToken);
        }
        catch (DomainRuleException exception)
        {
            TempData["Error"] = localizer[exception.Message].Value;
            return RedirectToIndex(callId);
        }
    }

    [HttpPost("recusals")]
    public async Task<IActionResult> Recuse(int callId, [Bind(Prefix = "Recusal")] RecusalInput input, CancellationToken cancellationToken)
    {
        var (call, panel) = await LoadForUpdateAsync(callId, cancellationToken);
        if (call is null || panel is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            // The panel does not know the call's proposals: only one under screening in this call.
            var proposalId = input.ProposalId!.Value;
            var underScreening = await db.Proposals.AnyAsync(p => p.Id == proposalId && p.CallId == callId && p.Status == ProposalStatus.UnderScreening, cancellationToken);
            if (!underScreening)
            {
                ModelState.AddModelError("Recusal.ProposalId", localizer["審査中の提案を選んでください。"]);
            }
            else
            {
                try
                {
                    panel.Recuse(input.MemberUserId!, proposalId, input.Reason!, UserId, Now);
                    return await SaveAndRedirectAsync(callId, localizer["評価委員をこの提案の審査から回避させました。"], cancellationToken);
                }
                catch (DomainRuleException exception)
                {
                    ModelState.AddModelError(string.Empty, localizer[exception.Message]);
                }
            }
        }

        return View(nameof(Index), await DashboardAsync(call, panel, ScreeningSettingsInput.From(panel), input, cancellationToken));
    }

    [HttpPost("close")]
    public async Task<IActionResult> Close(int callId, CancellationToken cancellationToken)
    {
        var (call, panel) = await LoadForUpdateAsync(callId, cancellationToken);
        if (call is null || panel is null)
        {
            return NotFound();
        }

        try
        {
            panel.Close(Now);
            return await SaveAndRedirectAsync(callId, localizer["審査を終了しました。評価票は確定し、変更できなくなりました。"], cancellationToken);
        }
        catch (DomainRuleException exception)
        {
            TempData["Error"] = localizer[exception.Message].Value;
            return RedirectToIndex(callId);
        }
    }

    /// <summary>
    /// 督促: one e-mail to each assigned member who still has a proposal to declare on or a sheet to
    /// submit, listing those proposals. Members who have finished get nothing.
    /// </summary>
    [HttpPost("reminders")]
    public async Task<IActionResult> Remind(int callId, CancellationToken cancellationToken)
    {
        var (call, panel) = await LoadForUpdateAsync(callId, cancellationToken);
        if (call is null || panel is null)
        {
            return NotFound();
        }

        var board = await DashboardAsync(call, panel, ScreeningSettingsInput.From(panel), new RecusalInput(), cancellationToken);
        var recipients = ScreeningReminder.Recipients(board);
        if (recipients.Count == 0)
        {
            TempData["Error"] = localizer["督促が必要な評価委員はいません。"].Value;
            return RedirectToIndex(callId);
        }

        try
        {
            panel.RecordReminder(Now);
        }
        catch (DomainRuleException exception)
        {
            TempData["Error"] = localizer[exception.Message].Value;
            return RedirectToIndex(callId);
        }

        var url = $"{Request.Scheme}://{Request.Host}/screening/{panel.Id}";
        var sent = 0;
        foreach (var (member, unfinished) in recipients)
        {
            try
            {
                await mail.SendAsync(
                    new OutgoingMail([member.Email!], ScreeningReminder.Subject(call.Name), ScreeningReminder.Body(member.DisplayName, call.Name, unfinished, url)),
                    cancellationToken);
                sent++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogReminderFailed(logger, exception, panel.Id);
            }
        }

        if (sent < recipients.Count)
        {
            TempData["MailWarning"] = localizer["{0} 名への督促メールを送信できませんでした。別の方法でお知らせください。", recipients.Count - sent].Value;
        }

        return await SaveAndRedirectAsync(callId, localizer["{0} 名の評価委員に督促メールを送信しました。", sent], cancellationToken);
    }

    /// <summary>
    /// <c>?format=xlsx|csv</c>: every score sheet, one row per member and proposal, with the points
    /// (or 該当なし) per criterion, the member's score and comments — the table a clerk used to type.
    /// </summary>
    [HttpGet("scores/export")]
    public async Task<IActionResult> ExportScores(int callId, [FromQuery] ExportFormat? format, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || format is not { } chosen || !Enum.IsDefined(chosen))
        {
            return BadRequest();
        }

        var call = await db.Calls.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(c => c.Id == callId, cancellationToken);
        var panel = call is null ? null : await ScreeningAdminQueries.PanelAsync(db, callId, cancellationToken);
        if (call is null || panel is null)
        {
            return NotFound();
        }

        var data = await ScreeningAdminQueries.LoadAsync(db, call, panel, cancellationToken);
        var names = (await ScreeningAdminQueries.NamesAsync(db, [.. data.Sheets.Select(s => s.MemberUserId).Distinct(StringComparer.Ordinal)], cancellationToken))
            .ToDictionary(p => p.UserId, p => p.DisplayName, StringComparer.Ordinal);
        var rows = ScoreTableRow.From(data, names);
        var criteria = RubricCriterion.FromCall(call);
        var table = ExportTable.Create(localizer["{0}_評価票一覧", call.Name].Value, rows, c =>
        {
            c.Text(localizer["事業名"], r => r.ProposalTitle)
                .Text(localizer["評価委員"], r => r.MemberName)
                .Text(localizer["状態"], r => r.Submitted ? localizer["提出済み"].Value : localizer["下書き"].Value)
                .Text(localizer["集計"], r => r.Counted ? localizer["集計対象"].Value : localizer["集計対象外"].Value);
            foreach (var criterion in criteria)
            {
                c.Text(localizer["{0}（{1}点満点・重み{2}）", criterion.Name, criterion.MaxPoints, criterion.Weight], r => r.Points(criterion.Id, localizer["該当なし"].Value));
            }

            c.Number(localizer["委員の得点"], r => r.Score?.Rounded)
                .Text(localizer["コメント"], r => r.Comments)
                .Text(localizer["総評"], r => r.OverallComment);
        });
        return ExportFileResult.Create(table, chosen, clock);
    }

    /// <summary><c>?format=xlsx|csv</c>: the ranking as the dashboard shows it; anything else is a bad request.</summary>
    [HttpGet("export")]
    public async Task<IActionResult> Export(int callId, [FromQuery] ExportFormat? format, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || format is not { } chosen || !Enum.IsDefined(chosen))
        {
            return BadRequest();
        }

        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, cancellationToken);
        var panel = call is null ? null : await ScreeningAdminQueries.PanelAsync(db, callId, cancellationToken);
        if (call is null || panel is null)
        {
            return NotFound();
        }

        var data = await ScreeningAdminQueries.LoadAsync(db, call, panel, cancellationToken);
        var table = ExportTable.Create(localizer["{0}_審査順位", call.Name].Value, data.Ranking, c => c
            .Number(localizer["順位"], r => r.Row.Rank)
            .Text(localizer["事業名"], r => r.Proposal.Title)
            .Text(localizer["提案者"], r => r.Proposal.Proposer)
            .Yen(localizer["市負担金合計"], r => r.Proposal.CityShareTotal)
            .Number(localizer["得点"], r => r.Row.Score?.Rounded)
            .Number(localizer["最低点"], r => r.Summary.Lowest?.Rounded)
            .Number(localizer["最高点"], r => r.Summary.Highest?.Rounded)
            .Number(localizer["ばらつき（標準偏差）"], r => r.Summary.StandardDeviation is { } sd ? Math.Round((decimal)sd, 1, MidpointRounding.AwayFromZero) : null)
            .Number(localizer["集計した評価票"], r => r.Row.SheetsCounted)
            .Number(localizer["予定の評価票"], r => r.Row.SheetsExpected)
            .Text(localizer["注意"], r => string.Join(" / ", r.WarningKeys.Select(key => localizer[key].Value))));
        return ExportFileResult.Create(table, chosen, clock);
    }

    /// <summary>The standard deviation as the page shows it: one decimal.</summary>
    public static string Spread(double? standardDeviation) =>
        standardDeviation is { } sd ? Math.Round(sd, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) : "—";

    [LoggerMessage(Level = LogLevel.Error, Message = "A screening reminder for panel {PanelId} could not be sent.")]
    private static partial void LogReminderFailed(ILogger logger, Exception exception, int panelId);

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private RedirectResult RedirectToIndex(int callId) => Redirect($"/calls/{callId}/screening");

    private async Task<(Domain.Calls.Call? Call, ScreeningPanel? Panel)> LoadForUpdateAsync(int callId, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, cancellationToken);
        var panel = call is null ? null : await ScreeningAdminQueries.PanelAsync(db, callId, cancellationToken);
        return (call, panel);
    }

    private async Task<IActionResult> SaveAndRedirectAsync(int callId, LocalizedString success, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            TempData["Success"] = success.Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = localizer[FormSave.ConcurrencyMessage].Value;
        }

        return RedirectToIndex(callId);
    }

    private async Task<ScreeningDashboardViewModel> DashboardAsync(
        Domain.Calls.Call call, ScreeningPanel panel, ScreeningSettingsInput settings, RecusalInput recusal, CancellationToken cancellationToken)
    {
        var data = await ScreeningAdminQueries.LoadAsync(db, call, panel, cancellationToken);
        var committee = await ScreeningAdminQueries.CommitteeMembersAsync(db, cancellationToken);
        var others = await ScreeningAdminQueries.NamesAsync(db, ScreeningAdminQueries.ReferencedUserIds(data), cancellationToken);
        return ScreeningAdminQueries.Dashboard(data, committee, others, settings, recusal);
    }
}
