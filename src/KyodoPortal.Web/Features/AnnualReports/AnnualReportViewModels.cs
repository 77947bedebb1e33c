using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Infrastructure.People;

namespace KyodoPortal.Web.Features.AnnualReports;

/// <summary>The inputs of the forms on the report page, kept when one of them is refused.</summary>
public sealed record ReportForms(
    ReportTransitionInput Resubmit,
    ReportTransitionInput Return,
    ReportTransitionInput Accept,
    DepartmentCommentInput Comment,
    CorrectionInput Correction)
{
    public static ReportForms For(AnnualReport? report) => new(
        new ReportTransitionInput { Version = report?.Version ?? 0 },
        new ReportTransitionInput { Version = report?.Version ?? 0 },
        new ReportTransitionInput { Version = report?.Version ?? 0 },
        new DepartmentCommentInput { Comment = report?.DepartmentComment, Rating = report?.DepartmentRating, Version = report?.Version ?? 0 },
        new CorrectionInput());
}

/// <summary>/projects/{id}/reports/{fy}: the latest revision of the year's report, its figures and what the viewer may do.</summary>
public sealed record ReportPageViewModel(
    Project Project,
    ProjectNames Names,
    int FiscalYear,
    ProjectSide Side,
    AnnualReport? Report,
    IReadOnlyList<AnnualReport> EarlierRevisions,
    IReadOnlyList<ActivityRecord> Activities,
    IReadOnlyList<ActivityRecordDeviation> Deviations,
    IReadOnlyList<PlanChange> ApprovedChanges,
    IReadOnlyList<KpiResult> Kpis,
    BudgetExecutionTable? Budget,
    IReadOnlyList<ReportProblem> Problems,
    IReadOnlyDictionary<string, string> People,
    bool YearStarted,
    ReportForms Forms)
{
    public FiscalYear Year => new(FiscalYear);

    public ReportActor? Actor => ProjectAccess.ReportActorOf(Side);

    public string ReportUrl => $"/projects/{Project.Id}/reports/{FiscalYear}";

    public bool CanStart => Report is null && Side == ProjectSide.Group && YearStarted && Project.Status is ProjectStatus.InProgress or ProjectStatus.Closed;

    public bool CanEdit => Report is not null && Actor is { } actor && Report.CanEdit(actor);

    public bool CanSubmit => Allowed(AnnualReportStatus.Submitted);

    public bool CanResubmit => Allowed(AnnualReportStatus.Resubmitted);

    public bool CanReturn => Allowed(AnnualReportStatus.Returned);

    public bool CanAccept => Allowed(AnnualReportStatus.Accepted);

    public bool CanComment => Report is not null && Actor is { } actor && Report.CanComment(actor);

    /// <summary>The group or the office may correct an accepted report by starting the next revision.</summary>
    public bool CanCorrect => Report is { Status: AnnualReportStatus.Accepted } && Side is ProjectSide.Group or ProjectSide.Office;

    public string PersonName(string userId) => People.GetValueOrDefault(userId) ?? userId;

    private bool Allowed(AnnualReportStatus target) => Report is not null && Actor is { } actor && Report.CanMoveTo(target, actor);
}

/// <summary>/projects/{id}/reports/{fy}/edit.</summary>
public sealed record ReportEditViewModel(
    Project Project,
    ProjectNames Names,
    AnnualReport Report,
    PlanContent Plan,
    AnnualReportInput Input)
{
    public FiscalYear Year => new(Report.FiscalYear);

    public string ReportUrl => $"/projects/{Project.Id}/reports/{Report.FiscalYear}";

    public PlanKpi? PlannedKpi(string? name) => Plan.Kpis.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.Ordinal));

    public long? PlannedAmount(BudgetActualRow row) =>
        row.Planned
            ? Plan.BudgetLinesOf(Report.FiscalYear).Where(l => l.Category == row.Category && string.Equals(l.Item, row.Item, StringComparison.Ordinal)).Sum(l => l.Amount)
            : null;
}
