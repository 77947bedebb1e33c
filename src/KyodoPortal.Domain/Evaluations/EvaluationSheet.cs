using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Screening;

namespace KyodoPortal.Domain.Evaluations;

/// <summary>
/// A committee member's 評価票 in an evaluation round (one per member and round in the data
/// layer), opened through <see cref="EvaluationRound.OpenSheet"/> once the member declared no
/// conflict. Same rules as a screening <see cref="ScoreSheet"/>: draft → submitted, editable until
/// the round closes, only submitted sheets are counted (<see cref="ScoreAggregation.Summarize"/>).
/// </summary>
public sealed class EvaluationSheet : IVersioned, IScoredSheet
{
    public const int OverallCommentMaxLength = ScoreSheet.OverallCommentMaxLength;

    internal const string CriterionNoun = "評価項目";

    private readonly List<ScoreEntry> _entries = [];

    // For EF Core materialization.
    private EvaluationSheet()
    {
        MemberUserId = string.Empty;
    }

    internal EvaluationSheet(int roundId, string memberUserId, DateTime nowUtc)
    {
        RoundId = roundId;
        MemberUserId = memberUserId;
        Status = ScoreSheetStatus.Draft;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public int Id { get; private set; }

    public int RoundId { get; private set; }

    public string MemberUserId { get; private set; }

    public ScoreSheetStatus Status { get; private set; }

    /// <summary>総評 (the member's comment).</summary>
    public string? OverallComment { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<ScoreEntry> Entries => _entries;

    public bool IsSubmitted => Status == ScoreSheetStatus.Submitted;

    /// <summary>Replaces the entries and the comment; checks the round (open, assigned, declared, not recused).</summary>
    public void Save(EvaluationRound round, IEnumerable<ScoreEntryDraft> entries, string? overallComment, DateTime nowUtc)
    {
        var now = EnsureCanScore(round, nowUtc);
        var comment = Text.Optional(overallComment, OverallCommentMaxLength, nameof(overallComment));
        ScoreEntryRules.Replace(_entries, IsSubmitted, round.Rubric, entries, CriterionNoun);
        OverallComment = comment;
        UpdatedAtUtc = now;
    }

    /// <summary>下書き → 提出済み, when every criterion has points or 該当なし.</summary>
    public void Submit(EvaluationRound round, DateTime nowUtc)
    {
        var now = EnsureCanScore(round, nowUtc);
        if (IsSubmitted)
        {
            throw new DomainRuleException("この評価票はすでに「{0}」です。", Status);
        }

        ScoreEntryRules.EnsureCanSubmit(round.Rubric, _entries, CriterionNoun);
        Status = ScoreSheetStatus.Submitted;
        SubmittedAtUtc = now;
        UpdatedAtUtc = now;
    }

    private DateTime EnsureCanScore(EvaluationRound round, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(round);
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        if (round.Id != RoundId)
        {
            throw new ArgumentException("The sheet belongs to another evaluation round.", nameof(round));
        }

        round.EnsureCanScore(MemberUserId);
        return now;
    }
}
