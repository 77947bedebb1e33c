using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Screening;

/// <summary>
/// 選考・審査: the screening of one call (one panel per call; the data layer keeps CallId unique).
/// The coordinator assigns committee members and sets how the ranking is read; members declare
/// conflicts of interest per proposal before scoring; the coordinator can recuse a member; after
/// <see cref="Close"/> nothing can be scored or declared and the coordinator records a decision per
/// proposal.
/// </summary>
/// <remarks>
/// Score sheets are separate aggregates (<see cref="ScoreSheet"/>, one per member per proposal,
/// kept unique by the data layer) so members saving at the same time do not collide on this
/// panel's version. The panel does not know which proposals are under screening: callers pass ids
/// of the call's proposals and check that they belong to <see cref="CallId"/>.
/// </remarks>
public sealed class ScreeningPanel : IVersioned
{
    public const int UserIdMaxLength = CommitteeRoster.UserIdMaxLength;
    public const int MinMinimumSheets = 1;

    /// <summary>The highest passing score in tenths: 100.0.</summary>
    public const int MaxPassingScoreTenths = 1000;

    private readonly List<PanelMember> _members = [];
    private readonly List<ConflictDeclaration> _declarations = [];
    private readonly List<ScreeningDecision> _decisions = [];
    private readonly List<ConflictDeclarationChange> _declarationHistory = [];
    private CommitteeRoster? _roster;

    // For EF Core materialization.
    private ScreeningPanel()
    {
    }

    /// <summary>
    /// Sets up the screening of <paramref name="call"/>, which must have started screening so its
    /// criteria can no longer change under the scores.
    /// </summary>
    public ScreeningPanel(Call call, OtherSheetsVisibility otherSheetsVisibility, int minimumSheets, int? passingScoreTenths, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(call);
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        if (!call.CriteriaLocked)
        {
            throw new DomainRuleException("募集の審査を開始してから審査会を設定してください。");
        }

        CallId = call.Id;
        Status = ScreeningPanelStatus.Open;
        CreatedAtUtc = now;
        ApplySettings(otherSheetsVisibility, minimumSheets, passingScoreTenths);
        UpdatedAtUtc = now;
    }

    public int Id { get; private set; }

    public int CallId { get; private set; }

    public ScreeningPanelStatus Status { get; private set; }

    public OtherSheetsVisibility OtherSheetsVisibility { get; private set; }

    /// <summary>
    /// A proposal with fewer counted sheets than this is flagged in the ranking
    /// (<see cref="RankingRow.BelowMinimumSheets"/>); it is still ranked.
    /// </summary>
    public int MinimumSheets { get; private set; }

