using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Web.Infrastructure.Lists;
using KyodoPortal.Web.Infrastructure.Persistence;

namespace KyodoPortal.Web.Features.Guidelines;

/// <summary>Who is looking: the office sees every measure, a department only those it is in charge of.</summary>
public sealed record GuidelineViewer(bool IsOffice, int? DepartmentId)
{
    /// <summary>Whether the viewer records progress for (and sees) a measure with these departments.</summary>
    public bool MayRecord(IEnumerable<int> departmentIds) => IsOffice || (DepartmentId is { } id && departmentIds.Contains(id));

    public ProgressActor Actor => IsOffice ? ProgressActor.Coordinator : ProgressActor.Department;

    public static GuidelineViewer Of(System.Security.Claims.ClaimsPrincipal user) =>
        new(Infrastructure.Auth.KyodoPolicies.Meets(user, Infrastructure.Auth.KyodoPolicies.Office), Infrastructure.Auth.KyodoClaims.GetDepartmentId(user));
}

/// <summary>The guideline page: the guideline (null before one is created) and its measures per period.</summary>
public sealed record GuidelinePageViewModel(Guideline? Guideline, IReadOnlyDictionary<int, int> MeasureCounts, bool IsOffice);

public sealed record DepartmentOption(int Id, string Name);

/// <summary>A measure in the list.</summary>
public sealed record MeasureRow(int Id, string Title, int AreaNumber, string? SubAreaLetter, string ClassificationCode, bool IsPriority, IReadOnlyList<string> Departments);

/// <summary>The list's filters, kept by the pager and the search box.</summary>
public sealed record MeasureFilter(int? Area, int? Classification, int? Department);

public sealed record MeasureListViewModel(Guideline Guideline, GuidelinePeriod Period, PageOf<MeasureRow> Page, ListQuery Query, MeasureFilter Filter, IReadOnlyList<DepartmentOption> Departments, GuidelineViewer Viewer);

/// <summary>One year's progress as the measure page shows it.</summary>
public sealed record ProgressRow(int FiscalYear, MeasureProgress? Progress, DateOnly DueOn, bool IsOverdue);

public sealed record MeasurePageViewModel(GuidelineMeasure Measure, IReadOnlyList<string> Departments, IReadOnlyList<ProgressRow> Years, GuidelineViewer Viewer);

public sealed record MeasureFormViewModel(int? MeasureId, int PeriodId, Guideline Guideline, IReadOnlyList<DepartmentOption> Departments, MeasureInput Input);

public sealed record ProgressFormViewModel(GuidelineMeasure Measure, int FiscalYear, MeasureProgress? Progress, ProgressInput Input, GuidelineViewer Viewer);

/// <summary>One cell of the matrix: the status and where the record is in the review.</summary>
public sealed record MatrixCell(MeasureProgressStatus Status, ProgressReviewStatus Review);

public sealed record MatrixRow(int Id, string Title, int AreaNumber, string? SubAreaLetter, string ClassificationCode, bool IsPriority, IReadOnlyDictionary<int, MatrixCell> Cells);

/// <summary>A measure whose record of the chosen year is overdue.</summary>
public sealed record OverdueMeasure(int Id, string Title, ProgressReviewStatus? Review, int Days);

public sealed record MatrixViewModel(Guideline Guideline, GuidelinePeriod Period, IReadOnlyList<MatrixRow> Rows, int OverdueYear, DateOnly DueOn, DateOnly Today, IReadOnlyList<OverdueMeasure> Overdue);

/// <summary>What a progress form acts on: the measure (tracked, with its period) and the year's record, if any.</summary>
public sealed record ProgressTarget(GuidelineMeasure Measure, MeasureProgress? Progress);

/// <summary>The scheme's add or edit form (one partial for both).</summary>
public sealed record ClassificationFormModel(string Action, string Key, string? Code, string? Description, bool IsPriority, string Button);
