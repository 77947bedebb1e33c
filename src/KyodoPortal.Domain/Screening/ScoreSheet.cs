using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Screening;

/// <summary>
/// 評価票: one committee member's scores for one proposal (unique per panel, proposal and member
/// in the data layer), opened through <see cref="ScreeningPanel.OpenSheet"/> once the member has
/// declared no conflict of interest.
/// </summary>
/// <remarks>
/// Draft → Submitted. A submitted sheet stays editable until the coordinator closes screening
/// (members may revise after reading the others' sheets or the discussion): re-saving keeps it
/// submitted and is refused if the change would leave a criterion without points or 該当なし.
/// Only submitted sheets are counted. Every save and submit checks the panel: open, member still
/// assigned, not recused.
/// </remarks>
public sealed class ScoreSheet : IVersioned, IScoredSheet
{
    public const int OverallCommentMaxLength = 2000;

    private const string CriterionNoun = "審査基準";

    private readonly List<ScoreEntry> _entries = [];

    // For EF Core materialization.
    private ScoreSheet()
    {
        MemberUserId = string.Empty;
    }

    internal ScoreSheet(int panelId, int proposalId, string memberUserId, DateTime nowUtc)
    {
        PanelId = panelId;
        ProposalId = proposalId;
        MemberUserId = memberUserId;
        Status = ScoreSheetStatus.Draft;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public int Id { get; private set; }

    public int PanelId { get; private set; }

    public int ProposalId { get; private set; }

    public string MemberUserId { get; private set; }

    public ScoreSheetStatus Status { get; private set; }

    /// <summary>総評.</summary>
    public string? OverallComment { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>The first submission; later edits of a submitted sheet change <see cref="UpdatedAtUtc"/> only.</summary>
    public DateTime? SubmittedAtUtc { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<ScoreEntry> Entries => _entries;

    public bool IsSubmitted => Status == ScoreSheetStatus.Submitted;

    public ScoreEntry? EntryFor(int criterionId) => _entries.FirstOrDefault(entry => entry.CriterionId == criterionId);

    /// <summary>The criteria still without points or 該当なし, in rubric order; empty when the sheet can be submitted.</summary>
    public IReadOnlyList<RubricCriterion> MissingCriteria(IReadOnlyList<RubricCriterion> criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        return ScoreEntryRules.Missing(criteria, _entries);
    }

    /// <summary>
    /// Replaces the entries and the overall comment. Each entry is checked against
    /// <paramref name="criteria"/> (the call's locked rubric): a known criterion, once, points
    /// within 0 to its maximum, no points and a comment when 該当なし. Rows with nothing entered are
    /// dropped. A submitted sheet must stay complete.
    /// </summary>
    public void Save(ScreeningPanel panel, IReadOnlyList<RubricCriterion> criteria, IEnumerable<ScoreEntryDraft> entries, string? overallComment, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(entries);
        var now = EnsureCanScore(panel, nowUtc);
        var comment = Text.Optional(overallComment, OverallCommentMaxLength, nameof(overallComment));
        ScoreEntryRules.Replace(_entries, IsSubmitted, criteria, entries, CriterionNoun);
        OverallComment = comment;
        UpdatedAtUtc = now;
    }

    /// <summary>下書き → 提出済み, when every criterion has points or 該当なし.</summary>
    public void Submit(ScreeningPanel panel, IReadOnlyList<RubricCriterion> criteria, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var now = EnsureCanScore(panel, nowUtc);
        if (Status != ScoreSheetStatus.Draft)
        {
            throw new DomainRuleException("この評価票はすでに「{0}」です。", Status);
        }

        // The stored entries were valid for the rubric when saved; check again in case it is another rubric.
        ScoreEntryRules.EnsureCanSubmit(criteria, _entries, CriterionNoun);

        Status = ScoreSheetStatus.Submitted;
        SubmittedAtUtc = now;
        UpdatedAtUtc = now;
    }

    private DateTime EnsureCanScore(ScreeningPanel panel, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        if (panel.Id != PanelId)
        {
            throw new ArgumentException("The score sheet belongs to another screening panel.", nameof(panel));
        }

        panel.EnsureCanScore(MemberUserId, ProposalId);
        return now;
    }
}
