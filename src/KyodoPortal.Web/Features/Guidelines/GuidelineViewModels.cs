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

public sealed record MeasurePageViewModel(GuidelineMeasure Measure, IReadOnlyList<string> Departments, IReadOnlyList<ProgressRow> Years, GuidelineViewer Viewer, MeasureHistory History, IReadOnlyList<MeasureLinkRow> Links, IReadOnlyList<LinkOption> LinkOptions);

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

/// <summary>What the review table shows of a review (the same for a measure's review and an addition).</summary>
public sealed record ReviewCells(
    ReviewImplementation? Implementation,
    MeasureEffectiveness? Effectiveness,
    ReviewNecessity? Necessity,
    string? Results,
    MeasureDecision? Proposal,
    int Opinions,
    MeasureDecision? Decision,
    int? NextMeasureId,
    string? NextTitle,
    string? NextClassificationCode)
{
    public static readonly ReviewCells None = new(null, null, null, null, null, 0, null, null, null, null);
}

/// <summary>A line of the review table: a measure of the period (<see cref="MeasureId"/>) or an addition (none).</summary>
public sealed record ReviewTableRow(int? ReviewId, int? MeasureId, string Title, int AreaNumber, string? SubAreaLetter, string? ClassificationCode, bool IsPriority, ReviewCells Cells)
{
    public bool IsAddition => MeasureId is null;
}

public sealed record ReviewTableViewModel(Guideline Guideline, GuidelinePeriod Period, GuidelinePeriod? NextPeriod, IReadOnlyList<ReviewTableRow> Rows, bool NextHasMeasures, bool IsOffice)
{
    public int Unreviewed => Rows.Count(r => r.ReviewId is null);

    public int Undecided => Rows.Count(r => r.Cells.Decision is null);
}

/// <summary>The review page; the inputs carry what was typed when a form comes back refused.</summary>
public sealed record ReviewPageViewModel(
    Guideline Guideline,
    MeasureReview Review,
    IReadOnlyList<string> Departments,
    IReadOnlyList<MeasureProgress> Progress,
    Infrastructure.People.PeopleNames People,
    AssessmentInput Assessment,
    ProposalInput Proposal,
    OpinionInput Opinion,
    DecisionInput Decision,
    bool IsOffice);

public sealed record AdditionFormViewModel(Guideline Guideline, GuidelinePeriod Period, AdditionInput Input);

/// <summary>The measure form's fields (<c>_MeasureFields</c>), named under <see cref="Prefix"/>.</summary>
public sealed record MeasureFieldsModel(string Prefix, Guideline Guideline, string? Title, int? AreaId, int? SubAreaId, int? ClassificationId, bool IsPriority, bool Required);

/// <summary>An earlier period's measure a measure continues, and what its review decided.</summary>
public sealed record HistoryStep(int MeasureId, int PeriodNumber, string Title, string ClassificationCode, MeasureDecision? Decision, int? ReviewId);

/// <summary>What the measure's own review decided and the measure it became.</summary>
public sealed record OwnReview(int ReviewId, MeasureDecision? Decision, int? NextMeasureId, string? NextTitle, int? NextPeriodNumber);

public sealed record MeasureHistory(IReadOnlyList<HistoryStep> Earlier, OwnReview? Own);

/// <summary>What the review's period forms act on: the guideline and the period under review.</summary>
public sealed record ReviewPeriod(Guideline Guideline, GuidelinePeriod Period);

/// <summary>What a review's forms act on: the guideline (the next text's places) and the review, tracked.</summary>
public sealed record ReviewTarget(Guideline Guideline, MeasureReview Review);
