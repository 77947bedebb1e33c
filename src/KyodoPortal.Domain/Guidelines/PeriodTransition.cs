using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Guidelines;

/// <summary>
/// 第2期の開始: builds the next period from the decided review of the current one — each 続行 measure
/// copied, each 修正 measure with its new text, each 追加 added, each 削除 not carried on — links every
/// carried measure to its predecessor (and each review to the measure it became), and closes the
/// current period, which is read-only from then on. Refused, with nothing changed, unless every
/// measure of the period and every proposed addition is decided and the next period is a draft
/// without measures.
/// </summary>
public static class PeriodTransition
{
    /// <summary>
    /// Starts the period after <paramref name="current"/>. <paramref name="measures"/> are every measure of
    /// <paramref name="current"/> (with their departments); <paramref name="reviews"/> every review of it
    /// (additions included); <paramref name="nextHasMeasures"/> whether the next period has measures already.
    /// Returns the next period's new measures for the caller to add.
    /// </summary>
    public static IReadOnlyList<GuidelineMeasure> StartNext(
        Guideline guideline,
        GuidelinePeriod current,
        IReadOnlyList<GuidelineMeasure> measures,
        IReadOnlyList<MeasureReview> reviews,
        bool nextHasMeasures)
    {
        ArgumentNullException.ThrowIfNull(guideline);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(reviews);
        if (current.IsClosed)
        {
            throw new DomainRuleException("第{0}期はすでに終了し、次の期が始まっています。", current.Number);
        }

        if (current.Status != GuidelinePeriodStatus.Adopted)
        {
            throw new DomainRuleException("次の期を始められるのは、策定済みの期を見直したあとだけです。");
        }

        var next = guideline.Periods.FirstOrDefault(p => p.Number == current.Number + 1)
            ?? throw new DomainRuleException("先に第{0}期（案）を追加してください。", current.Number + 1);
        if (next.Status != GuidelinePeriodStatus.Draft || nextHasMeasures)
        {
            throw new DomainRuleException("第{0}期にはすでに施策があります。第{1}期から始められるのは一度だけです。", next.Number, current.Number);
        }

        if (measures.Any(m => m.Period != current) || reviews.Any(r => r.Period != current))
        {
            throw new InvalidOperationException("Every measure and review must belong to the current period.");
        }

        var reviewOf = reviews.Where(r => !r.IsAddition).ToDictionary(r => r.Measure!);
        var undecided = measures.Where(m => !reviewOf.TryGetValue(m, out var review) || !review.IsDecided).ToList();
        if (undecided.Count > 0)
        {
            throw new DomainRuleException("見直しの決定がない施策が{0}件あります（「{1}」など）。すべて決定してから始めてください。", undecided.Count, undecided[0].Title);
        }

        var additions = reviews.Where(r => r.IsAddition).ToList();
        if (additions.Any(r => !r.IsDecided))
        {
            throw new DomainRuleException("決定していない追加の案が{0}件あります。決定するか取り下げてから始めてください。", additions.Count(r => !r.IsDecided));
        }

        var built = new List<GuidelineMeasure>();
        foreach (var measure in measures)
        {
            var review = reviewOf[measure];
            if (review.Decision == MeasureDecision.Delete)
            {
                continue;
            }

            var carried = new GuidelineMeasure(guideline, next, review.NextDraft(measure.Departments.Select(d => d.DepartmentId).ToList()), measure);
            review.LinkNext(carried);
            built.Add(carried);
        }

        foreach (var review in additions)
        {
            var added = new GuidelineMeasure(guideline, next, review.NextDraft([]), previous: null);
            review.LinkNext(added);
            built.Add(added);
        }

        current.Close();
        return built;
    }
}
