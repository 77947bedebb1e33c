using System.ComponentModel.DataAnnotations;
using KyodoPortal.Domain.Evaluations;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Lists;
using KyodoPortal.Web.Features.AnnualReports;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Cases;

/// <summary>The outcome a case is searched by: the closing outcome, or 実施中 for a running project marked as a case.</summary>
public enum CaseOutcome
{
    [Display(Name = "成功")]
    Success,

    [Display(Name = "一部達成")]
    PartiallyAchieved,

    [Display(Name = "途中終了")]
    EndedEarly,

    [Display(Name = "実施中")]
    InProgress,
}

/// <summary>What a case-library search asks for; every part optional.</summary>
public sealed record CaseSearch(string? Q, int? Field, int? Department, CaseOutcome? Outcome)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Q) && Field is null && Department is null && Outcome is null;
}

/// <summary>One case in the list.</summary>
public sealed record CaseRow(
    int Id,
    string Title,
    string? GroupName,
    string? DepartmentName,
    int StartFiscalYear,
    int EndFiscalYear,
    ProjectStatus Status,
    ProjectOutcome? Outcome,
    bool IsPublished)
{
    public CaseOutcome ShownOutcome => CaseQueries.Shown(Outcome);
}

/// <summary>
/// One fiscal year of a project as the case page and the continuation review show it: the report
/// that counts for the year (its status; null when there is none), its KPIs (target against
/// actual) and its budget (plan against actual). This is the section the evaluations of each year
/// (評価・検証) join when they exist.
/// </summary>
public sealed record CaseYearRecord(
    int FiscalYear,
    AnnualReportStatus? ReportStatus,
    IReadOnlyList<KpiResult> Kpis,
    long PlannedExpense,
    BudgetExecutionTotal? ActualExpense,
    CaseYearEvaluation? Evaluation);

/// <summary>
/// The consolidated evaluation (総合評価) of a year as a case or the continuation review shows it:
/// the recommendation, and whether its feedback is published to the parties or the public.
/// </summary>
public sealed record CaseYearEvaluation(int RoundId, EvaluationRecommendation Recommendation, string? RequiredChanges, bool FeedbackPublished, bool FeedbackPublic);

/// <summary>Which consolidated evaluations a reader may see beside the years.</summary>
public enum EvaluationsShown
{
    /// <summary>The coordinator (continuation review): every consolidated evaluation, published or not.</summary>
    Consolidated,

    /// <summary>Staff reading a case: evaluations whose feedback is published to the parties.</summary>
    Published,

    /// <summary>The public case library: evaluations published to the public.</summary>
    Public,
}

/// <summary>The case page: the project, its parties, purpose, closing record and year records.</summary>
public sealed record CaseDetails(
    Project Project,
    ProjectNames Names,
    IReadOnlyList<ProjectPartyView> Parties,
    string? Purpose,
    IReadOnlyList<CaseYearRecord> Years)
{
    public CaseOutcome ShownOutcome => CaseQueries.Shown(Project.Closure?.Outcome);

    public long PlannedExpenseTotal => Years.Sum(y => y.PlannedExpense);

    /// <summary>The actual expenses over the years that have a report with figures; null when none has.</summary>
    public long? ActualExpenseTotal => Years.Any(y => y.ActualExpense is not null) ? Years.Sum(y => y.ActualExpense?.Actual ?? 0) : null;
}

/// <summary>The case list (staff /cases and the public /case-library) and the case page.</summary>
public static class CaseQueries
{
    /// <summary>事業名, 団体, 担当課, 事業期間 (the default: latest end first).</summary>
    private static SortColumns<Project> Columns(KyodoDbContext db) => new SortColumns<Project>("term", defaultDescending: true, p => p.Id)
        .Column("title", p => p.Title)
        .Column("group", p => db.CitizenGroups.Where(g => g.Id == p.ProposingGroupId).Select(g => g.Name).FirstOrDefault())
        .Column("department", p => db.Departments.Where(d => d.Id == p.PartnerDepartmentId).Select(d => d.Name).FirstOrDefault())
        .Column("term", p => p.EndFiscalYear).ThenBy(p => p.StartFiscalYear);