    /// <summary>合格基準点 on the 0–100 scale in tenths (600 = 60.0); null when none is set.</summary>
    public int? PassingScoreTenths { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>
    /// When the coordinator published the ranking with its scores (順位の公表); null while the
    /// scores are internal. The decisions themselves are always told to the proposers.
    /// </summary>
    public DateTime? RankingPublishedAtUtc { get; private set; }

    /// <summary>When members who had not finished were last reminded by e-mail.</summary>
    public DateTime? LastReminderAtUtc { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<PanelMember> Members => _members;

    public IReadOnlyList<ConflictDeclaration> Declarations => _declarations;

    public IReadOnlyList<ScreeningDecision> Decisions => _decisions;

    /// <summary>Every declaration and its changes (a member's correction, a recusal), oldest first: the office's audit trail.</summary>
    public IReadOnlyList<ConflictDeclarationChange> DeclarationHistory => _declarationHistory;

    public bool IsOpen => Status == ScreeningPanelStatus.Open;

    public bool IsRankingPublished => RankingPublishedAtUtc is not null;

    /// <summary>The passing score as an exact value; null when none is set.</summary>
    public Score? PassingScore => PassingScoreTenths is { } tenths ? Score.FromTenths(tenths) : null;

    /// <summary>The members and their declarations per proposal, with the committee rules shared with evaluation.</summary>
    internal CommitteeRoster Roster => _roster ??= new CommitteeRoster(_members, _declarations, CommitteeRosterMessages.Screening, _declarationHistory);

    public bool IsMember(string memberUserId) => Roster.IsMember(memberUserId);

    public ConflictDeclaration? DeclarationOf(string memberUserId, int proposalId) => Roster.DeclarationOf(memberUserId, proposalId);

    /// <summary>Whether the member declared (conflict or not), or was recused, on the proposal.</summary>
    public bool HasDeclared(string memberUserId, int proposalId) => Roster.HasDeclared(memberUserId, proposalId);

    /// <summary>Whether the member has a conflict on the proposal (declared by them or recorded by the coordinator).</summary>
    public bool IsRecused(string memberUserId, int proposalId) => Roster.IsRecused(memberUserId, proposalId);

    /// <summary>Open, assigned, declared no conflict: the member may open and save their sheet.</summary>
    public bool CanScore(string memberUserId, int proposalId) => ScoringProblem(memberUserId, proposalId) is null;

    /// <summary>Members expected to score the proposal: everyone assigned and not recused from it.</summary>
    public IReadOnlyList<string> ExpectedMembers(int proposalId) => Roster.ExpectedMembers(proposalId);

    /// <summary>
    /// Whether a committee member may read the other members' sheets for the proposal. Never for
    /// someone not assigned or recused from it; otherwise per <see cref="OtherSheetsVisibility"/>
    /// (everyone assigned may read them once screening is closed). The coordinator's access is a
    /// matter of role, not of this panel.
    /// </summary>
    public bool CanSeeOtherSheets(string memberUserId, int proposalId, bool ownSheetSubmitted)
    {
        if (!IsMember(memberUserId) || IsRecused(memberUserId, proposalId))
        {
            return false;
        }

        return Status == ScreeningPanelStatus.Closed
            || (OtherSheetsVisibility == OtherSheetsVisibility.AfterOwnSubmission && ownSheetSubmitted);
    }

    public void UpdateSettings(OtherSheetsVisibility otherSheetsVisibility, int minimumSheets, int? passingScoreTenths, DateTime nowUtc)
    {
        var now = EnsureOpen(nowUtc, "審査終了後は審査会の設定を変更できません。");
        ApplySettings(otherSheetsVisibility, minimumSheets, passingScoreTenths);
        UpdatedAtUtc = now;
    }

    public void AddMember(string memberUserId, DateTime nowUtc)
    {
        var now = EnsureOpen(nowUtc, "審査終了後は審査委員を変更できません。");
        Roster.AddMember(memberUserId, now);
        UpdatedAtUtc = now;
    }

    /// <summary>
    /// Unassigns a member. Their declarations and sheets are kept for the record, but only sheets
    /// of currently assigned members are counted and expected.
    /// </summary>
    public void RemoveMember(string memberUserId, DateTime nowUtc)
    {
        var now = EnsureOpen(nowUtc, "審査終了後は審査委員を変更できません。");
        Roster.RemoveMember(memberUserId);
        UpdatedAtUtc = now;
    }

    /// <summary>
    /// The member declares whether they have a conflict of interest with the proposal; required
    /// before their sheet can be opened. A declared conflict recuses them and cannot be withdrawn;
    /// a "no conflict" declaration can be corrected to a conflict by the member until the panel
    /// closes — their sheet, even submitted, then no longer counts, as after the coordinator's
    /// recusal. Every change is kept in <see cref="DeclarationHistory"/>.
    /// </summary>
    public void Declare(string memberUserId, int proposalId, bool hasConflict, string? reason, DateTime nowUtc)
    {
        var now = EnsureOpen(nowUtc, "審査終了後は利益相反を申告できません。");
        Roster.Declare(memberUserId, proposalId, hasConflict, reason, now);
        UpdatedAtUtc = now;
    }

    /// <summary>
    /// The coordinator recuses a member from a proposal (e.g. a conflict the member did not
    /// declare). Recorded as a conflict declaration made by the coordinator, with the reason.
    /// </summary>
    public void Recuse(string memberUserId, int proposalId, string reason, string coordinatorUserId, DateTime nowUtc)
    {
        var now = EnsureOpen(nowUtc, "審査終了後は審査委員を除外できません。");
        Roster.Recuse(memberUserId, proposalId, reason, coordinatorUserId, now);
        UpdatedAtUtc = now;
    }

    /// <summary>Opens a new, empty sheet for the member on the proposal.</summary>
    public ScoreSheet OpenSheet(string memberUserId, int proposalId, DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        EnsureCanScore(memberUserId, proposalId);
        return new ScoreSheet(Id, proposalId, memberUserId, now);
    }

    /// <summary>審査中 → 審査終了. Afterwards no sheet can be saved or submitted and nothing declared.</summary>
    public void Close(DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        if (Status != ScreeningPanelStatus.Open)
        {
            throw new DomainRuleException(TransitionRefused(Status, ScreeningPanelStatus.Closed));
        }

        Status = ScreeningPanelStatus.Closed;
        ClosedAtUtc = now;
        UpdatedAtUtc = now;
    }

    /// <summary>
    /// Publishes the ranking with its scores to the proposers and the public. Only once screening
    /// is closed and every ranked proposal has its decision, so what is published no longer moves.
    /// </summary>
    public void PublishRanking(IReadOnlyCollection<int> rankedProposalIds, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(rankedProposalIds);
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        if (Status != ScreeningPanelStatus.Closed)
        {
            throw new DomainRuleException("審査を終了してから順位を公表してください。");
        }

        if (rankedProposalIds.Any(id => _decisions.All(decision => decision.ProposalId != id)))
        {
            throw new DomainRuleException("すべての提案の採否を決定してから順位を公表してください。");
        }

        if (IsRankingPublished)
        {
            throw new DomainRuleException("順位はすでに公表されています。");
        }

        RankingPublishedAtUtc = now;
        UpdatedAtUtc = now;
    }

    /// <summary>Takes the published ranking back (e.g. published by mistake); the scores are internal again.</summary>
    public void UnpublishRanking(DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        if (!IsRankingPublished)
        {
            throw new DomainRuleException("順位は公表されていません。");
        }

        RankingPublishedAtUtc = null;
        UpdatedAtUtc = now;
    }

    /// <summary>Records that the members who had not finished were reminded; only while scoring is open.</summary>
    public void RecordReminder(DateTime nowUtc)
    {
        var now = EnsureOpen(nowUtc, "審査終了後は督促できません。");
        LastReminderAtUtc = now;
        UpdatedAtUtc = now;
    }

    /// <summary>
    /// Records the coordinator's decision on one ranked proposal, once screening is closed (so the
    /// ranking can no longer move). One decision per proposal: it becomes the proposal's final
    /// 採択 / 不採択. The reason is always required (the group receives it); when the decision departs
    /// from the ranking, <see cref="ScreeningDecisionRules"/> says what it must explain.
    /// </summary>
    /// <param name="ranking">The call's current ranking (<see cref="ScoreAggregation.Rank(ScreeningPanel, IEnumerable{int}, IReadOnlyList{RubricCriterion}, IEnumerable{ScoreSheet})"/>).</param>
    public ScreeningDecision Decide(int proposalId, bool selected, string? reason, IReadOnlyList<RankingRow> ranking, string coordinatorUserId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        var coordinatorId = Text.Required(coordinatorUserId, UserIdMaxLength, nameof(coordinatorUserId));
        if (Status != ScreeningPanelStatus.Closed)
        {
            throw new DomainRuleException("審査を終了してから採否を決定してください。");
        }

        var row = ranking.FirstOrDefault(candidate => candidate.ProposalId == proposalId)
            ?? throw new DomainRuleException("この提案は審査の対象ではありません。");
        if (_decisions.Any(decision => decision.ProposalId == proposalId))
        {
            throw new DomainRuleException("この提案の採否はすでに決定しています。");
        }

        var text = Text.Optional(reason, ScreeningDecision.ReasonMaxLength, nameof(reason));
        var decided = _decisions.ToDictionary(decision => decision.ProposalId, decision => decision.Selected);
        if (text is null)
        {
            throw new DomainRuleException(ScreeningDecisionRules.ReasonRequest(proposalId, selected, ranking, decided, PassingScore));
        }

        var decision = new ScreeningDecision(proposalId, selected, text, row.Rank, row.Score?.Tenths, coordinatorId, now);
        _decisions.Add(decision);
        UpdatedAtUtc = now;
        return decision;
    }

    /// <summary>Throws the message explaining why the member cannot score the proposal, if they cannot.</summary>
    internal void EnsureCanScore(string memberUserId, int proposalId)
    {
        if (ScoringProblem(memberUserId, proposalId) is { } problem)
        {
            throw new DomainRuleException(problem);
        }
    }

    private string? ScoringProblem(string memberUserId, int proposalId) =>
        Status != ScreeningPanelStatus.Open
            ? "審査が終了しているため、採点できません。"
            : Roster.ScoringProblem(memberUserId, proposalId);

    private DateTime EnsureOpen(DateTime nowUtc, string message)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        if (Status != ScreeningPanelStatus.Open)
        {
            throw new DomainRuleException(message);
        }

        return now;
    }

    private void ApplySettings(OtherSheetsVisibility otherSheetsVisibility, int minimumSheets, int? passingScoreTenths)
    {
        if (!Enum.IsDefined(otherSheetsVisibility))
        {
            throw new ArgumentOutOfRangeException(nameof(otherSheetsVisibility), otherSheetsVisibility, "Unknown visibility setting.");
        }

        if (minimumSheets < MinMinimumSheets)
        {
            throw new DomainRuleException("最低評価票数は{0}以上にしてください。", MinMinimumSheets);
        }

        if (passingScoreTenths is < 0 or > MaxPassingScoreTenths)
        {
            throw new DomainRuleException("合格基準点は0.0点から100.0点の間で指定してください。");
        }

        OtherSheetsVisibility = otherSheetsVisibility;
        MinimumSheets = minimumSheets;
        PassingScoreTenths = passingScoreTenths;
    }

    private static UserMessage TransitionRefused(ScreeningPanelStatus from, ScreeningPanelStatus to) =>
        from == to
            ? new UserMessage("この審査はすでに「{0}」です。", from)
            : new UserMessage("「{0}」の審査は「{1}」にできません。", from, to);
}
