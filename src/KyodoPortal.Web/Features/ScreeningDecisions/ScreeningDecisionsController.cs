using System.Security.Claims;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.ScreeningAdmin;
using KyodoPortal.Web.Infrastructure.Mail;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.ScreeningDecisions;

/// <summary>
/// 採否の決定 (coordinating office): once screening is closed, records 採択 / 不採択 per ranked
/// proposal with the reason the domain requires, moves the proposal to its final state, creates
/// the 協働事業 of a selected proposal and notifies the proposing group and the partner department.
/// </summary>
[Route("calls/{callId:int}/screening/decisions")]
[Authorize(Roles = KyodoRoles.MasterDataEditors)]
public sealed partial class ScreeningDecisionsController(
    KyodoDbContext db,
    TimeProvider clock,
    IMailSender mail,
    IStringLocalizer<SharedResource> localizer,
    ILogger<ScreeningDecisionsController> logger) : Controller
{
    public const string MailWarningKey = "MailWarning";

    [HttpGet("")]
    public async Task<IActionResult> Index(int callId, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        var panel = await ScreeningAdminQueries.PanelAsync(db, callId, cancellationToken);
        return View(await PageAsync(call, panel, null, cancellationToken));
    }

    [HttpPost("{proposalId:int}")]
    public async Task<IActionResult> Decide(int callId, int proposalId, [Bind(Prefix = "Decision")] DecisionInput input, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, cancellationToken);
        var panel = call is null ? null : await ScreeningAdminQueries.PanelAsync(db, callId, cancellationToken);
        var proposal = panel is null
            ? null
            : await db.Proposals.AsSplitQuery().FirstOrDefaultAsync(p => p.Id == proposalId && p.CallId == callId, cancellationToken);
        if (call is null || panel is null || proposal is null)
        {
            return NotFound();
        }

        if (input.Selected is not { } selected)
        {
            return await FailedAsync(call, proposalId, input, localizer["採択か不採択かを選んでください。"], cancellationToken);
        }

        if (input.Reason?.Trim().Length > ScreeningDecision.ReasonMaxLength)
        {
            return await FailedAsync(call, proposalId, input, localizer["理由は{0}文字以内で入力してください。", ScreeningDecision.ReasonMaxLength], cancellationToken);
        }

        var now = Now;
        try
        {
            var data = await ScreeningAdminQueries.LoadAsync(db, call, panel, cancellationToken);
            var ranking = data.Ranking.Select(line => line.Row).ToList();
            panel.Decide(proposalId, selected, input.Reason, ranking, UserId, now);
            var reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
            if (selected)
            {
                proposal.Select(UserId, reason, now);
                db.Projects.Add(Project.FromSelectedProposal(proposal, call, now));
            }
            else
            {
                proposal.Reject(UserId, reason, now);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainRuleException exception)
        {
            return await FailedAsync(call, proposalId, input, localizer[exception.Message], cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || db.IsUniqueViolation(exception))
        {
            // Someone decided this proposal (or changed the panel) first: the unique decision and project refuse the second.
            TempData["Error"] = localizer[FormSave.ConcurrencyMessage].Value;
            return RedirectToIndex(callId);
        }

        TempData["Success"] = (selected
            ? localizer["「{0}」を採択としました。協働事業（協定準備中）を作成しました。", proposal.Title]
            : localizer["「{0}」を不採択としました。", proposal.Title]).Value;
        await NotifyAsync(call, proposal, selected, panel.Decisions.Single(d => d.ProposalId == proposalId).Reason, cancellationToken);
        return RedirectToIndex(callId);
    }

    /// <summary>順位の公表: the ranking with scores becomes visible to the proposers and on the call's public results page.</summary>
    [HttpPost("publication")]
    public Task<IActionResult> Publish(int callId, CancellationToken cancellationToken) =>
        ChangePublicationAsync(callId, publish: true, cancellationToken);

    /// <summary>Takes the published ranking back; the decisions stay visible to the proposers.</summary>
    [HttpPost("publication/withdraw")]
    public Task<IActionResult> Unpublish(int callId, CancellationToken cancellationToken) =>
        ChangePublicationAsync(callId, publish: false, cancellationToken);

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private RedirectResult RedirectToIndex(int callId) => Redirect($"/calls/{callId}/screening/decisions");

    private async Task<IActionResult> ChangePublicationAsync(int callId, bool publish, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, cancellationToken);
        var panel = call is null ? null : await ScreeningAdminQueries.PanelAsync(db, callId, cancellationToken);
        if (call is null || panel is null)
        {
            return NotFound();
        }

        try
        {
            if (publish)
            {
                var data = await ScreeningAdminQueries.LoadAsync(db, call, panel, cancellationToken);
                panel.PublishRanking([.. data.Ranking.Select(line => line.Proposal.Id)], Now);
            }
            else
            {
                panel.UnpublishRanking(Now);
            }

            await db.SaveChangesAsync(cancellationToken);
            TempData["Success"] = (publish
                ? localizer["順位と得点を公表しました。提案者と公開の選考結果ページで見られます。"]
                : localizer["順位と得点の公表を取り消しました。"]).Value;
        }
        catch (DomainRuleException exception)
        {
            TempData["Error"] = localizer[exception.Message].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = localizer[FormSave.ConcurrencyMessage].Value;
        }

        return RedirectToIndex(callId);
    }

    /// <summary>Shows the page again from the database (nothing of the refused attempt kept) with the input and message.</summary>
    private async Task<IActionResult> FailedAsync(Call call, int proposalId, DecisionInput input, LocalizedString message, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var panel = await ScreeningAdminQueries.PanelAsync(db, call.Id, cancellationToken);
        var page = await PageAsync(call, panel, new FailedDecision(proposalId, input, message.Value), cancellationToken);
        if (!page.Lines.Any(line => line.Ranking.Proposal.Id == proposalId && line.Decision is null))
        {
            // No form to show the message next to (already decided, or not in the ranking).
            ModelState.AddModelError(string.Empty, message.Value);
        }

        return View(nameof(Index), page);
    }

    private async Task<ScreeningDecisionsViewModel> PageAsync(Call call, ScreeningPanel? panel, FailedDecision? failed, CancellationToken cancellationToken)
    {
        var header = ScreeningAdminQueries.Header(call);
        if (panel is null || panel.IsOpen)
        {
            return new ScreeningDecisionsViewModel(header, panel, [], failed);
        }

        var data = await ScreeningAdminQueries.LoadAsync(db, call, panel, cancellationToken);
        var deciders = panel.Decisions.Select(d => d.DecidedByUserId).Distinct(StringComparer.Ordinal).ToList();
        var names = (await ScreeningAdminQueries.NamesAsync(db, deciders, cancellationToken))
            .ToDictionary(p => p.UserId, p => p.DisplayName, StringComparer.Ordinal);
        var ranking = data.Ranking.Select(line => line.Row).ToList();
        var decided = panel.Decisions.ToDictionary(d => d.ProposalId, d => d.Selected);
        var lines = data.Ranking.Select(line =>
        {
            var decision = panel.Decisions.FirstOrDefault(d => d.ProposalId == line.Proposal.Id);
            return decision is not null
                ? new DecisionLine(line, new RecordedDecision(decision, names.GetValueOrDefault(decision.DecidedByUserId) ?? decision.DecidedByUserId), false, false)
                : new DecisionLine(
                    line,
                    null,
                    ScreeningDecisionRules.IsReasonRequired(line.Proposal.Id, true, ranking, decided, panel.PassingScore),
                    ScreeningDecisionRules.IsReasonRequired(line.Proposal.Id, false, ranking, decided, panel.PassingScore));
        }).ToList();
        return new ScreeningDecisionsViewModel(header, panel, lines, failed);
    }

    /// <summary>
    /// Mails the decision to the proposing group's and the partner department's active accounts,
    /// after the decision is saved: a failure is logged and shown, the decision stays.
    /// </summary>
    private async Task NotifyAsync(Call call, Proposal proposal, bool selected, string? reason, CancellationToken cancellationToken)
    {
        var groupId = proposal.ProposingGroupId;
        var departmentId = proposal.PartnerDepartmentId;
        try
        {
            var recipients = await db.Users.AsNoTracking()
                .Where(u => u.IsActive && u.Email != null
                    && ((groupId != null && u.CitizenGroupId == groupId) || (departmentId != null && u.DepartmentId == departmentId)))
                .OrderBy(u => u.Email)
                .Select(u => u.Email!)
                .ToListAsync(cancellationToken);
            if (recipients.Count == 0)
            {
                return;
            }

            var url = $"{Request.Scheme}://{Request.Host}/proposals/{proposal.Id}";
            await mail.SendAsync(
                new OutgoingMail(recipients, DecisionNotice.Subject(proposal.Title), DecisionNotice.Body(call.Name, proposal.Id, proposal.Title, selected, reason, url)),
                cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogNoticeFailed(logger, exception, proposal.Id);
            TempData[MailWarningKey] = localizer["採否は記録しましたが、通知メールを送信できませんでした。提案団体と担当課に別の方法でお知らせください。"].Value;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The decision notice for proposal {ProposalId} could not be sent.")]
    private static partial void LogNoticeFailed(ILogger logger, Exception exception, int proposalId);
}
