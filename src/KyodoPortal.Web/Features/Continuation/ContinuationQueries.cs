using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Continuation;

/// <summary>One project on the continuation dashboard; <see cref="Days"/> is days overdue, or days left when due.</summary>
public sealed record ContinuationDueLine(
    int ProjectId,
    string ProjectTitle,
    string? GroupName,
    string? DepartmentName,
    int StartFiscalYear,
    int EndFiscalYear,
    ContinuationReviewState State,
    DateOnly DueOn,
    int Days)
{
    public bool IsPastTerm(DateOnly today) => FiscalYear.Of(today).StartYear > EndFiscalYear;
}

/// <summary>/continuation: the reviews overdue, due, and the projects decided to end that still wait to be closed.</summary>
public sealed record ContinuationDashboardViewModel(
    DateOnly Today,
    ContinuationPolicy Policy,
    IReadOnlyList<ContinuationDueLine> Overdue,
    IReadOnlyList<ContinuationDueLine> Due,
    IReadOnlyList<ContinuationDueLine> ToClose,
    ListQuery Query);

public static class ContinuationQueries
{
    /// <summary>
    /// The columns of the two review tables (期限切れ, 最終年度): 事業名, 団体, 担当課, 事業期間, 審査期限 (the
    /// default, earliest first: the most overdue, then the fewest days left) and the days. The rows
    /// come from the policy (<see cref="ContinuationPolicy.ReviewOf"/>), so they are sorted in memory.
    /// </summary>
    public static SortColumns<ContinuationDueLine> Columns { get; } = new SortColumns<ContinuationDueLine>("due", defaultDescending: false, l => l.ProjectId)
        .Column("project", l => l.ProjectTitle)
        .Column("group", l => l.GroupName)
        .Column("department", l => l.DepartmentName)
        .Column("term", l => l.StartFiscalYear).ThenBy(l => l.EndFiscalYear)
        .Column("due", l => l.DueOn.DayNumber)
        .Column("days", l => l.Days);

    /// <summary>
    /// The 実施中 projects in or past their last fiscal year whose title contains the search, in the
    /// order asked (by default the review each needs, earliest due first). One query: a row of figures
    /// per project, not the project aggregate (one 実施中 project in its last year costs a row, whatever
    /// its agreement and decisions hold).
    /// </summary>
    public static async Task<ContinuationDashboardViewModel> DashboardAsync(KyodoDbContext db, ContinuationPolicy policy, DateOnly today, ListRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var query = Columns.Query(request);
        var currentYear = FiscalYear.Of(today).StartYear;
        var inLastYear = db.Projects.AsNoTracking()
            .Where(p => p.Status == ProjectStatus.InProgress && p.EndFiscalYear <= currentYear);
        if (query.Q is { } term)
        {
            inLastYear = inLastYear.Where(p => p.Title.Contains(term));
        }

        // The figures the policy needs and the names, in one statement: no project aggregate is loaded.
        var projects = await inLastYear
            .Select(p => new
            {
                p.Id,
                p.Title,
                GroupName = p.ProposingGroupId == null ? null : db.CitizenGroups.Where(g => g.Id == p.ProposingGroupId).Select(g => g.Name).FirstOrDefault(),
                DepartmentName = p.PartnerDepartmentId == null ? null : db.Departments.Where(d => d.Id == p.PartnerDepartmentId).Select(d => d.Name).FirstOrDefault(),
                p.StartFiscalYear,
                p.EndFiscalYear,
                p.Status,
                CurrentTermOutcome = p.ContinuationDecisions
                    .Where(d => d.PreviousEndFiscalYear == p.EndFiscalYear)
                    .OrderByDescending(d => d.Number)
                    .Select(d => (ContinuationOutcome?)d.Outcome)
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var lines = projects
            .Select(p => (Project: p, Review: policy.ReviewOf(p.Status, p.EndFiscalYear, p.CurrentTermOutcome, today)))
            .Where(x => x.Review.State != ContinuationReviewState.NotDue)
            .Select(x => new ContinuationDueLine(
                x.Project.Id,
                x.Project.Title,
                x.Project.GroupName,
                x.Project.DepartmentName,
                x.Project.StartFiscalYear,
                x.Project.EndFiscalYear,
                x.Review.State,
                x.Review.DueOn,
                Math.Abs(today.DayNumber - x.Review.DueOn.DayNumber)))
            .ToList();
        return new ContinuationDashboardViewModel(
            today,
            policy,
            Columns.Sort(lines.Where(l => l.State == ContinuationReviewState.Overdue), query.Sort),
            Columns.Sort(lines.Where(l => l.State == ContinuationReviewState.Due), query.Sort),
            [.. lines.Where(l => l.State == ContinuationReviewState.DecidedToEnd).OrderBy(l => l.ProjectId)],
            query);
    }
}
