using System.Runtime.CompilerServices;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.AnnualReports;

/// <summary>One fiscal year's report of a project on the overdue list; <see cref="Days"/> is days overdue, or days left when due soon.</summary>
public sealed record ReportDueLine(int ProjectId, string ProjectTitle, string? GroupName, int FiscalYear, AnnualReportStatus? Status, DateOnly Deadline, int Days)
{
    public string ReportUrl => $"/projects/{ProjectId}/reports/{FiscalYear}";
}

/// <summary>/reports/overdue: the reports past their deadline and those due within <see cref="ReportListQueries.DueSoonDays"/> days.</summary>
public sealed record ReportDueViewModel(DateOnly Today, IReadOnlyList<ReportDueLine> Overdue, IReadOnlyList<ReportDueLine> DueSoon, ListSort Sort);

/// <summary>A report that counts for its year, with its project and the project's current plan (for the exports).</summary>
public sealed record ReportOfRecord(int ProjectId, string ProjectTitle, string? GroupName, AnnualReport Report, PlanContent Plan);

public static class ReportListQueries
{
    public const int DueSoonDays = 30;

    /// <summary>
    /// The columns of the two tables (期限を過ぎた報告, 期限が近い報告): 事業名, 団体, 年度, 状態 (未作成 first,
    /// then the workflow's order), 提出期限 (the default, earliest first: the most overdue, then the
    /// fewest days left) and the days. The rows come from the deadline rule, so they are sorted in
    /// memory; the sort is stable, so a project's years stay in year order on a tie.
    /// </summary>
    public static SortColumns<ReportDueLine> DueColumns { get; } = new SortColumns<ReportDueLine>("deadline", defaultDescending: false, l => l.ProjectId)
        .Column("project", l => l.ProjectTitle)
        .Column("group", l => l.GroupName)
        .Column("year", l => l.FiscalYear)
        .Column("status", l => l.Status == null ? -1 : (int)l.Status).ThenBy(l => l.Deadline.DayNumber)
        .Column("deadline", l => l.Deadline.DayNumber)
        .Column("days", l => l.Days);

