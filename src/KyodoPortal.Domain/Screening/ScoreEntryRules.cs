using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Screening;

/// <summary>
/// A sheet the aggregation can count (<see cref="ScoreAggregation.Summarize"/>): a screening
/// <see cref="ScoreSheet"/> or an evaluation round's committee sheet.
/// </summary>
public interface IScoredSheet
{
    int Id { get; }

    string MemberUserId { get; }

    bool IsSubmitted { get; }

    IReadOnlyList<ScoreEntry> Entries { get; }
}

/// <summary>
/// The rules for a sheet's entries against its rubric, shared by every kind of sheet (screening,
/// evaluation, self-evaluation). <c>criterionNoun</c> names a criterion in messages (審査基準 / 評価項目).
/// </summary>
internal static class ScoreEntryRules
{
    /// <summary>
    /// Each entry: a known criterion, once, points within 0 to its maximum, no points and a comment
    /// when 該当なし. Rows with nothing entered are dropped.
    /// </summary>
    public static List<ScoreEntry> Validate(IReadOnlyList<RubricCriterion> criteria, IEnumerable<ScoreEntryDraft> drafts, string criterionNoun)
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
                ?? throw new DomainRuleException("評価票に{0}にない項目が含まれています。", new UserMessage(criterionNoun));
            if (result.Any(entry => entry.CriterionId == criterion.Id))
            {
                throw new DomainRuleException("{0}「{1}」が評価票に重複しています。", new UserMessage(criterionNoun), criterion.Name);
            }

            if (draft.NotApplicable)
            {
                if (draft.Points is not null)
                {
                    throw new DomainRuleException("{0}「{1}」を該当なしにする場合は、点数を入力しないでください。", new UserMessage(criterionNoun), criterion.Name);
                }

                if (comment is null)
                {
                    throw new DomainRuleException("{0}「{1}」を該当なしにする場合は、理由をコメントに入力してください。", new UserMessage(criterionNoun), criterion.Name);
                }
            }
            else if (draft.Points is { } points && (points < 0 || points > criterion.MaxPoints))
            {
                throw new DomainRuleException("{0}「{1}」の点数は0点から{2}点の間で入力してください。", new UserMessage(criterionNoun), criterion.Name, criterion.MaxPoints);
            }

            result.Add(new ScoreEntry(criterion.Id, draft.Points, draft.NotApplicable, comment));
        }

        return result;
    }

    /// <summary>
    /// Validates <paramref name="drafts"/> against the rubric and replaces <paramref name="entries"/>
    /// with them; a submitted sheet must stay complete. Nothing changes when refused.
    /// </summary>
    public static void Replace(List<ScoreEntry> entries, bool submitted, IReadOnlyList<RubricCriterion> criteria, IEnumerable<ScoreEntryDraft> drafts, string criterionNoun)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(drafts);
        var validated = Validate(criteria, drafts, criterionNoun);
        EnsureSubmittedStaysComplete(submitted, criteria, validated, criterionNoun);
        entries.Clear();
        entries.AddRange(validated);
    }

    /// <summary>The criteria still without points or 該当なし, in rubric order.</summary>
    public static List<RubricCriterion> Missing(IReadOnlyList<RubricCriterion> criteria, IReadOnlyList<ScoreEntry> entries) =>
        [.. criteria.Where(criterion => !entries.Any(entry => entry.CriterionId == criterion.Id && entry.IsComplete))];

    /// <summary>A submitted sheet must stay complete when re-saved.</summary>
    private static void EnsureSubmittedStaysComplete(bool submitted, IReadOnlyList<RubricCriterion> criteria, IReadOnlyList<ScoreEntry> entries, string criterionNoun)
    {
        if (submitted && Missing(criteria, entries) is { Count: > 0 } missing)
        {
            throw new DomainRuleException(
                "提出済みの評価票では、すべての{0}に点数を入力するか該当なしにしてください（未入力: {1}）。", new UserMessage(criterionNoun), Names(missing));
        }
    }

    /// <summary>Submitting needs valid entries (checked again in case the rubric is another) and every criterion scored or 該当なし.</summary>
    public static void EnsureCanSubmit(IReadOnlyList<RubricCriterion> criteria, IReadOnlyList<ScoreEntry> entries, string criterionNoun)
    {
        _ = Validate(criteria, entries.Select(entry => new ScoreEntryDraft(entry.CriterionId, entry.Points, entry.NotApplicable, entry.Comment)), criterionNoun);
        if (Missing(criteria, entries) is { Count: > 0 } missing)
        {
            throw new DomainRuleException(
                "すべての{0}に点数を入力するか該当なしにしてから提出してください（未入力: {1}）。", new UserMessage(criterionNoun), Names(missing));
        }
    }

    private static string Names(IEnumerable<RubricCriterion> criteria) =>
        string.Concat(criteria.Select(criterion => $"「{criterion.Name}」"));
}
