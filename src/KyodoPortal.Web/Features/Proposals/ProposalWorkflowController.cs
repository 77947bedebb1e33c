using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Proposals;

/// <summary>
/// The moves of a 提案書: submitted inside the call's window when complete, returned by the
/// coordinating office with a comment, resubmitted, or withdrawn. Each is a button on the
/// proposal's page; the outcome (or the reasons it was refused) shows there.
/// </summary>
[Authorize]
public sealed class ProposalWorkflowController(
    KyodoDbContext db,
    FormCommands commands,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpPost("/proposals/{id:int}/submit")]
    public Task<IActionResult> Submit(int id, CancellationToken cancellationToken) =>
        MoveAsync(id, ProposalActor.Proposer, (x, by) => x.Proposal.Submit(x.Call, by.UserId, by.Now), "提案を提出しました。", cancellationToken);

    [HttpPost("/proposals/{id:int}/resubmit")]
    public Task<IActionResult> Resubmit(int id, TransitionInput input, CancellationToken cancellationToken) =>
        MoveAsync(id, ProposalActor.Proposer, (x, by) => x.Proposal.Resubmit(x.Call, by.UserId, input.Comment, by.Now), "提案を再提出しました。", cancellationToken);

    [HttpPost("/proposals/{id:int}/withdraw")]
    public Task<IActionResult> Withdraw(int id, TransitionInput input, CancellationToken cancellationToken) =>
        MoveAsync(id, ProposalActor.Proposer, (x, by) => x.Proposal.Withdraw(by.UserId, input.Comment, by.Now), "提案を取り下げました。", cancellationToken, oneWay: true);

    [HttpPost("/proposals/{id:int}/return")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public Task<IActionResult> Return(int id, TransitionInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Comment))
        {
            ModelState.AddModelError(nameof(input.Comment), localizer["差し戻す理由を書いてください。"]);
        }

        return MoveAsync(id, ProposalActor.Coordinator, (x, by) => x.Proposal.Return(by.UserId, input.Comment!, by.Now), "提案を差し戻しました。", cancellationToken);
    }

    /// <summary>One move by <paramref name="actor"/> (the office, or the proposing side), then back to the proposal.</summary>
    private Task<IActionResult> MoveAsync(int id, ProposalActor actor, Action<ProposalAndCall, Actor> move, UserMessage done, CancellationToken cancellationToken, bool oneWay = false) =>
        commands.RunAsync(this, new FormCommand<ProposalAndCall>
        {
            RequiresConfirmation = oneWay,
            Load = ct => ProposalAccess.LoadAsync(
                db,
                User,
                id,
                tracking: true,
                (p, c) => actor == ProposalActor.Coordinator ? User.IsOffice() : ProposalAccess.IsProposer(User, p, c),
                ct),
            Apply = move,
            Done = _ => done,
            RedirectTo = _ => $"/proposals/{id}",
        }, cancellationToken);
}