    /// <summary>
    /// For every 実施中 or 終了 project (a closed project still owes the reports of its term) and every fiscal year of its term that has ended by
    /// <paramref name="today"/>: overdue (missing, draft or returned after the deadline) or due soon.
    /// </summary>
    public static async Task<ReportDueViewModel> DueAsync(KyodoDbContext db, ReportDeadline deadline, DateOnly today, string? sort, string? dir, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        var order = DueColumns.Resolve(sort, dir);
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.Status == ProjectStatus.InProgress || p.Status == ProjectStatus.Closed)
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Title, p.ProposingGroupId, p.StartFiscalYear, p.EndFiscalYear })
            .ToListAsync(cancellationToken);
        var projectIds = projects.Select(p => p.Id).ToList();
        var reports = await db.AnnualReports.AsNoTracking()
            .Where(r => projectIds.Contains(r.ProjectId))
            .Select(r => new { r.ProjectId, r.FiscalYear, r.Revision, r.Status })
            .ToListAsync(cancellationToken);
        var statuses = reports
            .GroupBy(r => (r.ProjectId, r.FiscalYear))
            .ToDictionary(g => g.Key, g => CountingStatus(g.Select(r => (r.Revision, r.Status))));
        var groupNames = await GroupNamesAsync(db, projects.Select(p => p.ProposingGroupId), cancellationToken);

        var overdue = new List<ReportDueLine>();
        var dueSoon = new List<ReportDueLine>();
        foreach (var project in projects)
        {
            for (var fy = project.StartFiscalYear; fy <= project.EndFiscalYear; fy++)
            {
                if (new FiscalYear(fy).LastDay >= today)
                {
                    continue;
                }

                var status = statuses.TryGetValue((project.Id, fy), out var s) ? s : (AnnualReportStatus?)null;
                var due = deadline.For(fy);
                var groupName = project.ProposingGroupId is { } g ? groupNames.GetValueOrDefault(g) : null;
                if (deadline.IsOverdue(fy, today, status))
                {
                    overdue.Add(new ReportDueLine(project.Id, project.Title, groupName, fy, status, due, today.DayNumber - due.DayNumber));
                }
                else if ((status is null or AnnualReportStatus.Draft or AnnualReportStatus.Returned) && due.DayNumber - today.DayNumber <= DueSoonDays)
                {
                    dueSoon.Add(new ReportDueLine(project.Id, project.Title, groupName, fy, status, due, due.DayNumber - today.DayNumber));
                }
            }
        }

        return new ReportDueViewModel(today, DueColumns.Sort(overdue, order), DueColumns.Sort(dueSoon, order), order);
    }

    /// <summary>
    /// The status that counts for a year: accepted once any revision was accepted (a correction in
    /// progress does not make the year's report missing again), otherwise the latest revision's.
    /// </summary>
    public static AnnualReportStatus CountingStatus(IEnumerable<(int Revision, AnnualReportStatus Status)> revisions)
    {
        var list = revisions.ToList();
        return list.Any(r => r.Status == AnnualReportStatus.Accepted)
            ? AnnualReportStatus.Accepted
            : list.OrderByDescending(r => r.Revision).First().Status;
    }

    /// <summary>Reports read per batch by <see cref="ReportsOfRecordAsync"/>: a few hundred kilobytes of rows at a time.</summary>
    public const int ReportBatchSize = 500;

    /// <summary>
    /// Per project and year the report that counts: the latest accepted revision, otherwise the
    /// latest revision; with the project's current plan. Oldest project first, then by year. The
    /// reports are chosen in one query (their ids only) and read in batches of <see cref="ReportBatchSize"/>
    /// with their projects and current plans (four queries a batch), so an export of every report of
    /// twenty years holds one batch in memory at a time.
    /// </summary>
    public static async IAsyncEnumerable<ReportOfRecord> ReportsOfRecordAsync(
        KyodoDbContext db, [EnumeratorCancellation] CancellationToken cancellationToken, int batchSize = ReportBatchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var chosen = await db.AnnualReports
            .GroupBy(r => new { r.ProjectId, r.FiscalYear })
            .Select(g => new
            {
                g.Key.ProjectId,
                g.Key.FiscalYear,
                Id = g.OrderByDescending(r => r.Status == AnnualReportStatus.Accepted).ThenByDescending(r => r.Revision)
                    .Select(r => r.Id).First(),
            })
            .OrderBy(r => r.ProjectId).ThenBy(r => r.FiscalYear)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        foreach (var batch in chosen.Chunk(batchSize))
        {
            var reports = await db.AnnualReports.AsNoTracking().AsSplitQuery()
                .Where(r => batch.Contains(r.Id))
                .ToDictionaryAsync(r => r.Id, cancellationToken);
            var projectIds = reports.Values.Select(r => r.ProjectId).Distinct().ToList();
            var projects = await db.Projects.AsNoTracking()
                .Where(p => projectIds.Contains(p.Id))
                .Select(p => new
                {
                    p.Id,
                    p.Title,
                    GroupName = db.CitizenGroups.Where(g => g.Id == p.ProposingGroupId).Select(g => g.Name).FirstOrDefault(),
                })
                .ToDictionaryAsync(p => p.Id, cancellationToken);
            var plans = await db.ProjectPlans.AsNoTracking()
                .Where(p => projectIds.Contains(p.ProjectId)
                    && p.Number == db.ProjectPlans.Where(other => other.ProjectId == p.ProjectId).Max(other => other.Number))
                .ToDictionaryAsync(p => p.ProjectId, p => p.Content, cancellationToken);
            foreach (var id in batch)
            {
                var report = reports[id];
                if (plans.TryGetValue(report.ProjectId, out var plan))
                {
                    var project = projects[report.ProjectId];
                    yield return new ReportOfRecord(project.Id, project.Title, project.GroupName, report, plan);
                }
            }
        }
    }

    private static async Task<Dictionary<int, string>> GroupNamesAsync(KyodoDbContext db, IEnumerable<int?> ids, CancellationToken cancellationToken)
    {
        var groupIds = ids.OfType<int>().Distinct().ToList();
        return await db.CitizenGroups.AsNoTracking()
            .Where(g => groupIds.Contains(g.Id))
            .Select(g => new { g.Id, g.Name }).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
    }
}
