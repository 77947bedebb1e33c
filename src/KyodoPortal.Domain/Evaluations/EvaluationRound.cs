using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Screening;

namespace KyodoPortal.Domain.Evaluations;

/// <summary>
/// 評価・検証 of one project's fiscal year (one round per project and year; the data layer keeps
/// the pair unique). The coordinator opens it with criteria in two categories (過程 and 成果),
/// assigns committee members, who declare conflicts of interest and score exactly as in screening
/// (the same <see cref="CommitteeRoster"/>, keyed by <see cref="ProjectId"/>); the group and the
/// department each submit a self-evaluation on the same criteria. After <see cref="Close"/> the
/// coordinator writes the consolidated evaluation and publishes it as feedback to the parties,
/// and to the public only when chosen.
/// </summary>
/// <remarks>
/// Sheets (<see cref="EvaluationSheet"/>, <see cref="SelfEvaluation"/>) are separate aggregates so
/// people saving at once do not collide on the round's version. The criteria can be edited until
/// the first sheet or self-evaluation is opened (<see cref="ScoringStartedAtUtc"/>).
/// </remarks>
public sealed class EvaluationRound : IVersioned
{
    public const int TextMaxLength = 4000;

    private readonly List<EvaluationCriterion> _criteria = [];
    private readonly List<PanelMember> _members = [];
    private readonly List<ConflictDeclaration> _declarations = [];
    private CommitteeRoster? _roster;

    // For EF Core materialization.
    private EvaluationRound()
    {
        OpenedByUserId = string.Empty;
    }

