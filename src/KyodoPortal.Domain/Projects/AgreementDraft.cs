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
    string? Role = null);

/// <summary>
/// What a form enters for a 協定: the parties (two or more), the term in fiscal years
/// (start years, inclusive), the role split, the city's share and how costs are shared.
/// </summary>
public sealed record AgreementDraft(
    IReadOnlyList<AgreementPartyDraft> Parties,
    int StartFiscalYear,
    int EndFiscalYear,
    IReadOnlyList<RoleSplitDraft> RoleSplits,
    long CityShareTotal,
    string? CostShareNote = null,
    string? Purpose = null)
{
    /// <summary>
    /// A draft pre-filled from the selected proposal: the proposing group (named
    /// <paramref name="groupName"/>) and the partner department (named
    /// <paramref name="departmentName"/>) as parties, the proposal's term, role split, purpose and
    /// city share (the sum of its 市負担金 lines, broken down per year in the cost-share note).
    /// A party the proposal does not have (no group, no department) is left out.
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
            [.. proposal.RoleSplits.Select(split => new RoleSplitDraft(split.Task, split.GroupRole, split.CityRole))],
            proposal.CityShareTotal,
            cityShareByYear.Count == 0 ? null : "市負担金: " + string.Join("、", cityShareByYear),
            proposal.Purpose);
    }
}
