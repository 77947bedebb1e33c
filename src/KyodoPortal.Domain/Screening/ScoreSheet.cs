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
public sealed class ScoreSheet : IVersioned
{
    public const int OverallCommentMaxLength = 2000;

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
        return Missing(criteria, _entries);
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
        var validated = Validate(criteria, entries);
        var comment = Text.Optional(overallComment, OverallCommentMaxLength, nameof(overallComment));
        if (IsSubmitted && Missing(criteria, validated) is { Count: > 0 } missing)
        {
            throw new DomainRuleException(
                $"提出済みの評価票では、すべての審査基準に点数を入力するか該当なしにしてください（未入力: {Names(missing)}）。");
        }

        _entries.Clear();
        _entries.AddRange(validated);
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
            throw new DomainRuleException($"この評価票はすでに「{Status.DisplayName()}」です。");
        }

        // The stored entries were valid for the rubric when saved; check again in case it is another rubric.
        _ = Validate(criteria, _entries.Select(entry => new ScoreEntryDraft(entry.CriterionId, entry.Points, entry.NotApplicable, entry.Comment)));
        if (Missing(criteria, _entries) is { Count: > 0 } missing)
        {
            throw new DomainRuleException(
                $"すべての審査基準に点数を入力するか該当なしにしてから提出してください（未入力: {Names(missing)}）。");
        }

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

    private static List<ScoreEntry> Validate(IReadOnlyList<RubricCriterion> criteria, IEnumerable<ScoreEntryDraft> drafts)
    {
        var result = new List<ScoreEntry>();
        foreach (var draft in drafts)
        {
            ArgumentNullException.ThrowIfNull(draft, nameof(drafts));
            var comment = Text.Optional(draft.Comment, ScoreEntry.CommentMaxLength, nameof(drafts));
            if (draft.Points is null && !draft.NotApplicable && comment is null)
            {
                continue;
            }

            var criterion = criteria.FirstOrDefault(candidate => candidate.Id == draft.CriterionId)
                ?? throw new DomainRuleException("評価票に審査基準にない項目が含まれています。");
            if (result.Any(entry => entry.CriterionId == criterion.Id))
            {
                throw new DomainRuleException($"審査基準「{criterion.Name}」が評価票に重複しています。");
            }

            if (draft.NotApplicable)
            {
                if (draft.Points is not null)
                {
                    throw new DomainRuleException($"審査基準「{criterion.Name}」を該当なしにする場合は、点数を入力しないでください。");
                }

                if (comment is null)
                {
                    throw new DomainRuleException($"審査基準「{criterion.Name}」を該当なしにする場合は、理由をコメントに入力してください。");
                }
            }
            else if (draft.Points is { } points && (points < 0 || points > criterion.MaxPoints))
            {
                throw new DomainRuleException($"審査基準「{criterion.Name}」の点数は0点から{criterion.MaxPoints}点の間で入力してください。");
            }

            result.Add(new ScoreEntry(criterion.Id, draft.Points, draft.NotApplicable, comment));
        }

        return result;
    }

    private static List<RubricCriterion> Missing(IReadOnlyList<RubricCriterion> criteria, IReadOnlyList<ScoreEntry> entries) =>
        [.. criteria.Where(criterion => !entries.Any(entry => entry.CriterionId == criterion.Id && entry.IsComplete))];

    private static string Names(IEnumerable<RubricCriterion> criteria) =>
        string.Concat(criteria.Select(criterion => $"「{criterion.Name}」"));
}
