using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Projects;

/// <summary>
/// 協働事業: the collaboration project that a selected (採択) proposal becomes. The proposal stays
/// as its baseline (one project per proposal; the data layer keeps <see cref="ProposalId"/>
/// unique). The parties are the proposing group and the partner department for now; the
/// agreement (協定) comes with the execution stage.
/// </summary>
public sealed class Project : IVersioned
{
    // For EF Core materialization.
    private Project()
    {
        Title = string.Empty;
    }

    private Project(Proposal proposal, DateTime nowUtc)
    {
        ProposalId = proposal.Id;
        CallId = proposal.CallId;
        Title = proposal.Title;
        ProposingGroupId = proposal.ProposingGroupId;
        PartnerDepartmentId = proposal.PartnerDepartmentId;
        StartFiscalYear = proposal.StartFiscalYear;
        EndFiscalYear = proposal.StartFiscalYear + proposal.TermYears - 1;
        Status = ProjectStatus.Preparing;
        CreatedAtUtc = nowUtc;
    }

    public int Id { get; private set; }

    /// <summary>The selected proposal: the project's baseline.</summary>
    public int ProposalId { get; private set; }

    public int CallId { get; private set; }

    public string Title { get; private set; }

    public int? ProposingGroupId { get; private set; }

    public int? PartnerDepartmentId { get; private set; }

    /// <summary>Start year of the first fiscal year.</summary>
    public int StartFiscalYear { get; private set; }

    /// <summary>Start year of the last fiscal year (start + term − 1).</summary>
    public int EndFiscalYear { get; private set; }

    public ProjectStatus Status { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public int Version { get; private set; }

    /// <summary>Number of fiscal years the project runs.</summary>
    public int TermYears => EndFiscalYear - StartFiscalYear + 1;

    /// <summary>
    /// Creates the project of a proposal that was just selected (採択) in <paramref name="call"/>.
    /// Refuses any other proposal.
    /// </summary>
    public static Project FromSelectedProposal(Proposal proposal, Call call, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(call);
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        if (proposal.CallId != call.Id)
        {
            throw new ArgumentException("The proposal belongs to another call.", nameof(call));
        }

        if (proposal.Status != ProposalStatus.Selected)
        {
            throw new DomainRuleException("採択された提案からだけ協働事業を作成できます。");
        }

        return new Project(proposal, now);
    }
}