    /// <summary>
    /// Opens the round with the default criteria. Refused for a year outside the project's term,
    /// for a project not under way, and before the year's annual report is accepted
    /// (<see cref="OpeningProblem"/>).
    /// </summary>
    public EvaluationRound(Project project, int fiscalYear, bool annualReportAccepted, string coordinatorUserId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(project);
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        if (OpeningProblem(project, fiscalYear, annualReportAccepted) is { } problem)
        {
            throw new DomainRuleException(problem);
        }

        ProjectId = project.Id;
        FiscalYear = fiscalYear;
        Status = EvaluationRoundStatus.Open;
        OpenedByUserId = Text.Required(coordinatorUserId, CommitteeRoster.UserIdMaxLength, nameof(coordinatorUserId));
        CreatedAtUtc = now;
        UpdatedAtUtc = now;
        _criteria.AddRange(EvaluationCriterion.Defaults.Select((draft, index) => new EvaluationCriterion(draft, index + 1)));
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public int FiscalYear { get; private set; }

    public EvaluationRoundStatus Status { get; private set; }

    public string OpenedByUserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>When the first sheet or self-evaluation was opened; the criteria are fixed from then on.</summary>
    public DateTime? ScoringStartedAtUtc { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>良かった点 of the consolidated evaluation.</summary>
    public string? Strengths { get; private set; }

    /// <summary>課題 of the consolidated evaluation.</summary>
    public string? Issues { get; private set; }

    public EvaluationRecommendation? Recommendation { get; private set; }

    /// <summary>What must change, one item per line; only with <see cref="EvaluationRecommendation.ContinueWithRevision"/>.</summary>
    public string? RequiredChanges { get; private set; }

    public DateTime? ConsolidatedAtUtc { get; private set; }

    public string? ConsolidatedByUserId { get; private set; }

    /// <summary>When the feedback was published to the project's parties; null while internal.</summary>
    public DateTime? FeedbackPublishedAtUtc { get; private set; }

    /// <summary>Whether the published feedback is also on the public site.</summary>
    public bool FeedbackIsPublic { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<EvaluationCriterion> Criteria => _criteria;

    public IReadOnlyList<PanelMember> Members => _members;

    public IReadOnlyList<ConflictDeclaration> Declarations => _declarations;

    public bool IsOpen => Status == EvaluationRoundStatus.Open;

    public bool CriteriaLocked => ScoringStartedAtUtc is not null;

    public bool IsConsolidated => ConsolidatedAtUtc is not null;

    public bool IsFeedbackPublished => FeedbackPublishedAtUtc is not null;

    public bool IsPublicFeedback => IsFeedbackPublished && FeedbackIsPublic;

    /// <summary>The committee with the rules shared with screening; the subject is <see cref="ProjectId"/>.</summary>
    public ICommitteeRoster Roster => CommitteeRules;

    /// <summary>The criteria in display order as the aggregation takes them.</summary>
    public IReadOnlyList<RubricCriterion> Rubric => [.. OrderedCriteria.Select(criterion => criterion.ToRubric())];

    public IEnumerable<EvaluationCriterion> OrderedCriteria => _criteria.OrderBy(criterion => criterion.SortOrder);

    /// <summary>The items of <see cref="RequiredChanges"/>, one per non-empty line.</summary>
    public IReadOnlyList<string> RequiredChangeItems =>
        RequiredChanges is null ? [] : [.. RequiredChanges.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)];

    private CommitteeRoster CommitteeRules => _roster ??= new CommitteeRoster(_members, _declarations, CommitteeRosterMessages.Evaluation);

    /// <summary>
    /// Why a round cannot be opened for the project's year, or null: the year must be in the
    /// agreement term, the project under way (実施中), and the year's annual report accepted, so
    /// the committee scores what was reported and checked.
    /// </summary>
    public static string? OpeningProblem(Project project, int fiscalYear, bool annualReportAccepted)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (project.Status != ProjectStatus.InProgress)
        {
            return "協定を締結して実施中の事業のみ評価できます。";
        }

        if (!project.CoversFiscalYear(fiscalYear))
        {
            return "この年度は事業の協定期間外のため、評価できません。";
        }

        return annualReportAccepted ? null : "この年度の事業報告が受理されてから評価を開始してください。";
    }

    public bool IsMember(string memberUserId) => CommitteeRules.IsMember(memberUserId);

    public ConflictDeclaration? DeclarationOf(string memberUserId) => CommitteeRules.DeclarationOf(memberUserId, ProjectId);

    public bool HasDeclared(string memberUserId) => CommitteeRules.HasDeclared(memberUserId, ProjectId);

    public bool IsRecused(string memberUserId) => CommitteeRules.IsRecused(memberUserId, ProjectId);

    public IReadOnlyList<string> ExpectedMembers() => CommitteeRules.ExpectedMembers(ProjectId);

    /// <summary>Open, assigned, declared no conflict: the member may open and save their sheet.</summary>
    public bool CanScore(string memberUserId) => ScoringProblem(memberUserId) is null;

    /// <summary>Replaces the criteria; only while open and before anyone started scoring.</summary>
    public void ReplaceCriteria(IEnumerable<EvaluationCriterionDraft> drafts, DateTime nowUtc)
    {
        var now = EnsureOpen(nowUtc, "評価終了後は評価項目を変更できません。");
        if (CriteriaLocked)
        {
            throw new DomainRuleException("評価が始まっているため、評価項目は変更できません。");
        }

        var validated = EvaluationCriterion.Validate(drafts);
        _criteria.Clear();
        _criteria.AddRange(validated.Select((draft, index) => new EvaluationCriterion(draft, index + 1)));
        UpdatedAtUtc = now;
    }

    public void AddMember(string memberUserId, DateTime nowUtc)
    {
        var now = EnsureOpen(nowUtc, "評価終了後は評価委員を変更できません。");
        CommitteeRules.AddMember(memberUserId, now);
        UpdatedAtUtc = now;
    }

    public void RemoveMember(string memberUserId, DateTime nowUtc)
    {
        var now = EnsureOpen(nowUtc, "評価終了後は評価委員を変更できません。");
        CommitteeRules.RemoveMember(memberUserId);
        UpdatedAtUtc = now;
    }

    /// <summary>The member declares whether they have a conflict of interest with the project (as in screening).</summary>
    public void Declare(string memberUserId, bool hasConflict, string? reason, DateTime nowUtc)
    {
        var now = EnsureOpen(nowUtc, "評価終了後は利益相反を申告できません。");
        CommitteeRules.Declare(memberUserId, ProjectId, hasConflict, reason, now);
        UpdatedAtUtc = now;
    }

    /// <summary>The coordinator recuses a member from the round (as in screening), with the reason.</summary>
    public void Recuse(string memberUserId, string reason, string coordinatorUserId, DateTime nowUtc)
    {
        var now = EnsureOpen(nowUtc, "評価終了後は評価委員を除外できません。");
        CommitteeRules.Recuse(memberUserId, ProjectId, reason, coordinatorUserId, now);
        UpdatedAtUtc = now;
    }

    /// <summary>Opens a new, empty committee sheet for the member; fixes the criteria.</summary>
    public EvaluationSheet OpenSheet(string memberUserId, DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        EnsureCanScore(memberUserId);
        StartScoring(now);
        return new EvaluationSheet(Id, memberUserId, now);
    }

    /// <summary>Opens the side's self-evaluation while the round is open; fixes the criteria.</summary>
    public SelfEvaluation OpenSelfEvaluation(SelfEvaluationSide side, string userId, DateTime nowUtc)
    {
        var now = EnsureOpen(nowUtc, "評価が終了しているため、自己評価を入力できません。");
        if (!Enum.IsDefined(side))
        {
            throw new ArgumentOutOfRangeException(nameof(side), side, "Unknown side.");
        }

        StartScoring(now);
        return new SelfEvaluation(Id, side, Text.Required(userId, CommitteeRoster.UserIdMaxLength, nameof(userId)), now);
    }

    /// <summary>評価中 → 評価終了. Afterwards no sheet or self-evaluation can be saved and nothing declared.</summary>
    public void Close(DateTime nowUtc)
    {
        var now = EnsureOpen(nowUtc, "この評価はすでに「評価終了」です。");
        Status = EvaluationRoundStatus.Closed;
        ClosedAtUtc = now;
        UpdatedAtUtc = now;
    }

    /// <summary>
    /// Writes (or rewrites) the consolidated evaluation once the round is closed, so the scores it
    /// sums up no longer move; not while it is published (unpublish first). 改善して継続 needs
    /// the list of what must change; other recommendations keep no such list.
    /// </summary>
    public void Consolidate(string? strengths, string? issues, EvaluationRecommendation recommendation, string? requiredChanges, string coordinatorUserId, DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        if (Status != EvaluationRoundStatus.Closed)
        {
            throw new DomainRuleException("評価を終了してから総合評価を入力してください。");
        }

        if (IsFeedbackPublished)
        {
            throw new DomainRuleException("公開中の総合評価は変更できません。公開を取り消してから変更してください。");
        }

        if (!Enum.IsDefined(recommendation))
        {
            throw new ArgumentOutOfRangeException(nameof(recommendation), recommendation, "Unknown recommendation.");
        }

        var strengthsText = Text.Optional(strengths, TextMaxLength, nameof(strengths))
            ?? throw new DomainRuleException("良かった点を入力してください。");
        var issuesText = Text.Optional(issues, TextMaxLength, nameof(issues))
            ?? throw new DomainRuleException("課題を入力してください。");
        var changes = Text.Optional(requiredChanges, TextMaxLength, nameof(requiredChanges));
        if (recommendation == EvaluationRecommendation.ContinueWithRevision && changes is null)
        {
            throw new DomainRuleException("「改善して継続」とする場合は、改善が必要な点を入力してください。");
        }

        Strengths = strengthsText;
        Issues = issuesText;
        Recommendation = recommendation;
        RequiredChanges = recommendation == EvaluationRecommendation.ContinueWithRevision ? changes : null;
        ConsolidatedAtUtc = now;
        ConsolidatedByUserId = Text.Required(coordinatorUserId, CommitteeRoster.UserIdMaxLength, nameof(coordinatorUserId));
        UpdatedAtUtc = now;
    }

    /// <summary>Publishes the consolidated evaluation as feedback to the parties, and to the public when <paramref name="toPublic"/>.</summary>
    public void PublishFeedback(bool toPublic, DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        if (!IsConsolidated)
        {
            throw new DomainRuleException("総合評価を入力してからフィードバックを公開してください。");
        }

        if (IsFeedbackPublished)
        {
            throw new DomainRuleException("フィードバックはすでに公開されています。");
        }

        FeedbackPublishedAtUtc = now;
        FeedbackIsPublic = toPublic;
        UpdatedAtUtc = now;
    }

    /// <summary>Takes the feedback back (e.g. published by mistake): the parties and the public no longer see it.</summary>
    public void UnpublishFeedback(DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        if (!IsFeedbackPublished)
        {
            throw new DomainRuleException("フィードバックは公開されていません。");
        }

        FeedbackPublishedAtUtc = null;
        FeedbackIsPublic = false;
        UpdatedAtUtc = now;
    }

    /// <summary>Throws the message explaining why the member cannot score, if they cannot.</summary>
    internal void EnsureCanScore(string memberUserId)
    {
        if (ScoringProblem(memberUserId) is { } problem)
        {
            throw new DomainRuleException(problem);
        }
    }

    internal void EnsureSelfEvaluationOpen()
    {
        if (!IsOpen)
        {
            throw new DomainRuleException("評価が終了しているため、自己評価を入力できません。");
        }
    }

    private string? ScoringProblem(string memberUserId) =>
        Status != EvaluationRoundStatus.Open
            ? "評価が終了しているため、評価票を入力できません。"
            : CommitteeRules.ScoringProblem(memberUserId, ProjectId);

    private void StartScoring(DateTime now)
    {
        if (ScoringStartedAtUtc is null)
        {
            ScoringStartedAtUtc = now;
            UpdatedAtUtc = now;
        }
    }

    private DateTime EnsureOpen(DateTime nowUtc, string message)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        if (Status != EvaluationRoundStatus.Open)
        {
            throw new DomainRuleException(message);
        }

        return now;
    }
}
