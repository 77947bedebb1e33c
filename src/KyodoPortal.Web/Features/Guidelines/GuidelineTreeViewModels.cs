using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Guidelines;

namespace KyodoPortal.Web.Features.Guidelines;

/// <summary>
/// The tree's filters (GET, kept by the export links): classification, 重点施策 only, department in
/// charge, and the progress status of the tree's fiscal year.
/// </summary>
public sealed record TreeFilter(int? Classification, bool PriorityOnly, int? Department, MeasureProgressStatus? Status)
{
    public static TreeFilter None { get; } = new(null, false, null, null);

    /// <summary>The query string of the filters and <paramref name="year"/> (for the export links).</summary>
    public string Query(int year)
    {
        var parts = new List<string> { "year=" + year.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (Classification is { } classification)
        {
            parts.Add("classification=" + classification.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (PriorityOnly)
        {
            parts.Add("priority=true");
        }

        if (Department is { } department)
        {
            parts.Add("department=" + department.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (Status is { } status)
        {
            parts.Add("status=" + status);
        }

        return string.Join("&", parts);
    }
}

/// <summary>A year's confirmed progress as the public reads it: no review state, no reasons for a return, nobody's name.</summary>
public sealed record PublicProgress(
    int MeasureId,
    int FiscalYear,
    MeasureProgressStatus Status,
    string Done,
    string? Figures,
    MeasureEffectiveness? Effectiveness,
    string? EffectivenessReasons);

/// <summary>
/// A measure in the tree: as printed (・title 【code】＜重点施策＞, its description), with what the
/// page adds — for staff the departments and each year's status (<see cref="Cells"/>, one year on
/// the tree, every year in the export), for the public the confirmed progress.
/// </summary>
public sealed record TreeMeasure(
    int Id,
    string Title,
    string? Description,
    int AreaId,
    int? SubAreaId,
    string ClassificationCode,
    bool IsPriority,
    IReadOnlyList<string> Departments,
    IReadOnlyDictionary<int, MatrixCell> Cells,
    IReadOnlyList<PublicProgress> Progress);

public sealed record TreeSubArea(GuidelineSubArea SubArea, IReadOnlyList<TreeMeasure> Measures);

/// <summary>An area with its measures placed directly under it (an area without sub-areas) and its sub-areas.</summary>
public sealed record TreeArea(GuidelineArea Area, IReadOnlyList<TreeMeasure> Measures, IReadOnlyList<TreeSubArea> SubAreas)
{
    public IEnumerable<TreeMeasure> All => Measures.Concat(SubAreas.SelectMany(s => s.Measures));
}

/// <summary>
/// What the tree partial draws: the areas that have a measure, where a measure links to
/// (<see cref="MeasureHref"/> + id), and for staff the fiscal year whose status each measure shows.
/// </summary>
public sealed record MeasureTreeModel(IReadOnlyList<TreeArea> Areas, string MeasureHref, int? StatusYear, bool IsPublic)
{
    /// <summary>
    /// The guideline's areas in order, each with its measures (in <paramref name="measures"/>' order)
    /// directly under it or under its sub-areas; an area or sub-area without a measure is left out.
    /// </summary>
    public static IReadOnlyList<TreeArea> Place(Guideline guideline, IReadOnlyList<TreeMeasure> measures)
    {
        ArgumentNullException.ThrowIfNull(guideline);
        var byArea = measures.ToLookup(m => m.AreaId);
        return guideline.Areas.OrderBy(a => a.Number)
            .Where(a => byArea[a.Id].Any())
            .Select(a => new TreeArea(
                a,
                byArea[a.Id].Where(m => m.SubAreaId is null).ToList(),
                a.SubAreas.OrderBy(s => s.Order)
                    .Select(s => new TreeSubArea(s, byArea[a.Id].Where(m => m.SubAreaId == s.Id).ToList()))
                    .Where(s => s.Measures.Count > 0)
                    .ToList()))
            .ToList();
    }
}

/// <summary>The staff's tree of a period: the filters and their choices, the tree, and the fiscal year it shows.</summary>
public sealed record GuidelineTreeViewModel(
    Guideline Guideline,
    GuidelinePeriod Period,
    TreeFilter Filter,
    int Year,
    IReadOnlyList<DepartmentOption> Departments,
    GuidelineViewer Viewer,
    MeasureTreeModel Tree,
    int Count);

/// <summary>
/// The public guideline page: the guideline's adopted and closed periods (never a draft), the one
/// shown, and its tree with each measure's confirmed progress; Guideline null when nothing is public yet.
/// </summary>
public sealed record PublicGuidelineViewModel(Guideline? Guideline, IReadOnlyList<GuidelinePeriod> Periods, GuidelinePeriod? Period, MeasureTreeModel? Tree);

/// <summary>A measure of an adopted or closed period as the public reads it.</summary>
public sealed record PublicMeasure(
    int Id,
    string Title,
    string? Description,
    bool IsPriority,
    int PeriodNumber,
    GuidelinePeriodStatus PeriodStatus,
    int AreaNumber,
    string AreaTitle,
    string? SubAreaLetter,
    string? SubAreaTitle,
    string ClassificationCode,
    string ClassificationDescription);

public sealed record PublicMeasureViewModel(PublicMeasure Measure, IReadOnlyList<PublicProgress> Progress);

/// <summary>Helpers the tree's views share.</summary>
public static class GuidelineTreeFormat
{
    /// <summary>The fiscal year the tree shows by default: this one, within the period's years.</summary>
    public static int DefaultYear(GuidelinePeriod period, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(period);
        return Math.Clamp(FiscalYear.Of(today).StartYear, period.FirstFiscalYear, period.LastFiscalYear);
    }

    /// <summary>Full-width digits as the seed prints them （１）, for Japanese; plain digits otherwise.</summary>
    public static string Numeral(int number, bool japanese)
    {
        var digits = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return japanese ? new string(digits.Select(c => (char)(c - '0' + '\uFF10')).ToArray()) : digits;
    }
}
