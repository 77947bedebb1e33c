using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Guidelines;

/// <summary>The period review's reads: the table in two statements whatever its size, one review whole, a measure's history across periods.</summary>
public static class ReviewQueries
{
    /// <summary>
    /// The review table of a period: every measure in the guideline's order with its review (or none
    /// yet), then the proposed additions — two statements.
    /// </summary>
    public static async Task<List<ReviewTableRow>> TableAsync(KyodoDbContext db, int periodId, CancellationToken cancellationToken)
    {
        var measures = await db.GuidelineMeasures.AsNoTracking().Where(m => m.PeriodId == periodId)
            .OrderBy(m => m.Area.Number).ThenBy(m => m.SubArea!.Order).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Title, m.Area.Number, Letter = m.SubArea == null ? null : m.SubArea.Letter, m.Classification.Code, m.IsPriority })
            .ToListAsync(cancellationToken);
        var reviews = await db.MeasureReviews.AsNoTracking().Where(r => r.PeriodId == periodId).OrderBy(r => r.Id)
            .Select(r => new
            {
                r.Id,
                r.MeasureId,
                Cells = new ReviewCells(
                    r.Implementation,
                    r.Effectiveness,
                    r.Necessity,
                    r.Results,
                    r.Proposal,
                    r.Opinions.Count,
                    r.Decision,
                    r.NextMeasureId,
                    r.NextMeasure == null ? r.NextTitle : r.NextMeasure.Title,
                    r.NextMeasure == null ? (r.NextClassification == null ? null : r.NextClassification.Code) : r.NextMeasure.Classification.Code),
                AreaNumber = r.NextArea == null ? 0 : r.NextArea.Number,
                Letter = r.NextSubArea == null ? null : r.NextSubArea.Letter,
                r.NextIsPriority,
            })
            .ToListAsync(cancellationToken);
        var byMeasure = reviews.Where(r => r.MeasureId is not null).ToDictionary(r => r.MeasureId!.Value);
        var rows = measures.Select(m => byMeasure.TryGetValue(m.Id, out var review)
            ? new ReviewTableRow(review.Id, m.Id, m.Title, m.Number, m.Letter, m.Code, m.IsPriority, review.Cells)
            : new ReviewTableRow(null, m.Id, m.Title, m.Number, m.Letter, m.Code, m.IsPriority, ReviewCells.None)).ToList();
        rows.AddRange(reviews.Where(r => r.MeasureId is null)
            .Select(r => new ReviewTableRow(r.Id, null, r.Cells.NextTitle ?? string.Empty, r.AreaNumber, r.Letter, null, r.NextIsPriority, r.Cells)));
        return rows;
    }

    /// <summary>The period's measures without a review yet, tracked with their period (the review checks it is open).</summary>
    public static Task<List<GuidelineMeasure>> UnreviewedAsync(KyodoDbContext db, int periodId, CancellationToken cancellationToken) =>
        db.GuidelineMeasures.Include(m => m.Period)
            .Where(m => m.PeriodId == periodId && !db.MeasureReviews.Any(r => r.MeasureId == m.Id))
            .OrderBy(m => m.Id).ToListAsync(cancellationToken);

    /// <summary>Whether a period has any measure (the next period is started once).</summary>
    public static Task<bool> HasMeasuresAsync(KyodoDbContext db, int periodId, CancellationToken cancellationToken) =>
        db.GuidelineMeasures.AnyAsync(m => m.PeriodId == periodId, cancellationToken);

    /// <summary>One review with its period, measure (place, class, departments), next text's parts and opinions.</summary>
    public static Task<MeasureReview?> ReviewAsync(KyodoDbContext db, int id, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = db.MeasureReviews
            .Include(r => r.Period)
            .Include(r => r.Measure).ThenInclude(m => m!.Area)
            .Include(r => r.Measure).ThenInclude(m => m!.SubArea)
            .Include(r => r.Measure).ThenInclude(m => m!.Classification)
            .Include(r => r.Measure).ThenInclude(m => m!.Departments)
            .Include(r => r.NextArea)
            .Include(r => r.NextSubArea)
            .Include(r => r.NextClassification)
            .Include(r => r.NextMeasure)
            .Include(r => r.Opinions)
            .AsSplitQuery();
        return (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    /// <summary>The measures of a period and their reviews, tracked, for starting the next period (two statements and the departments).</summary>
    public static async Task<(List<GuidelineMeasure> Measures, List<MeasureReview> Reviews)> TransitionAsync(KyodoDbContext db, int periodId, CancellationToken cancellationToken)
    {
        var measures = await db.GuidelineMeasures.Include(m => m.Departments).Include(m => m.Area).Include(m => m.SubArea).Include(m => m.Classification)
            .Where(m => m.PeriodId == periodId)
            .OrderBy(m => m.Area.Number).ThenBy(m => m.SubArea!.Order).ThenBy(m => m.Id)
            .AsSplitQuery().ToListAsync(cancellationToken);
        var reviews = await db.MeasureReviews.Include(r => r.NextArea).Include(r => r.NextSubArea).Include(r => r.NextClassification)
            .Where(r => r.PeriodId == periodId).OrderBy(r => r.Id)
            .AsSplitQuery().ToListAsync(cancellationToken);
        return (measures, reviews);
    }

    /// <summary>
    /// A measure's history across periods: the measures it continues (newest first) with the decision
    /// each review made, and the measure its own review made of it — one statement per period step
    /// (a guideline has a handful of periods).
    /// </summary>
    public static async Task<MeasureHistory> HistoryAsync(KyodoDbContext db, GuidelineMeasure measure, CancellationToken cancellationToken)
    {
        var earlier = new List<HistoryStep>();
        var previousId = measure.PreviousMeasureId;
        while (previousId is { } id && earlier.Count < GuidelinePeriod.MaxYears)
        {
            var step = await db.GuidelineMeasures.AsNoTracking().Where(m => m.Id == id)
                .Select(m => new
                {
                    m.PreviousMeasureId,
                    Step = new HistoryStep(m.Id, m.Period.Number, m.Title, m.Classification.Code,
                        db.MeasureReviews.Where(r => r.MeasureId == m.Id).Select(r => r.Decision).FirstOrDefault(),
                        db.MeasureReviews.Where(r => r.MeasureId == m.Id).Select(r => (int?)r.Id).FirstOrDefault()),
                })
                .FirstOrDefaultAsync(cancellationToken);
            if (step is null)
            {
                break;
            }

            earlier.Add(step.Step);
            previousId = step.PreviousMeasureId;
        }

        var own = await db.MeasureReviews.AsNoTracking().Where(r => r.MeasureId == measure.Id)
            .Select(r => new OwnReview(r.Id, r.Decision, r.NextMeasureId, r.NextMeasure == null ? null : r.NextMeasure.Title, r.NextMeasure == null ? null : (int?)r.NextMeasure.Period.Number))
            .FirstOrDefaultAsync(cancellationToken);
        return new MeasureHistory(earlier, own);
    }
}