    /// <summary>The search as the list uses it: the keyword trimmed (blank = none), the order resolved.</summary>
    public static (CaseSearch Search, ListSort Sort) Resolve(KyodoDbContext db, CaseSearch search, string? sort, string? dir)
    {
        ArgumentNullException.ThrowIfNull(search);
        var query = Columns(db).Query(new ListRequest(search.Q, sort, dir));
        return (search with { Q = query.Q }, query.Sort);
    }

    /// <summary>Every closed project, and running projects marked as cases; <paramref name="publicOnly"/> keeps the published ones. Two queries.</summary>
    public static Task<PageOf<CaseRow>> SearchAsync(KyodoDbContext db, CaseSearch search, ListSort sort, bool publicOnly, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var query = Cases(db, publicOnly);
        if (!string.IsNullOrWhiteSpace(search.Q))
        {
            var term = search.Q.Trim();
            query = query.Where(p => p.Title.Contains(term)
                || (p.Closure != null && (p.Closure.Summary.Contains(term) || p.Closure.Lessons.Contains(term)))
                || (p.Agreement != null && p.Agreement.Purpose != null && p.Agreement.Purpose.Contains(term))
                || db.Proposals.Any(r => r.Id == p.ProposalId && r.Purpose != null && r.Purpose.Contains(term)));
        }

        if (search.Field is { } field)
        {
            // A project's fields: its proposing group's and those of the themes its call was made for.
            query = query.Where(p =>
                db.CitizenGroups.Any(g => g.Id == p.ProposingGroupId && g.Fields.Any(f => f.ActivityFieldId == field))
                || db.Calls.Any(c => c.Id == p.CallId && c.Themes.Any(t => db.Themes.Any(th => th.Id == t.ThemeId && th.Fields.Any(f => f.ActivityFieldId == field)))));
        }

        if (search.Department is { } department)
        {
            query = query.Where(p => p.PartnerDepartmentId == department
                || (p.Agreement != null && p.Agreement.Parties.Any(party => party.DepartmentId == department)));
        }

        if (search.Outcome == CaseOutcome.InProgress)
        {
            query = query.Where(p => p.Status == ProjectStatus.InProgress);
        }
        else if (search.Outcome is { } outcome)
        {
            // A local of the mapped type, so EF Core sends it through the column's string conversion.
            var closedAs = ClosedAs(outcome);
            query = query.Where(p => p.Closure != null && p.Closure.Outcome == closedAs);
        }

        return Columns(db).Apply(query, sort)
            .Select(p => new CaseRow(
                p.Id,
                p.Title,
                db.CitizenGroups.Where(g => g.Id == p.ProposingGroupId).Select(g => g.Name).FirstOrDefault(),
                db.Departments.Where(d => d.Id == p.PartnerDepartmentId).Select(d => d.Name).FirstOrDefault(),
                p.StartFiscalYear,
                p.EndFiscalYear,
                p.Status,
                p.Closure != null ? p.Closure.Outcome : null,
                p.IsCasePublished))
            .ToPageAsync(page, cancellationToken);
    }

    /// <summary>The case page; null when the project is not a case (or, for the public, not published).</summary>
    public static async Task<CaseDetails?> DetailsAsync(KyodoDbContext db, int id, bool publicOnly, CancellationToken cancellationToken)
    {
        var project = await Cases(db, publicOnly).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return null;
        }

