using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Lists;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Guidelines;

/// <summary>
/// The guideline's reads. The guideline with its periods, scheme and areas is small and read whole
/// (split queries, a fixed number); measures and progress are projected or loaded by period.
/// </summary>
public static class GuidelineQueries
{
    /// <summary>The list: by area, sub-area and title by default; sorted by title or classification, searched by title.</summary>
    public static readonly SortColumns<GuidelineMeasure> Columns = new SortColumns<GuidelineMeasure>("area", defaultDescending: false, m => m.Id)
        .Column("area", m => m.Area.Number).ThenBy(m => m.SubArea!.Order)
        .Column("title", m => m.Title)
        .Column("classification", m => m.Classification.Order);

    /// <summary>The (first) guideline with its periods and deadlines, scheme, areas and sub-areas; untracked unless asked.</summary>
    public static Task<Guideline?> GuidelineAsync(KyodoDbContext db, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = db.Guidelines
            .Include(g => g.Periods).ThenInclude(p => p.Deadlines)
            .Include(g => g.Classifications)
            .Include(g => g.Areas).ThenInclude(a => a.SubAreas)
            .AsSplitQuery();
        return (tracked ? query : query.AsNoTracking()).OrderBy(g => g.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The number of measures in each period.</summary>
    public static async Task<IReadOnlyDictionary<int, int>> MeasureCountsAsync(KyodoDbContext db, CancellationToken cancellationToken) =>
        await db.GuidelineMeasures.AsNoTracking().GroupBy(m => m.PeriodId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

    public static Task<List<DepartmentOption>> DepartmentsAsync(KyodoDbContext db, CancellationToken cancellationToken) =>
        db.Departments.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.Name)
            .Select(d => new DepartmentOption(d.Id, d.Name)).ToListAsync(cancellationToken);

    /// <summary>The period's measures the viewer may see, filtered, searched, sorted and paged (20 a page).</summary>
    public static Task<PageOf<MeasureRow>> MeasuresAsync(KyodoDbContext db, int periodId, ListQuery query, MeasureFilter filter, GuidelineViewer viewer, int page, CancellationToken cancellationToken)
    {
        var measures = Visible(db, viewer).Where(m => m.PeriodId == periodId);
        if (filter.Area is { } area)
        {
            measures = measures.Where(m => m.AreaId == area);
        }

        if (filter.Classification is { } classification)
        {
            measures = measures.Where(m => m.ClassificationId == classification);
        }

        if (filter.Department is { } department)
        {
            measures = measures.Where(m => m.Departments.Any(d => d.DepartmentId == department));
        }

        if (query.Q is { } term)
        {
            measures = measures.Where(m => m.Title.Contains(term));
        }

        return Columns.Apply(measures, query.Sort)
            .Select(m => new MeasureRow(
                m.Id,
                m.Title,
                m.Area.Number,
                m.SubArea == null ? null : m.SubArea.Letter,
                m.Classification.Code,
                m.IsPriority,
                m.Departments.Join(db.Departments, md => md.DepartmentId, d => d.Id, (_, d) => d.Name).ToList()))
            .ToPageAsync(page, cancellationToken);
    }

    /// <summary>A measure with its period, place and departments, if the viewer may see it.</summary>
    public static Task<GuidelineMeasure?> MeasureAsync(KyodoDbContext db, int id, GuidelineViewer viewer, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = Visible(db, viewer, tracked)
            .Include(m => m.Period).ThenInclude(p => p.Deadlines)
            .Include(m => m.Area)
            .Include(m => m.SubArea)
            .Include(m => m.Classification)
            .Include(m => m.Departments)
            .AsSplitQuery();
        return query.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
    }

    public static Task<List<string>> DepartmentNamesAsync(KyodoDbContext db, IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var list = ids.ToList();
        return db.Departments.AsNoTracking().Where(d => list.Contains(d.Id)).OrderBy(d => d.Name).Select(d => d.Name).ToListAsync(cancellationToken);
    }

    /// <summary>Every year's progress of a measure, with its history and its measure's period (which the record asks whether it may change).</summary>
    public static Task<List<MeasureProgress>> ProgressOfAsync(KyodoDbContext db, int measureId, CancellationToken cancellationToken) =>
        db.MeasureProgress.AsNoTracking().Include(p => p.Measure).ThenInclude(m => m.Period)
            .Where(p => p.MeasureId == measureId).OrderBy(p => p.FiscalYear).ToListAsync(cancellationToken);

    /// <summary>One year's progress, tracked, with its measure's period (the read-only rule needs it).</summary>
    public static Task<MeasureProgress?> ProgressAsync(KyodoDbContext db, int measureId, int fiscalYear, CancellationToken cancellationToken) =>
        db.MeasureProgress.Include(p => p.Measure).ThenInclude(m => m.Period)
            .FirstOrDefaultAsync(p => p.MeasureId == measureId && p.FiscalYear == fiscalYear, cancellationToken);

    /// <summary>
    /// The matrix: the period's measures in the guideline's order, then every progress cell of the
    /// period in one query (two statements whatever the number of measures and years).
    /// </summary>
    public static async Task<List<MatrixRow>> MatrixAsync(KyodoDbContext db, int periodId, CancellationToken cancellationToken)
    {
        var measures = await db.GuidelineMeasures.AsNoTracking().Where(m => m.PeriodId == periodId)
            .OrderBy(m => m.Area.Number).ThenBy(m => m.SubArea!.Order).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Title, m.Area.Number, Letter = m.SubArea == null ? null : m.SubArea.Letter, m.Classification.Code, m.IsPriority })
            .ToListAsync(cancellationToken);
        var cells = await db.MeasureProgress.AsNoTracking().Where(p => p.Measure.PeriodId == periodId)
            .Select(p => new { p.MeasureId, p.FiscalYear, p.Status, p.Review })
            .ToListAsync(cancellationToken);
        var byMeasure = cells.ToLookup(c => c.MeasureId);
        return measures.Select(m => new MatrixRow(m.Id, m.Title, m.Number, m.Letter, m.Code, m.IsPriority,
            byMeasure[m.Id].ToDictionary(c => c.FiscalYear, c => new MatrixCell(c.Status, c.Review)))).ToList();
    }

    /// <summary>The measures the viewer may see: every one for the office, those its department is in charge of for a department.</summary>
    internal static IQueryable<GuidelineMeasure> Visible(KyodoDbContext db, GuidelineViewer viewer, bool tracked = false)
    {
        var measures = tracked ? db.GuidelineMeasures : db.GuidelineMeasures.AsNoTracking();
        if (viewer.IsOffice)
        {
            return measures;
        }

        var department = viewer.DepartmentId ?? -1;
        return measures.Where(m => m.Departments.Any(d => d.DepartmentId == department));
    }
}
