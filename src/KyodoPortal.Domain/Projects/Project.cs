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
    /// <summary>Why nothing can be recorded for a fiscal year after the term.</summary>
    public const string AfterTermMessage = "事業期間の後の年度は、継続審査で事業期間の延長が決定されるまで計画・記録できません。";

    private readonly List<ContinuationDecision> _continuationDecisions = [];

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

    /// <summary>継続の決定: every continuation decision in order (history kept).</summary>
    public IReadOnlyList<ContinuationDecision> ContinuationDecisions => _continuationDecisions;

    /// <summary>The closing record; null until the project is 終了.</summary>
    public ProjectClosure? Closure { get; private set; }

    /// <summary>Marked by the coordinator as a case (事例として登録) while still running.</summary>
    public bool IsMarkedAsCase { get; private set; }

    /// <summary>The case is shown in the public case library (set by the coordinator).</summary>
    public bool IsCasePublished { get; private set; }

    /// <summary>Every closed project is a case; a running one when the coordinator marks it.</summary>
    public bool IsCase => Status == ProjectStatus.Closed || IsMarkedAsCase;

    /// <summary>The decision about the current term (its last fiscal year is <see cref="EndFiscalYear"/>); null while undecided.</summary>
    public ContinuationDecision? DecisionForCurrentTerm =>
        _continuationDecisions.LastOrDefault(d => d.PreviousEndFiscalYear == EndFiscalYear);

    /// <summary>Number of fiscal years the project runs.</summary>
    public int TermYears => EndFiscalYear - StartFiscalYear + 1;

    /// <summary>Whether <paramref name="fiscalYear"/> (start year) is one of the project's fiscal years.</summary>
    public bool CoversFiscalYear(int fiscalYear) => fiscalYear >= StartFiscalYear && fiscalYear <= EndFiscalYear;

    /// <summary>
    /// 団体: the group that proposed; for a department's proposal, the first group the agreement
    /// names. It writes the annual reports and the group's self-evaluation and hears of their review.
    /// </summary>
    public int? GroupPartyId => ProposingGroupId
        ?? Agreement?.Parties.OrderBy(p => p.SortOrder).FirstOrDefault(p => p.Kind == AgreementPartyKind.CitizenGroup)?.CitizenGroupId;

    /// <summary>担当課: the partner department; without one, the first department the agreement names.</summary>
    public int? DepartmentPartyId => PartnerDepartmentId
        ?? Agreement?.Parties.OrderBy(p => p.SortOrder).FirstOrDefault(p => p.Kind == AgreementPartyKind.Department)?.DepartmentId;

    /// <summary>
    /// What <paramref name="groupId"/> is on this project: 団体, another party named in the
    /// agreement (e.g. the lecturer's group of a 三者協定), or nothing (null). The one rule for
    /// which group acts as 団体; every permission on a project asks it.
    /// </summary>
    public ProjectParty? PartyOfGroup(int groupId) =>
        groupId == GroupPartyId ? ProjectParty.Group
        : Agreement?.Parties.FirstOrDefault(p => p.CitizenGroupId == groupId) is { } party ? ProjectParty.Other(party.Name)
        : null;

    /// <summary>What <paramref name="departmentId"/> is on this project: 担当課, another party of the agreement, or nothing (null).</summary>
    public ProjectParty? PartyOfDepartment(int departmentId) =>
        departmentId == DepartmentPartyId ? ProjectParty.Department
        : Agreement?.Parties.FirstOrDefault(p => p.DepartmentId == departmentId) is { } party ? ProjectParty.Other(party.Name)
        : null;

    /// <summary>What a party named in the agreement is on this project (the agreement may also name parties with no account, e.g. a company).</summary>
    public ProjectParty PartyOf(AgreementParty party)
    {
        ArgumentNullException.ThrowIfNull(party);
        return (party.CitizenGroupId is { } groupId ? PartyOfGroup(groupId) : null)
            ?? (party.DepartmentId is { } departmentId ? PartyOfDepartment(departmentId) : null)
            ?? ProjectParty.Other(party.Name);
    }

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
            throw new DomainRuleException("「{0}」の協働事業の協定は変更できません。", Status);
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
            throw new DomainRuleException("「{0}」の協働事業の協定は締結できません。", Status);
        }

        Agreement.Sign(signedOn, user, now);
        StartFiscalYear = Agreement.StartFiscalYear;
        EndFiscalYear = Agreement.EndFiscalYear;
        Status = ProjectStatus.InProgress;
    }

    /// <summary>
    /// Whether a continuation decision may be made on <paramref name="todayInJapan"/>: the project
    /// is 実施中, in the last fiscal year of its term or past it, and its current term has no
    /// decision yet. The window opens on April 1 of the last fiscal year and stays open until a
    /// decision is made (a late review is still a review); an extension opens the next window in
    /// the new last year.
    /// </summary>
    public bool CanDecideContinuation(DateOnly todayInJapan) =>
        Status == ProjectStatus.InProgress
            && FiscalYear.Of(todayInJapan).StartYear >= EndFiscalYear
            && DecisionForCurrentTerm is null;

    /// <summary>
    /// 継続の決定 by the coordinator, with reasons. 延長 by N (1–5) fiscal years moves
    /// <see cref="EndFiscalYear"/>, which is what lets the plan, activities and reports reach the new
    /// years; a total term above <paramref name="policy"/>'s maximum needs an explicit exception
    /// with its reason. 終了 keeps the term; the project is then closed.
    /// </summary>
    /// <remarks>
    /// The decision date (<see cref="ContinuationDecisionDraft.DecidedOn"/>, today by default) may lie
    /// in the past, so a city can record the decisions of projects that ran before it used the
    /// portal: it lies between April 1 of the last fiscal year and today, not before the previous
    /// decision, and an extension must reach the fiscal year of that date (not of today). The
    /// record keeps both that date and when it was entered.
    /// </remarks>
    public ContinuationDecision DecideContinuation(ContinuationDecisionDraft draft, ContinuationPolicy policy, string userId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(policy);
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        var user = Text.Required(userId, Proposal.UserIdMaxLength, nameof(userId));
        if (!Enum.IsDefined(draft.Outcome))
        {
            throw new ArgumentOutOfRangeException(nameof(draft), draft.Outcome, "Unknown continuation outcome.");
        }

        var today = UtcTime.JapanDate(now);
        if (Status != ProjectStatus.InProgress)
        {
            throw new DomainRuleException("「{0}」の協働事業では継続の決定はできません。", Status);
        }

        if (DecisionForCurrentTerm is { } decided)
        {
            throw new DomainRuleException("この事業期間（{0}）については、すでに「{1}」が決定されています。", TermLabel(), decided.Outcome);
        }

        if (FiscalYear.Of(today).StartYear < EndFiscalYear)
        {
            throw new DomainRuleException("継続の決定は事業期間の最終年度（{0}）になってから行ってください。", new FiscalYear(EndFiscalYear));
        }

        var decidedOn = DecisionDate(draft.DecidedOn, today);
        var reasons = Text.Optional(draft.Reasons, ContinuationDecision.ReasonsMaxLength, nameof(draft.Reasons))
            ?? throw new DomainRuleException("決定の理由を入力してください。");
        var newEnd = EndFiscalYear;
        string? exceptionReason = null;
        if (draft.Outcome == ContinuationOutcome.Extend)
        {
            if (draft.ExtendByYears is not { } years || years < 1 || years > ContinuationDecision.MaxExtensionYears)
            {
                throw new DomainRuleException("延長する年数は1年から{0}年の間で指定してください。", ContinuationDecision.MaxExtensionYears);
            }

            newEnd = EndFiscalYear + years;
            if (newEnd < FiscalYear.Of(decidedOn).StartYear)
            {
                throw new DomainRuleException("延長後の最終年度（{0}）が決定日の年度（{1}）より前です。延長する年数を見直してください。", new FiscalYear(newEnd), FiscalYear.Of(decidedOn));
            }

            var totalYears = newEnd - StartFiscalYear + 1;
            if (totalYears > policy.MaxFiscalYears)
            {
                if (!draft.Exception)
                {
                    throw new DomainRuleException("延長すると事業期間が通算{0}年度となり、上限の{1}年度を超えます。特例として延長する場合は、特例の理由を入力してください。", totalYears, policy.MaxFiscalYears);
                }

                exceptionReason = Text.Optional(draft.ExceptionReason, ContinuationDecision.ExceptionReasonMaxLength, nameof(draft.ExceptionReason))
                    ?? throw new DomainRuleException("特例の理由を入力してください。");
            }
        }

        var decision = new ContinuationDecision(_continuationDecisions.Count + 1, draft.Outcome, EndFiscalYear, newEnd, reasons, exceptionReason, user, decidedOn, now);
        _continuationDecisions.Add(decision);
        EndFiscalYear = newEnd;
        return decision;
    }

    /// <summary>The decision date entered (or today): inside the review window of the current term, not in the future, not before the previous decision.</summary>
    private DateOnly DecisionDate(DateOnly? entered, DateOnly today)
    {
        var decidedOn = entered ?? today;
        if (decidedOn > today)
        {
            throw new DomainRuleException("決定日に今日より後の日付は入力できません。");
        }

        var windowOpens = new FiscalYear(EndFiscalYear).FirstDay;
        if (decidedOn < windowOpens)
        {
            throw new DomainRuleException("決定日は事業期間の最終年度（{0}）の4月1日（{1}）以降の日付を入力してください。", new FiscalYear(EndFiscalYear), windowOpens);
        }

        if (_continuationDecisions.Count > 0 && decidedOn < _continuationDecisions[^1].DecidedOn)
        {
            throw new DomainRuleException("決定日は前回の決定日（{0}）以降の日付を入力してください。", _continuationDecisions[^1].DecidedOn);
        }

        return decidedOn;
    }

    /// <summary>
    /// 終了: closes the 実施中 project with its outcome, summary and lessons. After a 終了 decision
    /// the outcome is 成功 or 一部達成; without one the project ends early (途中終了, with the
    /// reason). The end date lies inside the term and not in the future. A closed project is
    /// read-only except the annual reports of its term (the last year's report is due after the
    /// term) and its case flags, so it cannot close while a change request (<paramref name="openChangeRequests"/>) is open.
    /// </summary>
    public void Close(ProjectClosureDraft draft, int openChangeRequests, string userId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        var user = Text.Required(userId, Proposal.UserIdMaxLength, nameof(userId));
        if (!Enum.IsDefined(draft.Outcome))
        {
            throw new ArgumentOutOfRangeException(nameof(draft), draft.Outcome, "Unknown outcome.");
        }

        if (Status != ProjectStatus.InProgress)
        {
            throw new DomainRuleException("「{0}」の協働事業は終了できません。", Status);
        }

        if (openChangeRequests > 0)
        {
            throw new DomainRuleException("申請中の計画変更があるため終了できません。承認・却下・取下げのいずれかを済ませてください。");
        }

        var decidedToEnd = DecisionForCurrentTerm is { Outcome: ContinuationOutcome.End };
        if (decidedToEnd && draft.Outcome == ProjectOutcome.EndedEarly)
        {
            throw new DomainRuleException("継続審査で終了が決定された事業です。成果の区分は「成功」か「一部達成」を選んでください。");
        }

        if (!decidedToEnd && draft.Outcome != ProjectOutcome.EndedEarly)
        {
            throw new DomainRuleException("継続審査で終了が決定されていないため、「途中終了」として理由を入力してください。");
        }

        if (draft.ClosedOn > UtcTime.JapanDate(now) || draft.ClosedOn < new FiscalYear(StartFiscalYear).FirstDay)
        {
            throw new DomainRuleException("終了日は事業の開始（{0}）以降、今日までの日付を入力してください。", new FiscalYear(StartFiscalYear));
        }

        Closure = ProjectClosure.From(draft, user, now);
        Status = ProjectStatus.Closed;
        IsMarkedAsCase = false;
    }

    /// <summary>事例として登録 (or not) a running project; a closed project is always a case. Unmarking also unpublishes.</summary>
    public void MarkAsCase(bool marked)
    {
        if (Status != ProjectStatus.InProgress)
        {
            throw new DomainRuleException("「{0}」の協働事業は事例として登録・解除できません。終了した事業はすべて事例です。", Status);
        }

        IsMarkedAsCase = marked;
        if (!marked)
        {
            IsCasePublished = false;
        }
    }

    /// <summary>Shows (or hides) the case in the public case library; only a case can be published.</summary>
    public void PublishCase(bool published)
    {
        if (published && !IsCase)
        {
            throw new DomainRuleException("事例として登録されていない事業は公開できません。");
        }

        IsCasePublished = published;
    }

    /// <summary>The sentence a refusal adds for a year after the term: only a continuation decision extends it.</summary>
    internal UserMessage AfterTermHint(int fiscalYear) =>
        fiscalYear > EndFiscalYear ? AfterTermMessage : UserMessage.None;


    /// <summary>The project's term in Japanese, e.g. 令和7年度〜令和8年度 (令和7年度 for one year).</summary>
    internal UserMessage TermLabel() =>
        StartFiscalYear == EndFiscalYear
            ? new UserMessage("{0}", new FiscalYear(StartFiscalYear))
            : new UserMessage("{0}〜{1}", new FiscalYear(StartFiscalYear), new FiscalYear(EndFiscalYear));

    /// <summary>Annual reports of the term may still be written after closing (the last year's is due after the term).</summary>
    internal void EnsureReportable(UserMessage what)
    {
        if (Status == ProjectStatus.Closed)
        {
            return;
        }

        EnsureInProgress(what);
    }

    /// <summary>Refuses <paramref name="what"/> unless the project is 実施中 (a closed project is read-only).</summary>
    public void EnsureInProgress(UserMessage what)
    {
        if (Status == ProjectStatus.Closed)
        {
            throw new DomainRuleException("終了した協働事業では{0}できません。", what);
        }

        if (Status != ProjectStatus.InProgress)
        {
            throw new DomainRuleException("「{0}」の協働事業では{1}できません。協定の締結後に行ってください。", Status, what);
        }
    }
}
