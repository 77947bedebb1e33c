using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Projects;

/// <summary>
/// 協働事業: the collaboration project that a selected (採択) proposal becomes. The proposal stays
/// as its baseline (one project per proposal; the data layer keeps <see cref="ProposalId"/>
/// unique). While <see cref="ProjectStatus.Preparing"/> the agreement (協定) is drafted; signing
/// it sets the term and starts the project (<see cref="ProjectStatus.InProgress"/>). The plan,
/// its changes, activity records and annual reports are aggregates of their own that point here.
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

    /// <summary>協定: null until drafted; frozen once signed.</summary>
    public Agreement? Agreement { get; private set; }

    /// <summary>Number of fiscal years the project runs.</summary>
    public int TermYears => EndFiscalYear - StartFiscalYear + 1;

    /// <summary>Whether <paramref name="fiscalYear"/> (start year) is one of the project's fiscal years.</summary>
    public bool CoversFiscalYear(int fiscalYear) => fiscalYear >= StartFiscalYear && fiscalYear <= EndFiscalYear;

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

    /// <summary>
    /// Drafts the 協定, or replaces the draft. Only while the project is being prepared and the
    /// agreement is not signed. The term may not exceed the call's maximum
    /// (<paramref name="callMaxTermYears"/>, itself at most 5 years).
    /// </summary>
    public void DraftAgreement(AgreementDraft draft, int callMaxTermYears, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        if (Agreement is { IsSigned: true })
        {
            throw new DomainRuleException("締結済みの協定は変更できません。");
        }

        if (Status != ProjectStatus.Preparing)
        {
            throw new DomainRuleException($"「{Status.DisplayName()}」の協働事業の協定は変更できません。");
        }

        if (Agreement is null)
        {
            Agreement = Agreement.Draft(draft, callMaxTermYears, now);
        }
        else
        {
            Agreement.Apply(draft, callMaxTermYears, now);
        }
    }

    /// <summary>
    /// Records that the drafted 協定 was signed on <paramref name="signedOn"/>: the project takes
    /// the agreement's term and is now 実施中. The agreement cannot be redrafted afterwards.
    /// </summary>
    public void SignAgreement(DateOnly signedOn, string userId, DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        var user = Text.Required(userId, Proposal.UserIdMaxLength, nameof(userId));
        if (Agreement is null)
        {
            throw new DomainRuleException("協定が作成されていないため、締結できません。");
        }

        if (Status != ProjectStatus.Preparing)
        {
            throw new DomainRuleException($"「{Status.DisplayName()}」の協働事業の協定は締結できません。");
        }

        Agreement.Sign(signedOn, user, now);
        StartFiscalYear = Agreement.StartFiscalYear;
        EndFiscalYear = Agreement.EndFiscalYear;
        Status = ProjectStatus.InProgress;
    }

    /// <summary>The project's term in Japanese, e.g. 令和7年度〜令和8年度 (令和7年度 for one year).</summary>
    internal string TermLabel() =>
        StartFiscalYear == EndFiscalYear
            ? ProposalText.Year(StartFiscalYear)
            : $"{ProposalText.Year(StartFiscalYear)}〜{ProposalText.Year(EndFiscalYear)}";

    internal void EnsureInProgress(string what)
    {
        if (Status != ProjectStatus.InProgress)
        {
            throw new DomainRuleException($"「{Status.DisplayName()}」の協働事業では{what}できません。協定の締結後に行ってください。");
        }
    }
}
