using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Projects;

/// <summary>
/// 役割分担 as agreed in the 協定: for one task, what each party does — one role per party of the
/// agreement (two, three or more), not only 団体 and 市 as in the proposal.
/// </summary>
public sealed class AgreementRoleSplit
{
    private readonly List<AgreementPartyRole> _roles = [];

    // For EF Core materialization.
    private AgreementRoleSplit()
    {
        Task = string.Empty;
    }

    /// <summary>Validates one row of the draft against the agreement's <paramref name="partyCount"/> parties.</summary>
    internal AgreementRoleSplit(AgreementRoleSplitDraft draft, int sortOrder, int partyCount)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Task = Text.Required(draft.Task, ProposalRoleSplit.TaskMaxLength, nameof(draft.Task));
        var roles = draft.PartyRoles ?? [];
        for (var index = 0; index < roles.Count; index++)
        {
            var role = Text.Optional(roles[index], ProposalRoleSplit.RoleMaxLength, nameof(draft.PartyRoles));
            if (role is null)
            {
                continue;
            }

            if (index >= partyCount)
            {
                throw new DomainRuleException("役割分担「{0}」に、当事者のいない列の役割があります。", Task);
            }

            _roles.Add(new AgreementPartyRole(index + 1, role));
        }

        if (_roles.Count == 0)
        {
            throw new DomainRuleException("役割分担「{0}」のいずれかの当事者の役割を入力してください。", Task);
        }

        SortOrder = sortOrder;
    }

    public int Id { get; private set; }

    public string Task { get; private set; }

    public int SortOrder { get; private set; }

    /// <summary>The roles entered, one per party at most (parties without a role for this task have none).</summary>
    public IReadOnlyList<AgreementPartyRole> Roles => _roles;

    /// <summary>The role of the party with this <see cref="AgreementParty.SortOrder"/>, or null.</summary>
    public string? RoleOf(int partyNumber) => _roles.FirstOrDefault(role => role.PartyNumber == partyNumber)?.Role;

    internal AgreementRoleSplitDraft ToDraft(int partyCount) =>
        new(Task, [.. Enumerable.Range(1, partyCount).Select(RoleOf)]);
}

/// <summary>
/// One party's role in one row of the 役割分担. The party is named by its number in the agreement
/// (<see cref="AgreementParty.SortOrder"/>: 1 = 甲, 2 = 乙, …), which is stable for as long as the
/// row exists: every redraft replaces the parties and the rows together.
/// </summary>
public sealed class AgreementPartyRole
{
    // For EF Core materialization.
    private AgreementPartyRole()
    {
        Role = string.Empty;
    }

    internal AgreementPartyRole(int partyNumber, string role)
    {
        PartyNumber = partyNumber;
        Role = role;
    }

    public int PartyNumber { get; private set; }

    public string Role { get; private set; }
}