        var names = await ProjectQueries.NamesAsync(db, project, cancellationToken);
        var purpose = project.Agreement?.Purpose
            ?? await db.Proposals.AsNoTracking().Where(r => r.Id == project.ProposalId).Select(r => r.Purpose).FirstOrDefaultAsync(cancellationToken);
        return new CaseDetails(project, names, ProjectPageQueries.Parties(project, names), purpose, await YearRecordsAsync(db, project, acceptedOnly: publicOnly, publicOnly ? EvaluationsShown.Public : EvaluationsShown.Published, cancellationToken));
    }

    /// <summary>
    /// Every fiscal year of the term with the report that counts for it (the latest accepted
    /// revision, else the latest), judged against the current plan; <paramref name="acceptedOnly"/>
    /// (the public page) shows the figures of accepted reports only. A fixed number of queries.
    /// </summary>
    public static async Task<IReadOnlyList<CaseYearRecord>> YearRecordsAsync(KyodoDbContext db, Project project, bool acceptedOnly, EvaluationsShown evaluationsShown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        var plan = (await ProjectQueries.CurrentPlanAsync(db, project.Id, cancellationToken))?.Content;
        var reports = await db.AnnualReports.AsNoTracking().AsSplitQuery()
            .Where(r => r.ProjectId == project.Id && (!acceptedOnly || r.Status == AnnualReportStatus.Accepted))
            .ToListAsync(cancellationToken);
        var counting = reports
            .GroupBy(r => r.FiscalYear)
            .ToDictionary(g => g.Key, g => g.Where(r => r.Status == AnnualReportStatus.Accepted).MaxBy(r => r.Revision) ?? g.MaxBy(r => r.Revision)!);
        var evaluationByYear = (await db.EvaluationRounds.AsNoTracking()
            .Where(r => r.ProjectId == project.Id && r.ConsolidatedAtUtc != null && r.Recommendation != null)
            .Where(r => evaluationsShown == EvaluationsShown.Consolidated
                || (evaluationsShown == EvaluationsShown.Published && r.FeedbackPublishedAtUtc != null)
                || (r.FeedbackPublishedAtUtc != null && r.FeedbackIsPublic))
            .Select(r => new { r.FiscalYear, Evaluation = new CaseYearEvaluation(r.Id, r.Recommendation!.Value, r.RequiredChanges, r.FeedbackPublishedAtUtc != null, r.FeedbackIsPublic) })
            .ToListAsync(cancellationToken))
            .ToDictionary(r => r.FiscalYear, r => r.Evaluation);
        var years = new List<CaseYearRecord>();
        for (var year = project.StartFiscalYear; year <= project.EndFiscalYear; year++)
        {
            var report = counting.GetValueOrDefault(year);
            var planned = plan?.BudgetFiscalYears().Contains(year) == true ? plan.BudgetTotals(year).ExpenseTotal : 0;
            years.Add(new CaseYearRecord(
                year,
                report is null ? null : ReportListQueries.CountingStatus(reports.Where(r => r.FiscalYear == year).Select(r => (r.Revision, r.Status))),
                report is null || plan is null ? [] : KpiResults.For(report, plan),
                planned,
                report is null || plan is null || report.BudgetActuals.Count == 0 ? null : BudgetExecution.For(report, plan).Expense,
                evaluationByYear.GetValueOrDefault(year)));
        }

        return years;
    }

    /// <summary>The outcome a case shows: its closing outcome, or 実施中.</summary>
    public static CaseOutcome Shown(ProjectOutcome? outcome) => outcome switch
    {
        ProjectOutcome.Success => CaseOutcome.Success,
        ProjectOutcome.PartiallyAchieved => CaseOutcome.PartiallyAchieved,
        ProjectOutcome.EndedEarly => CaseOutcome.EndedEarly,
        _ => CaseOutcome.InProgress,
    };

    private static ProjectOutcome ClosedAs(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.Success => ProjectOutcome.Success,
        CaseOutcome.PartiallyAchieved => ProjectOutcome.PartiallyAchieved,
        CaseOutcome.EndedEarly => ProjectOutcome.EndedEarly,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not a closing outcome."),
    };

    private static IQueryable<Project> Cases(KyodoDbContext db, bool publicOnly)
    {
        var query = db.Projects.AsNoTracking().Where(p => p.Status == ProjectStatus.Closed || (p.Status == ProjectStatus.InProgress && p.IsMarkedAsCase));
        return publicOnly ? query.Where(p => p.IsCasePublished) : query;
    }
}
