using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.ScreeningAdmin;
using KyodoPortal.Web.Infrastructure.Forms;
using KyodoPortal.Web.Infrastructure.Mail;
using KyodoPortal.Web.Infrastructure.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.ScreeningDecisions;

/// <summary>
/// 採否の決定 (coordinating office): once screening is closed, records 採択 / 不採択 per ranked
/// proposal with its reason (always required: the notice carries it), moves the proposal to its final state, creates
/// the 協働事業 of a selected proposal and notifies the proposing group and the partner department.
/// </summary>
[Route("calls/{callId:int}/screening/decisions")]
[Authorize(Policy = KyodoPolicies.Office)]
public sealed class ScreeningDecisionsController(KyodoDbContext db, IMailSender mail, FormCommands commands) : Controller
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
        return View(await PageAsync(call, panel, null, cancellationToken));
    }

    [HttpPost("{proposalId:int}")]
    public Task<IActionResult> Decide(int callId, int proposalId, [Bind(Prefix = "Decision")] DecisionInput input, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<ProposalToDecide>
        {
            RequiresConfirmation = true,
            Load = ct => LoadAsync(callId, proposalId, ct),
            ApplyAsync = async (loaded, by, ct) =>
            {
                if (input.Selected is not { } selected)
                {
                    throw new DomainRuleException("採択か不採択かを選んでください。");
                }

                if (input.Reason?.Trim().Length > ScreeningDecision.ReasonMaxLength)
                {
                    throw new DomainRuleException("理由は{0}文字以内で入力してください。", ScreeningDecision.ReasonMaxLength);
                }

                var (call, panel, proposal) = loaded;
                var data = await ScreeningAdminQueries.LoadAsync(db, call, panel, ct);
                panel.Decide(proposalId, selected, input.Reason, [.. data.Ranking.Select(line => line.Row)], by.UserId, by.Now);
                var reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
                if (selected)
                {
                    proposal.Select(by.UserId, reason, by.Now);
                    db.Projects.Add(Project.FromSelectedProposal(proposal, call, by.Now));
                }
                else
                {
                    proposal.Reject(by.UserId, reason, by.Now);
                }
            },

            // Someone decided this proposal first: the unique decision and project refuse the second.
            UniqueMessage = FormCommands.ConcurrencyMessage,
            Done = loaded => input.Selected == true
                ? new("「{0}」を採択としました。協働事業（協定準備中）を作成しました。", loaded.Proposal.Title)
                : new("「{0}」を不採択としました。", loaded.Proposal.Title),
            RedirectTo = _ => IndexUrl(callId),
            ShowAgain = (loaded, ct) => FailedAsync(loaded.Call, proposalId, input, ct),
            AfterCommit = (loaded, ct) => NotifyAsync(loaded, input.Selected == true, ct),
            AfterCommitFailed = "採否は記録しましたが、通知メールを送信できませんでした。提案団体と担当課に別の方法でお知らせください。",
        }, cancellationToken);

    /// <summary>順位の公表: the ranking with scores becomes visible to the proposers and on the call's public results page.</summary>
    [HttpPost("publication")]
    public Task<IActionResult> Publish(int callId, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<ScreeningCallPanel>
        {
            Load = ct => LoadPanelAsync(callId, ct),
            ApplyAsync = async (loaded, by, ct) =>
            {
                var data = await ScreeningAdminQueries.LoadAsync(db, loaded.Call, loaded.Panel, ct);
                loaded.Panel.PublishRanking([.. data.Ranking.Select(line => line.Proposal.Id)], by.Now);
            },
            Done = _ => "順位と得点を公表しました。提案者と公開の選考結果ページで見られます。",
            RedirectTo = _ => IndexUrl(callId),
        }, cancellationToken);

    /// <summary>Takes the published ranking back; the decisions stay visible to the proposers.</summary>
    [HttpPost("publication/withdraw")]
    public Task<IActionResult> Unpublish(int callId, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<ScreeningCallPanel>
        {
            Load = ct => LoadPanelAsync(callId, ct),
            Apply = (loaded, by) => loaded.Panel.UnpublishRanking(by.Now),
            Done = _ => "順位と得点の公表を取り消しました。",
            RedirectTo = _ => IndexUrl(callId),
        }, cancellationToken);

    private static string IndexUrl(int callId) => $"/calls/{callId}/screening/decisions";

    /// <summary>The call and its panel (tracked); 404 when there is none.</summary>
    private async Task<Loaded<ScreeningCallPanel>> LoadPanelAsync(int callId, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, cancellationToken);
        var panel = call is null ? null : await ScreeningAdminQueries.PanelAsync(db, callId, cancellationToken);
        return call is null || panel is null ? LoadRefusal.NotFound : new ScreeningCallPanel(call, panel);
    }

    /// <summary>The call, its panel and one of its proposals (both tracked); 404 when any is missing.</summary>
    private async Task<Loaded<ProposalToDecide>> LoadAsync(int callId, int proposalId, CancellationToken cancellationToken)
    {
        var loaded = await LoadPanelAsync(callId, cancellationToken);
        if (loaded.Value is not { } found)
        {
            return loaded.Refusal!;
        }

        var proposal = await db.Proposals.AsSplitQuery().FirstOrDefaultAsync(p => p.Id == proposalId && p.CallId == callId, cancellationToken);
        return proposal is null ? LoadRefusal.NotFound : new ProposalToDecide(found.Call, found.Panel, proposal);
    }

    /// <summary>
    /// The page again from the database (the runner cleared the refused attempt) with the input and
    /// the reasons next to the proposal's form, or above the page when it has no form any more
    /// (decided meanwhile, or not in the ranking).
    /// </summary>
    private async Task<IActionResult> FailedAsync(Call call, int proposalId, DecisionInput input, CancellationToken cancellationToken)
    {
        var message = string.Join('\n', ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct(StringComparer.Ordinal));
        var panel = await ScreeningAdminQueries.PanelAsync(db, call.Id, cancellationToken);
        var page = await PageAsync(call, panel, new FailedDecision(proposalId, input, message), cancellationToken);
        if (page.Lines.Any(line => line.Ranking.Proposal.Id == proposalId && line.Decision is null))
        {
            ModelState.Clear();
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
        var names = await PeopleDirectory.NamesAsync(db, panel.Decisions.Select(d => d.DecidedByUserId), cancellationToken);
        var ranking = data.Ranking.Select(line => line.Row).ToList();
        var decided = panel.Decisions.ToDictionary(d => d.ProposalId, d => d.Selected);
        var lines = data.Ranking.Select(line =>
        {
            var decision = panel.Decisions.FirstOrDefault(d => d.ProposalId == line.Proposal.Id);
            return decision is not null
                ? new DecisionLine(line, new RecordedDecision(decision, names.NameOf(decision.DecidedByUserId)), false, false)
                : new DecisionLine(
                    line,
                    null,
                    ScreeningDecisionRules.DepartsFromRanking(line.Proposal.Id, true, ranking, decided, panel.PassingScore),
                    ScreeningDecisionRules.DepartsFromRanking(line.Proposal.Id, false, ranking, decided, panel.PassingScore));
        }).ToList();
        return new ScreeningDecisionsViewModel(header, panel, lines, failed);
    }

    /// <summary>
    /// Mails the decision to the proposing group's and the partner department's active accounts,
    /// after the decision is saved; if it cannot be sent, the runner logs it and warns (the decision stays).
    /// </summary>
    private async Task<UserMessage?> NotifyAsync(ProposalToDecide decided, bool selected, CancellationToken cancellationToken)
    {
        var (call, panel, proposal) = decided;
        var groupId = proposal.ProposingGroupId;
        var departmentId = proposal.PartnerDepartmentId;
        var recipients = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Email != null
                && ((groupId != null && u.CitizenGroupId == groupId) || (departmentId != null && u.DepartmentId == departmentId)))
            .OrderBy(u => u.Email)
            .Select(u => u.Email!)
            .ToListAsync(cancellationToken);
        if (recipients.Count > 0)
        {
            var reason = panel.Decisions.Single(d => d.ProposalId == proposal.Id).Reason;
            var url = $"{Request.Scheme}://{Request.Host}/proposals/{proposal.Id}";
            await mail.SendAsync(
                new OutgoingMail(recipients, DecisionNotice.Subject(proposal.Title), DecisionNotice.Body(call.Name, proposal.Id, proposal.Title, selected, reason, url)),
                cancellationToken);
        }

        return null;
    }
}

/// <summary>A closed panel's call, the panel and the proposal being decided.</summary>
public sealed record ProposalToDecide(Call Call, ScreeningPanel Panel, Proposal Proposal);
