using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Web.Features.Projects;

namespace KyodoPortal.Web.Features.ProjectYears;

/// <summary>The fiscal-year page (年度の実施状況): the year's plan, activity log, KPIs and budget execution.</summary>
public sealed record ProjectYearViewModel(
    int ProjectId,
    string ProjectTitle,
    FiscalYear Year,
    int? PreviousYear,
    int? NextYear,
    ProjectSide Side,
    bool InProgress,
    YearPlan? Plan,
    YearActivities Activities,
    YearReport? Report,
    IReadOnlyList<YearKpi> Kpis,
    YearBudget? Budget)
{
    /// <summary>Every party records activities while the project is 実施中.</summary>
    public bool CanRecord => InProgress && Side != ProjectSide.None;

    /// <summary>Change requests are made by the group or the department (the office approves them).</summary>
    public bool CanRequestChange => InProgress && Side is ProjectSide.Group or ProjectSide.Department;

    /// <summary>団体 and 担当課 each write a self-evaluation; another party of the agreement reads the feedback only.</summary>
    public bool WritesSelfEvaluation => Side is ProjectSide.Group or ProjectSide.Department;
}

/// <summary>The current plan's content for the year, and which version it is.</summary>
public sealed record YearPlan(
    int Number,
    IReadOnlyList<PlanActivity> Activities,
    IReadOnlyList<long> ParticipantFees,
    BudgetYear Totals)
{
    public bool ChangedFromBaseline => Number != ProjectPlan.BaselineNumber;

    /// <summary>Sessions the plan promises this year: the sum of every activity's times per year.</summary>
    public int PlannedSessions => Activities.Sum(activity => activity.TimesPerYear);
}

/// <summary>An activity record and how it deviates from the current plan (null when it does not).</summary>
public sealed record ActivityLine(ActivityRecord Record, PlanDeviation? Deviation);

/// <summary>
/// The year's records in date order with their totals. The yearly attendance rate is taken over
/// the records that have both a capacity and an attendance, so an event without seats does not
/// inflate it.
/// </summary>
public sealed record YearActivities(IReadOnlyList<ActivityLine> Lines)
{
    public int Count => Lines.Count;

    public int CapacityTotal => Lines.Sum(line => line.Record.Capacity ?? 0);

    public int AttendanceTotal => Lines.Sum(line => line.Record.Attendance ?? 0);

    public Percentage? AttendanceRate
    {
        get
        {
            var rated = Lines.Where(line => line.Record.AttendanceRate is not null).ToList();
            return ProjectFigures.AttendanceRate(rated.Sum(line => line.Record.Attendance), rated.Sum(line => line.Record.Capacity));
        }
    }

    public int DeviationCount => Lines.Count(line => line.Deviation is not null);
}

/// <summary>The year's latest annual report (highest revision), whatever its state.</summary>
public sealed record YearReport(int Revision, AnnualReportStatus Status);

/// <summary>One KPI of the year with, for a quantitative KPI, its chart over the term.</summary>
public sealed record YearKpi(KpiResult Result, bool Reported, IReadOnlyList<KpiChartPoint> History, KpiChartModel? Chart);

/// <summary>A budget heading of the year and, when an approved change moved it away from the baseline, that change request.</summary>
public sealed record YearBudgetRow(BudgetExecutionRow Row, int? ChangeRequestId);

/// <summary>The year's budget execution; <see cref="Reported"/> is false when only the plan is known.</summary>
public sealed record YearBudget(bool Reported, IReadOnlyList<YearBudgetRow> Rows, BudgetExecutionTotal Expense, BudgetExecutionTotal Income);
