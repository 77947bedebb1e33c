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
    /// order asked (by default the review each needs, earliest due first). A fixed number of queries.
    /// </summary>
    public static async Task<ContinuationDashboardViewModel> DashboardAsync(KyodoDbContext db, ContinuationPolicy policy, DateOnly today, ListRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var query = Columns.Query(request);
        var currentYear = FiscalYear.Of(today).StartYear;
        var inLastYear = db.Projects.AsNoTracking().AsSplitQuery()
            .Where(p => p.Status == ProjectStatus.InProgress && p.EndFiscalYear <= currentYear);
        if (query.Q is { } term)
        {
            inLastYear = inLastYear.Where(p => p.Title.Contains(term));
        }

        var projects = await inLastYear.ToListAsync(cancellationToken);
        var groupIds = projects.Select(p => p.ProposingGroupId).OfType<int>().Distinct().ToList();
        var departmentIds = projects.Select(p => p.PartnerDepartmentId).OfType<int>().Distinct().ToList();
        var groups = await db.CitizenGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var departments = await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);

        var lines = projects
            .Select(p => (Project: p, Review: policy.ReviewOf(p, today)))
            .Where(x => x.Review.State != ContinuationReviewState.NotDue)
            .Select(x => new ContinuationDueLine(
                x.Project.Id,
                x.Project.Title,
                x.Project.ProposingGroupId is { } g ? groups.GetValueOrDefault(g) : null,
                x.Project.PartnerDepartmentId is { } d ? departments.GetValueOrDefault(d) : null,
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
