using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Formatting;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Proposals;

/// <summary>
/// 提案書: started on an open call by those who may propose on it, then read and printed by
/// whoever may read it. The sections are written in <see cref="ProposalSectionsController"/>; the
/// moves (submit, return, …) in <see cref="ProposalWorkflowController"/>. Every action checks the
/// proposal itself, not only the menu.
/// </summary>
[Authorize]
public sealed class ProposalsController(
    KyodoDbContext db,
    TimeProvider clock,
    FormCommands commands,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/proposals")]
    [Authorize(Policy = KyodoPolicies.Proposers)]
    public async Task<IActionResult> Mine(string? sort, string? dir, CancellationToken cancellationToken) =>
        View(await ProposalQueries.MineAsync(db, User.GetCitizenGroupId(), User.GetDepartmentId(), sort, dir, cancellationToken));

    [HttpGet("/calls/{callId:int}/proposals/new")]
    [Authorize(Policy = KyodoPolicies.Proposers)]
    public Task<IActionResult> Create(int callId, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, LoadOpenCallAsync(callId, cancellationToken), async call =>
            (IActionResult)View(await NewViewModelAsync(call, new NewProposalInput(), cancellationToken)));

    [HttpPost("/calls/{callId:int}/proposals/new")]
    [Authorize(Policy = KyodoPolicies.Proposers)]
    public Task<IActionResult> Create(int callId, [Bind(Prefix = "Input")] NewProposalInput input, CancellationToken cancellationToken)
    {
        Proposal? created = null;
        return commands.RunAsync(this, new FormCommand<Call>
        {
            Load = ct => LoadOpenCallAsync(callId, ct),
            Once = true,
            ApplyAsync = async (call, by, ct) =>
            {
                var (groupId, departmentId) = PartiesOf(call, input);
                if (await ProposalForms.PartnersExistAsync(db, ModelState, localizer, groupId, departmentId, ct))
                {
                    db.Proposals.Add(created = new Proposal(call, input.Title!, groupId, departmentId, by.UserId, by.Now));
                }
            },
            Done = _ => new("提案「{0}」を下書きとして作成しました。各項目を入力してから提出してください。", created!.Title),
            RedirectTo = _ => $"/proposals/{created!.Id}/edit",
            ShowAgain = async (call, ct) => View(await NewViewModelAsync(call, input, ct)),
        }, cancellationToken);
    }

    [HttpGet("/proposals/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var page = await PageAsync(id, cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpGet("/proposals/{id:int}/print")]
    public async Task<IActionResult> Print(int id, CancellationToken cancellationToken)
    {
        var page = await PageAsync(id, cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    /// <summary>A published call inside its window (else 404), for someone who may propose on it (else 403).</summary>
    private async Task<Loaded<Call>> LoadOpenCallAsync(int callId, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId && c.IsPublished, cancellationToken);
        if (call is null || !call.IsOpenAt(clock.UtcNow()))
        {
            return LoadRefusal.NotFound;
        }

        return ProposalAccess.MayPropose(User, call.ProposalType) ? call : LoadRefusal.Forbidden;
    }

    /// <summary>The proposer's own side comes from the account, never from the form.</summary>
    private (int? GroupId, int? DepartmentId) PartiesOf(Call call, NewProposalInput input)
    {
        if (User.IsInRole(KyodoRoles.DepartmentStaff) && call.ProposalType is ProposalType.MutualProposal && !User.IsInRole(KyodoRoles.GroupMember))
        {
            return (input.ProposingGroupId, User.GetDepartmentId());
        }

        return call.ProposalType is ProposalType.DepartmentProposal
            ? (null, User.GetDepartmentId())
            : (User.GetCitizenGroupId() ?? input.ProposingGroupId, input.PartnerDepartmentId);
    }

    /// <summary>The proposal page for someone who may read it; null (404) for anyone else.</summary>
    private async Task<ProposalPageViewModel?> PageAsync(int id, CancellationToken cancellationToken)
    {
        var loaded = await ProposalQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        if (loaded is not { } found || !ProposalAccess.CanView(User, found.Call.ProposalType, found.Proposal.ProposingGroupId, found.Proposal.PartnerDepartmentId))
        {
            return null;
        }

        var (proposal, call) = found;
        var isProposer = ProposalAccess.IsProposer(User, proposal, call);
        return new ProposalPageViewModel(
            proposal,
            call,
            await ProposalQueries.NamesAsync(db, proposal, cancellationToken),
            IsProposer: isProposer,
            IsOffice: ProposalAccess.IsOffice(User),
            CanEdit: isProposer && proposal.IsEditable,
            Problems: proposal.IsEditable ? proposal.SubmissionProblems(call) : [],
            CallIsOpen: call.IsOpenAt(clock.UtcNow()),
            Actor: ProposalAccess.IsOffice(User) ? ProposalActor.Coordinator : ProposalActor.Proposer,
            Decision: await ProposalQueries.DecisionAsync(db, proposal, cancellationToken),
            ProjectId: await ProposalQueries.ProjectIdAsync(db, proposal, cancellationToken));
    }

    private async Task<NewProposalViewModel> NewViewModelAsync(Call call, NewProposalInput input, CancellationToken cancellationToken) =>
        new(call, input, await ProposalQueries.PartnerOptionsAsync(db, null, null, cancellationToken));
}
