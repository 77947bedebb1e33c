using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Projects;

/// <summary>
/// 役割分担 in a <see cref="PlanContent"/>: for one task, what each party of the project does — one
/// role per party of the agreement (two, three or more), the same shape as the agreement's
/// <see cref="AgreementRoleSplit"/>. A party is named by its number in the agreement
/// (<see cref="AgreementParty.SortOrder"/>: 1 = 甲, 2 = 乙, …), which is fixed once the agreement is signed.
/// </summary>
public sealed class PlanRoleSplit
{
    private List<PlanPartyRole> _roles = [];

    // For EF Core materialization.
    private PlanRoleSplit()
    {
        Task = string.Empty;
    }

    /// <summary>Validates one row: a task and at least one party's role (the proposal's lengths).</summary>
    internal PlanRoleSplit(AgreementRoleSplitDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Task = Text.Required(draft.Task, ProposalRoleSplit.TaskMaxLength, nameof(draft.Task));
        var roles = draft.PartyRoles ?? [];
        for (var index = 0; index < roles.Count; index++)
        {
            if (Text.Optional(roles[index], ProposalRoleSplit.RoleMaxLength, nameof(draft.PartyRoles)) is { } role)
            {
                _roles.Add(new PlanPartyRole(index + 1, role));
            }
        }

        if (_roles.Count == 0)
        {
            throw new DomainRuleException("役割分担「{0}」のいずれかの当事者の役割を入力してください。", Task);
        }
    }

    public string Task { get; private set; }

    /// <summary>The roles entered, one per party at most, in party order (parties without a role for this task have none).</summary>
    public IReadOnlyList<PlanPartyRole> Roles => _roles;

    /// <summary>The highest party number with a role in this row.</summary>
    public int LastPartyNumber => _roles.Count == 0 ? 0 : _roles.Max(role => role.PartyNumber);

    /// <summary>The role of the party with this number, or null.</summary>
    public string? RoleOf(int partyNumber) => _roles.FirstOrDefault(role => role.PartyNumber == partyNumber)?.Role;

    /// <summary>The row as a draft with <paramref name="partyCount"/> columns (party 1 first).</summary>
    public AgreementRoleSplitDraft ToDraft(int partyCount) => new(Task, [.. Enumerable.Range(1, partyCount).Select(RoleOf)]);

    /// <summary>A separate instance with the same values: an owned row can belong to one owner only.</summary>
    internal PlanRoleSplit Copy()
    {
        var copy = (PlanRoleSplit)MemberwiseClone();
        copy._roles = [.. _roles.Select(role => new PlanPartyRole(role.PartyNumber, role.Role))];
        return copy;
    }
}

/// <summary>One party's role in one row of a plan's 役割分担; the party by its number in the agreement.</summary>
public sealed class PlanPartyRole
{
    // For EF Core materialization.
    private PlanPartyRole()
    {
        Role = string.Empty;
    }

    internal PlanPartyRole(int partyNumber, string role)
    {
        PartyNumber = partyNumber;
        Role = role;
    }

    public int PartyNumber { get; private set; }

    public string Role { get; private set; }
}
