using System.Security.Claims;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Forms;

namespace KyodoPortal.Web.Features.Proposals;

/// <summary>
/// Object-level rules for proposals, checked on every action (not only in menus):
/// the coordinating office sees all; the proposing side (the group's members for group and
/// mutual proposals, the department's staff for department and mutual proposals) sees and edits
/// its own; the partner department of a group proposal may read it; nobody else.
/// </summary>
public static class ProposalAccess
{
    public static bool IsOffice(ClaimsPrincipal user) => user.IsOffice();

    public static bool IsProposer(ClaimsPrincipal user, ProposalType type, int? groupId, int? departmentId) =>
        (type is ProposalType.GroupProposal or ProposalType.MutualProposal
            && groupId is not null && user.IsInRole(KyodoRoles.GroupMember) && user.GetCitizenGroupId() == groupId)
        || (type is ProposalType.DepartmentProposal or ProposalType.MutualProposal
            && departmentId is not null && user.IsInRole(KyodoRoles.DepartmentStaff) && user.GetDepartmentId() == departmentId);

    public static bool IsProposer(ClaimsPrincipal user, Proposal proposal, Call call) =>
        IsProposer(user, call.ProposalType, proposal.ProposingGroupId, proposal.PartnerDepartmentId);

    public static bool CanView(ClaimsPrincipal user, ProposalType type, int? groupId, int? departmentId) =>
        IsOffice(user)
        || IsProposer(user, type, groupId, departmentId)
        || (departmentId is not null && user.IsInRole(KyodoRoles.DepartmentStaff) && user.GetDepartmentId() == departmentId);

    /// <summary>Who may start a proposal on a call of this type: they need the role and its affiliation.</summary>
    public static bool MayPropose(ClaimsPrincipal user, ProposalType type)
    {
        var asGroup = user.IsInRole(KyodoRoles.GroupMember) && user.GetCitizenGroupId() is not null;
        var asDepartment = user.IsInRole(KyodoRoles.DepartmentStaff) && user.GetDepartmentId() is not null;
        return type switch
        {
            ProposalType.GroupProposal => asGroup,
            ProposalType.DepartmentProposal => asDepartment,
            ProposalType.MutualProposal => asGroup || asDepartment,
            _ => false,
        };
    }

    /// <summary>
    /// The proposal and its call for an action on it: 404 for anyone who may not read it (its
    /// existence is not revealed), 403 for a reader <paramref name="mayAct"/> refuses.
    /// </summary>
    public static async Task<Loaded<ProposalAndCall>> LoadAsync(
        KyodoDbContext db,
        ClaimsPrincipal user,
        int id,
        bool tracking,
        Func<Proposal, Call, bool> mayAct,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mayAct);
        var loaded = await ProposalQueries.LoadAsync(db, id, tracking, cancellationToken);
        if (loaded is not { } found || !CanView(user, found.Call.ProposalType, found.Proposal.ProposingGroupId, found.Proposal.PartnerDepartmentId))
        {
            return LoadRefusal.NotFound;
        }

        var (proposal, call) = found;
        return mayAct(proposal, call) ? new ProposalAndCall(proposal, call) : LoadRefusal.Forbidden;
    }
}

/// <summary>A proposal and the call it answers (the call's caps and window decide what the proposal may hold).</summary>
public sealed record ProposalAndCall(Proposal Proposal, Call Call);
