using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Projects;

/// <summary>What a form enters for one party of a 協定.</summary>
public sealed record AgreementPartyDraft(
    AgreementPartyKind Kind,
    int? CitizenGroupId,
    int? DepartmentId,
    string Name,
    string? Representative = null,
    string? Role = null,
    string? Address = null);

/// <summary>
/// What a form enters for one row of a 協定's 役割分担: the task and, in party order, each party's
/// role (<c>PartyRoles[0]</c> is the first party's, 甲; null or blank for a party without a role).
/// </summary>
public sealed record AgreementRoleSplitDraft(string Task, IReadOnlyList<string?> PartyRoles)
{
    /// <summary>
    /// A two-column row (団体の役割, 市の役割: the proposal's, and every agreement's before roles
    /// were kept per party) spread over the agreement's parties. The group's role goes to the party
    /// of the proposing group, else the first citizen-group party, else the first party that is
    /// not a department; the city's to the party of the partner department, else the first
    /// department party. The migration that moved stored agreements to one role per party applies
    /// the same rule in SQL (AgreementRolesPerParty).
    /// </summary>
    public static AgreementRoleSplitDraft FromGroupAndCity(RoleSplitDraft split, IReadOnlyList<AgreementPartyDraft> parties, int? proposingGroupId, int? partnerDepartmentId)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(parties);
        var roles = new string?[parties.Count];
        var groupIndex = FirstIndex(parties, p => p.Kind == AgreementPartyKind.CitizenGroup && proposingGroupId is not null && p.CitizenGroupId == proposingGroupId);
        if (groupIndex < 0)
        {
            groupIndex = FirstIndex(parties, p => p.Kind == AgreementPartyKind.CitizenGroup);
        }

        if (groupIndex < 0)
        {
            groupIndex = FirstIndex(parties, p => p.Kind != AgreementPartyKind.Department);
        }

        var cityIndex = FirstIndex(parties, p => p.Kind == AgreementPartyKind.Department && partnerDepartmentId is not null && p.DepartmentId == partnerDepartmentId);
        if (cityIndex < 0)
        {
            cityIndex = FirstIndex(parties, p => p.Kind == AgreementPartyKind.Department);
        }

        if (groupIndex >= 0)
        {
            roles[groupIndex] = split.GroupRole;
        }

        if (cityIndex >= 0)
        {
            roles[cityIndex] = split.CityRole;
        }

        return new AgreementRoleSplitDraft(split.Task, roles);
    }

    private static int FirstIndex(IReadOnlyList<AgreementPartyDraft> parties, Func<AgreementPartyDraft, bool> match)
    {
        for (var index = 0; index < parties.Count; index++)
        {
            if (match(parties[index]))
            {
                return index;
            }
        }

        return -1;
    }
}

/// <summary>
/// What a form enters for a 協定: the parties (two or more), the term in fiscal years
/// (start years, inclusive), the role split (one role per party), the city's share and how costs are shared.
/// </summary>
public sealed record AgreementDraft(
    IReadOnlyList<AgreementPartyDraft> Parties,
    int StartFiscalYear,
    int EndFiscalYear,
    IReadOnlyList<AgreementRoleSplitDraft> RoleSplits,
    long CityShareTotal,
    string? CostShareNote = null,
    string? Purpose = null)
{
    /// <summary>
    /// A draft pre-filled from the selected proposal: the proposing group (named
    /// <paramref name="groupName"/>) and the partner department (named
    /// <paramref name="departmentName"/>) as parties, the proposal's term, role split, purpose and
    /// city share (the sum of its 市負担金 lines, broken down per year in the cost-share note).
    /// A party the proposal does not have (no group, no department) is left out. The proposal's
    /// 団体 and 市 roles become the roles of these two parties.
    /// </summary>
    public static AgreementDraft FromProposal(Proposal proposal, string groupName, string? departmentName)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var parties = new List<AgreementPartyDraft>();
        if (proposal.ProposingGroupId is { } groupId)
        {
            parties.Add(new AgreementPartyDraft(AgreementPartyKind.CitizenGroup, groupId, null, Text.Required(groupName, AgreementParty.NameMaxLength, nameof(groupName))));
        }

        if (proposal.PartnerDepartmentId is { } departmentId)
        {
            parties.Add(new AgreementPartyDraft(AgreementPartyKind.Department, null, departmentId, Text.Required(departmentName, AgreementParty.NameMaxLength, nameof(departmentName))));
        }

        var cityShareByYear = proposal.BudgetByYear()
            .Where(year => year.CityShare > 0)
            .Select(year => $"{ProposalText.Year(year.FiscalYear.StartYear)} {ProposalText.Yen(year.CityShare)}")
            .ToList();

        return new AgreementDraft(
            parties,
            proposal.StartFiscalYear,
            proposal.StartFiscalYear + proposal.TermYears - 1,
            [.. proposal.RoleSplits.Select(split => AgreementRoleSplitDraft.FromGroupAndCity(
                new RoleSplitDraft(split.Task, split.GroupRole, split.CityRole), parties, proposal.ProposingGroupId, proposal.PartnerDepartmentId))],
            proposal.CityShareTotal,
            cityShareByYear.Count == 0 ? null : "市負担金: " + string.Join("、", cityShareByYear),
            proposal.Purpose);
    }
}
