using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Screening;

namespace KyodoPortal.Domain.Evaluations;

/// <summary>
/// 自己評価: the group's or the department's own scores on the round's criteria (one per side and
/// round in the data layer). Draft → submitted, editable until the round closes. Never counted in
/// the committee's aggregate; shown beside it (<see cref="EvaluationSummary"/>).
/// </summary>
public sealed class SelfEvaluation : IVersioned
{
    private readonly List<ScoreEntry> _entries = [];

    // For EF Core materialization.
    private SelfEvaluation()
    {
        UpdatedByUserId = string.Empty;
    }

    internal SelfEvaluation(int roundId, SelfEvaluationSide side, string userId, DateTime nowUtc)
    {
        RoundId = roundId;
        Side = side;
        Status = ScoreSheetStatus.Draft;
        UpdatedByUserId = userId;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public int Id { get; private set; }

    public int RoundId { get; private set; }

    public SelfEvaluationSide Side { get; private set; }

    public ScoreSheetStatus Status { get; private set; }

    public string? OverallComment { get; private set; }

    /// <summary>Who of the side saved or submitted last.</summary>
    public string UpdatedByUserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<ScoreEntry> Entries => _entries;

    public bool IsSubmitted => Status == ScoreSheetStatus.Submitted;

    public void Save(EvaluationRound round, IEnumerable<ScoreEntryDraft> entries, string? overallComment, string userId, DateTime nowUtc)
    {
        var now = EnsureOpen(round, nowUtc);
        var comment = Text.Optional(overallComment, EvaluationSheet.OverallCommentMaxLength, nameof(overallComment));
        ScoreEntryRules.Replace(_entries, IsSubmitted, round.Rubric, entries, EvaluationSheet.CriterionNoun);
        OverallComment = comment;
        UpdatedByUserId = Text.Required(userId, CommitteeRoster.UserIdMaxLength, nameof(userId));
        UpdatedAtUtc = now;
    }

    public void Submit(EvaluationRound round, string userId, DateTime nowUtc)
    {
        var now = EnsureOpen(round, nowUtc);
        if (IsSubmitted)
        {
            throw new DomainRuleException("この自己評価はすでに「{0}」です。", Status);
        }

        ScoreEntryRules.EnsureCanSubmit(round.Rubric, _entries, EvaluationSheet.CriterionNoun);
        Status = ScoreSheetStatus.Submitted;
        SubmittedAtUtc = now;
        UpdatedByUserId = Text.Required(userId, CommitteeRoster.UserIdMaxLength, nameof(userId));
        UpdatedAtUtc = now;
    }

    private DateTime EnsureOpen(EvaluationRound round, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(round);
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        if (round.Id != RoundId)
        {
            throw new ArgumentException("The self-evaluation belongs to another evaluation round.", nameof(round));
        }

        round.EnsureSelfEvaluationOpen();
        return now;
    }
}
