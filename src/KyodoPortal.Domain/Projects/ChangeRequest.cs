using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Projects;

/// <summary>
/// 計画変更申請: a request to change a project's plan (e.g. 参加費 1,000円 → 0円), with the reason,
/// made against one plan version. It needs the department's and the coordinator's approval (in
/// any order); either may reject it, the requesting side may withdraw it while it is open. An
/// approved request becomes the next <see cref="ProjectPlan"/> (<see cref="ProjectPlan.Next"/>),
/// so no deviation from the plan is silent.
/// </summary>
public sealed class ChangeRequest : IVersioned
{
    public const int ReasonMaxLength = 2000;
    public const int CommentMaxLength = 2000;

    // For EF Core materialization.
    private ChangeRequest()
    {
        ProposedContent = PlanContent.Placeholder();
        Reason = string.Empty;
        RequestedByUserId = string.Empty;
    }

    private ChangeRequest(int projectId, int basePlanNumber, PlanContent proposed, string reason, ChangeRequestParty party, string userId, DateTime nowUtc)
    {
        ProjectId = projectId;
        BasePlanNumber = basePlanNumber;
        ProposedContent = proposed;
        Reason = reason;
        RequestedBy = party;
        RequestedByUserId = userId;
        Status = ChangeRequestStatus.Submitted;
        CreatedAtUtc = nowUtc;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    /// <summary>The <see cref="ProjectPlan.Number"/> the request was made against.</summary>
    public int BasePlanNumber { get; private set; }

    /// <summary>The whole plan as it would be after the change.</summary>
    public PlanContent ProposedContent { get; private set; }

    /// <summary>Why the plan must change, e.g. 第1回講座の集客を優先するため参加費を無料とする。</summary>
    public string Reason { get; private set; }

    public ChangeRequestParty RequestedBy { get; private set; }

    public string RequestedByUserId { get; private set; }

    public ChangeRequestStatus Status { get; private set; }

    public string? DepartmentApprovedByUserId { get; private set; }

    public DateTime? DepartmentApprovedAtUtc { get; private set; }

    public string? CoordinatorApprovedByUserId { get; private set; }

    public DateTime? CoordinatorApprovedAtUtc { get; private set; }

    /// <summary>When the request was approved (second approval), rejected or withdrawn.</summary>
    public DateTime? DecidedAtUtc { get; private set; }

    public ChangeRequestReviewer? RejectedBy { get; private set; }

    public string? RejectedByUserId { get; private set; }

    public string? RejectionComment { get; private set; }

    public string? WithdrawnByUserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public int Version { get; private set; }

    public bool IsOpen => Status == ChangeRequestStatus.Submitted;

    public bool IsApprovedByDepartment => DepartmentApprovedAtUtc is not null;

    public bool IsApprovedByCoordinator => CoordinatorApprovedAtUtc is not null;

    /// <summary>
    /// Asks to change <paramref name="project"/>'s plan from <paramref name="current"/> to
    /// <paramref name="proposed"/>. The project must be 実施中; the proposal must differ from the
    /// current plan, keep its budget and targets inside the project's term, and balance every
    /// year's budget (a fee dropped to 0円 must show where the money comes from instead).
    /// </summary>
    public static ChangeRequest Submit(
        Project project,
        ProjectPlan current,
        PlanContent proposed,
        string reason,
        ChangeRequestParty party,
        string userId,
        DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        var user = Text.Required(userId, Proposal.UserIdMaxLength, nameof(userId));
        if (!Enum.IsDefined(party))
        {
            throw new ArgumentOutOfRangeException(nameof(party), party, "Unknown party.");
        }

        if (current.ProjectId != project.Id)
        {
            throw new ArgumentException("The plan belongs to another project.", nameof(current));
        }

        project.EnsureInProgress(new UserMessage("計画の変更を申請"));
        var reasonText = Text.Optional(reason, ReasonMaxLength, nameof(reason))
            ?? throw new DomainRuleException("変更の理由を入力してください。");

        if (PlanComparison.Between(current.Content, proposed).Count == 0)
        {
            throw new DomainRuleException("変更内容がありません。");
        }

        var problems = ContentProblems(project, proposed);
        if (problems.Count > 0)
        {
            throw new DomainRuleException(problems);
        }

        return new ChangeRequest(project.Id, current.Number, proposed.Copy(), reasonText, party, user, now);
    }

    /// <summary>Whether <paramref name="current"/> is still the plan this request was made against.</summary>
    public bool IsApplicableTo(ProjectPlan current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current.ProjectId == ProjectId && current.Number == BasePlanNumber;
    }

    /// <summary>The department's approval. Refused when the plan changed since the request was made.</summary>
    public void ApproveAsDepartment(ProjectPlan current, string userId, DateTime nowUtc)
    {
        var (user, now) = EnsureCanApprove(current, userId, nowUtc);
        if (IsApprovedByDepartment)
        {
            throw new DomainRuleException("担当課はこの変更申請をすでに承認しています。");
        }

        DepartmentApprovedByUserId = user;
        DepartmentApprovedAtUtc = now;
        CompleteIfBothApproved(now);
    }

    /// <summary>The coordinator's approval. Refused when the plan changed since the request was made.</summary>
    public void ApproveAsCoordinator(ProjectPlan current, string userId, DateTime nowUtc)
    {
        var (user, now) = EnsureCanApprove(current, userId, nowUtc);
        if (IsApprovedByCoordinator)
        {
            throw new DomainRuleException("協働推進担当はこの変更申請をすでに承認しています。");
        }

        CoordinatorApprovedByUserId = user;
        CoordinatorApprovedAtUtc = now;
        CompleteIfBothApproved(now);
    }

    /// <summary>申請中 → 却下, by the department or the coordinator, with the reason.</summary>
    public void Reject(ChangeRequestReviewer reviewer, string userId, string comment, DateTime nowUtc)
    {
        if (!Enum.IsDefined(reviewer))
        {
            throw new ArgumentOutOfRangeException(nameof(reviewer), reviewer, "Unknown reviewer.");
        }

        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        var user = Text.Required(userId, Proposal.UserIdMaxLength, nameof(userId));
        EnsureOpen("「{0}」の変更申請は却下できません。");
        RejectionComment = Text.Optional(comment, CommentMaxLength, nameof(comment))
            ?? throw new DomainRuleException("却下の理由を入力してください。");
        RejectedBy = reviewer;
        RejectedByUserId = user;
        Status = ChangeRequestStatus.Rejected;
        DecidedAtUtc = now;
    }

    /// <summary>申請中 → 取下げ, only by the side that made the request.</summary>
    public void Withdraw(ChangeRequestParty party, string userId, DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        var user = Text.Required(userId, Proposal.UserIdMaxLength, nameof(userId));
        EnsureOpen("「{0}」の変更申請は取り下げできません。");
        if (party != RequestedBy)
        {
            throw new DomainRuleException("この変更申請を取り下げられるのは申請した{0}だけです。", RequestedBy);
        }

        WithdrawnByUserId = user;
        Status = ChangeRequestStatus.Withdrawn;
        DecidedAtUtc = now;
    }

    /// <summary>Refuses a plan that is no longer the one the request was made against.</summary>
    internal void EnsureMadeAgainst(ProjectPlan current)
    {
        if (current.ProjectId != ProjectId)
        {
            throw new ArgumentException("The plan belongs to another project.", nameof(current));
        }

        if (current.Number != BasePlanNumber)
        {
            throw new DomainRuleException("計画が更新されたため、この変更申請は承認できません。最新の計画から申請し直してください。");
        }
    }

    private static List<UserMessage> ContentProblems(Project project, PlanContent proposed)
    {
        var problems = new List<UserMessage>();
        foreach (var year in proposed.BudgetFiscalYears().Where(year => !project.CoversFiscalYear(year)))
        {
            problems.Add(new UserMessage("事業期間（{0}）外の年度に予算が入力されています（{1}）。", project.TermLabel(), new FiscalYear(year)));
        }

        foreach (var target in proposed.KpiTargets.Where(target => !project.CoversFiscalYear(target.FiscalYear)))
        {
            problems.Add(new UserMessage("成果指標「{0}」に事業期間（{1}）外の年度の目標が入力されています（{2}）。", target.KpiName, project.TermLabel(), new FiscalYear(target.FiscalYear)));
        }

        if (proposed.FiscalYears().Any(year => year > project.EndFiscalYear))
        {
            problems.Add(Project.AfterTermMessage);
        }

        // A role belongs to a party of the agreement: no column past its last party.
        var partyCount = ProjectPlan.PartiesOf(project).Count;
        foreach (var split in proposed.RoleSplits.Where(split => split.LastPartyNumber > partyCount))
        {
            problems.Add(new UserMessage("役割分担「{0}」に、当事者のいない列の役割があります。", split.Task));
        }

        foreach (var year in proposed.UnbalancedYears())
        {
            problems.Add(
                new UserMessage("収入と支出の合計が一致していません（{0}: 収入 {1} / 支出 {2}）。", year.FiscalYear, new Yen(year.IncomeTotal), new Yen(year.ExpenseTotal)));
        }

        return problems;
    }

    private (string User, DateTime Now) EnsureCanApprove(ProjectPlan current, string userId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(current);
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        var user = Text.Required(userId, Proposal.UserIdMaxLength, nameof(userId));
        EnsureOpen("「{0}」の変更申請は承認できません。");
        EnsureMadeAgainst(current);
        return (user, now);
    }

    private void EnsureOpen(string refusalTemplate)
    {
        if (Status != ChangeRequestStatus.Submitted)
        {
            throw new DomainRuleException(refusalTemplate, Status);
        }
    }

    private void CompleteIfBothApproved(DateTime nowUtc)
    {
        if (IsApprovedByDepartment && IsApprovedByCoordinator)
        {
            Status = ChangeRequestStatus.Approved;
            DecidedAtUtc = nowUtc;
        }
    }
}
