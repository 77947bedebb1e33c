using System.Linq.Expressions;
using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Guidelines;

/// <summary>
/// The reads of the guideline's tree (staff), its export and its public page. Each is a fixed number
/// of set queries whatever the number of measures: the measures with their departments' names in one
/// statement, then the progress cells (or the confirmed records) of every measure in one more.
/// </summary>
public static class GuidelineTreeQueries
{
    /// <summary>
    /// The period's measures the viewer may see, filtered, in the guideline's order, each with its
    /// departments' names and the status of <paramref name="year"/> (of every year when
    /// <paramref name="everyYear"/>, for the export); two statements.
    /// </summary>
    public static async Task<List<TreeMeasure>> MeasuresAsync(
        KyodoDbContext db, int periodId, TreeFilter filter, int year, bool everyYear, GuidelineViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var measures = Filtered(db, periodId, filter, year, viewer);
        var rows = await InOrder(measures)
            .Select(m => new
            {
                m.Id,
                m.Title,
                m.Description,
                m.AreaId,
                m.SubAreaId,
                m.Classification.Code,
                m.IsPriority,
                Departments = m.Departments.Join(db.Departments, md => md.DepartmentId, d => d.Id, (_, d) => d.Name).OrderBy(n => n).ToList(),
            })
            .ToListAsync(cancellationToken);
        var cells = await (
                from p in db.MeasureProgress.AsNoTracking()
                join m in measures on p.MeasureId equals m.Id
                where everyYear || p.FiscalYear == year
                select new { p.MeasureId, p.FiscalYear, p.Status, p.Review })
            .ToListAsync(cancellationToken);
        var byMeasure = cells.ToLookup(c => c.MeasureId);
        return rows.Select(m => new TreeMeasure(
                m.Id, m.Title, m.Description, m.AreaId, m.SubAreaId, m.Code, m.IsPriority, m.Departments,
                byMeasure[m.Id].ToDictionary(c => c.FiscalYear, c => new MatrixCell(c.Status, c.Review)), []))
            .ToList();
    }

    /// <summary>
    /// The public tree: every measure of the period (public only when it is adopted or closed: the
    /// caller checks) with its confirmed progress, oldest year first; two statements.
    /// </summary>
    public static async Task<List<TreeMeasure>> PublicMeasuresAsync(KyodoDbContext db, int periodId, CancellationToken cancellationToken)
    {
        var measures = db.GuidelineMeasures.AsNoTracking().Where(m => m.PeriodId == periodId);
        var rows = await InOrder(measures)
            .Select(m => new { m.Id, m.Title, m.Description, m.AreaId, m.SubAreaId, m.Classification.Code, m.IsPriority })
            .ToListAsync(cancellationToken);
        var progress = (await Confirmed(db, p => p.Measure.PeriodId == periodId).ToListAsync(cancellationToken)).ToLookup(p => p.MeasureId);
        return rows.Select(m => new TreeMeasure(
                m.Id, m.Title, m.Description, m.AreaId, m.SubAreaId, m.Code, m.IsPriority, [], new Dictionary<int, MatrixCell>(),
                progress[m.Id].ToList()))
            .ToList();
    }

    /// <summary>A measure of an adopted or closed period with its confirmed progress; null (404) for a draft period's or a missing one.</summary>
    public static async Task<PublicMeasureViewModel?> PublicMeasureAsync(KyodoDbContext db, int id, CancellationToken cancellationToken)
    {
        var measure = await db.GuidelineMeasures.AsNoTracking()
            .Where(m => m.Id == id && (m.Period.Status == GuidelinePeriodStatus.Adopted || m.Period.Status == GuidelinePeriodStatus.Closed))
            .Select(m => new PublicMeasure(
                m.Id,
                m.Title,
                m.Description,
                m.IsPriority,
                m.Period.Number,
                m.Period.Status,
                m.Area.Number,
                m.Area.Title,
                m.SubArea == null ? null : m.SubArea.Letter,
                m.SubArea == null ? null : m.SubArea.Title,
                m.Classification.Code,
                m.Classification.Description))
            .FirstOrDefaultAsync(cancellationToken);
        if (measure is null)
        {
            return null;
        }

        var progress = await Confirmed(db, p => p.MeasureId == id).ToListAsync(cancellationToken);
        return new PublicMeasureViewModel(measure, progress);
    }

    /// <summary>Only what the coordinator confirmed, and only what the public may read of it, oldest year first.</summary>
    private static IQueryable<PublicProgress> Confirmed(KyodoDbContext db, Expression<Func<MeasureProgress, bool>> which) =>
        db.MeasureProgress.AsNoTracking()
            .Where(p => p.Review == ProgressReviewStatus.Confirmed)
            .Where(which)
            .OrderBy(p => p.FiscalYear)
            .Select(p => new PublicProgress(p.MeasureId, p.FiscalYear, p.Status, p.Done, p.Figures, p.Effectiveness, p.EffectivenessReasons));

    private static IQueryable<GuidelineMeasure> Filtered(KyodoDbContext db, int periodId, TreeFilter filter, int year, GuidelineViewer viewer)
    {
        var measures = GuidelineQueries.Visible(db, viewer).Where(m => m.PeriodId == periodId);
        if (filter.Classification is { } classification)
        {
            measures = measures.Where(m => m.ClassificationId == classification);
        }

        if (filter.PriorityOnly)
        {
            measures = measures.Where(m => m.IsPriority);
        }

        if (filter.Department is { } department)
        {
            measures = measures.Where(m => m.Departments.Any(d => d.DepartmentId == department));
        }

        if (filter.Status is { } status)
        {
            measures = measures.Where(m => db.MeasureProgress.Any(p => p.MeasureId == m.Id && p.FiscalYear == year && p.Status == status));
        }

        return measures;
    }

    /// <summary>The guideline's order: area, sub-area (measures directly under an area first), then as registered.</summary>
    private static IOrderedQueryable<GuidelineMeasure> InOrder(IQueryable<GuidelineMeasure> measures) =>
        measures.OrderBy(m => m.Area.Number).ThenBy(m => m.SubArea!.Order).ThenBy(m => m.Id);
}
