using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Forms;
using KyodoPortal.Web.Infrastructure.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.ScreeningAdmin;

/// <summary>
/// 審査の運営: who sits on the panel (the checked committee members) and the office's recusal of
/// a member from a proposal. Both forms are panels of the screening dashboard.
/// </summary>
[Route("calls/{callId:int}/screening")]
[Authorize(Policy = KyodoPolicies.Office)]
public sealed class ScreeningMembersController(KyodoDbContext db, FormCommands commands, IStringLocalizer<SharedResource> localizer) : Controller
{
    /// <summary>The checked committee members become the panel; unchecked ones are unassigned (their records are kept).</summary>
    [HttpPost("members")]
    public Task<IActionResult> Members(int callId, [FromForm] List<string>? memberUserIds, CancellationToken cancellationToken)
    {
        var selected = (memberUserIds ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).ToHashSet(StringComparer.Ordinal);
        var (added, removed) = (0, 0);
        return commands.RunAsync(this, new FormCommand<ScreeningCallPanel>
        {
            Load = ct => ScreeningAdminPages.LoadAsync(db, callId, ct),
            ApplyAsync = async (loaded, by, ct) =>
            {
                var panel = loaded.Panel;
                var current = panel.Members.Select(m => m.MemberUserId).ToHashSet(StringComparer.Ordinal);
                var toAdd = selected.Where(id => !current.Contains(id)).ToList();
                var toRemove = current.Where(id => !selected.Contains(id)).ToList();
                if (toAdd.Count > 0)
                {
                    var committee = (await PeopleDirectory.InRoleAsync(db, KyodoRoles.CommitteeMember, ct)).Select(p => p.UserId).ToHashSet(StringComparer.Ordinal);
                    if (!toAdd.All(committee.Contains))
                    {
                        throw new DomainRuleException("評価委員として登録されている有効なアカウントだけを割り当てられます。");
                    }
                }

                foreach (var id in toRemove)
                {
                    panel.RemoveMember(id, by.Now);
                }

                foreach (var id in toAdd)
                {
                    panel.AddMember(id, by.Now);
                }

                (added, removed) = (toAdd.Count, toRemove.Count);
            },
            Done = _ => new("評価委員を更新しました（追加 {0} 名、解除 {1} 名）。", added, removed),
            RedirectTo = _ => ScreeningAdminPages.DashboardUrl(callId),
        }, cancellationToken);
    }

    [HttpPost("recusals")]
    public Task<IActionResult> Recuse(int callId, [Bind(Prefix = "Recusal")] RecusalInput input, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<ScreeningCallPanel>
        {
            Load = async ct =>
            {
                var loaded = await ScreeningAdminPages.LoadAsync(db, callId, ct);

                // The panel does not know the call's proposals: only one under screening in this call.
                if (loaded.Value is not null && ModelState.IsValid && !await IsUnderScreeningAsync(callId, input.ProposalId!.Value, ct))
                {
                    ModelState.AddModelError("Recusal.ProposalId", localizer["審査中の提案を選んでください。"]);
                }

                return loaded;
            },
            Apply = (loaded, by) => loaded.Panel.Recuse(input.MemberUserId!, input.ProposalId!.Value, input.Reason!, by.UserId, by.Now),
            Done = _ => "評価委員をこの提案の審査から回避させました。",
            RedirectTo = _ => ScreeningAdminPages.DashboardUrl(callId),
            ShowAgain = async (loaded, ct) =>
                View(ScreeningAdminPages.DashboardView, await ScreeningAdminPages.DashboardAgainAsync(db, loaded.Call, null, input, ct)),
        }, cancellationToken);

    private Task<bool> IsUnderScreeningAsync(int callId, int proposalId, CancellationToken cancellationToken) =>
        db.Proposals.AnyAsync(p => p.Id == proposalId && p.CallId == callId && p.Status == ProposalStatus.UnderScreening, cancellationToken);
}
