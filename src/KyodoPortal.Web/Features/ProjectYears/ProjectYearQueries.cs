using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Infrastructure.Formatting;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.ProjectYears;

/// <summary>
/// Builds the fiscal-year page from a fixed number of queries — the plan versions, the year's
/// records and the project's reports — and the domain's figures (deviations, KPI results, budget
/// execution) computed in memory.
/// </summary>
public static class ProjectYearQueries
{
    public static async Task<ProjectYearViewModel> PageAsync(KyodoDbContext db, Project project, int fiscalYear, ProjectSide side, CancellationToken cancellationToken)
    {
        // Every version, oldest first: the last is the current plan (what ProjectQueries.CurrentPlanAsync
        // returns), the first the baseline, and consecutive pairs say which change moved a budget line.
        var versions = await db.ProjectPlans.AsNoTracking()
            .Where(p => p.ProjectId == project.Id)
            .OrderBy(p => p.Number)
            .ToListAsync(cancellationToken);
        var records = await db.ActivityRecords.AsNoTracking()
            .Where(a => a.ProjectId == project.Id && a.FiscalYear == fiscalYear)
            .OrderBy(a => a.HeldOn).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var reports = await db.AnnualReports.AsNoTracking().AsSplitQuery()
            .Where(r => r.ProjectId == project.Id)
            .ToListAsync(cancellationToken);
        var latestReports = reports
            .GroupBy(r => r.FiscalYear)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Revision).First());

        var current = versions.LastOrDefault();
        var report = latestReports.GetValueOrDefault(fiscalYear);
        var lines = records.Select(r => new ActivityLine(r, current is null ? null : PlanDeviations.ForActivity(r, current.Content))).ToList();

        return new ProjectYearViewModel(
            project.Id,
            project.Title,
            new FiscalYear(fiscalYear),
            project.CoversFiscalYear(fiscalYear - 1) ? fiscalYear - 1 : null,
            project.CoversFiscalYear(fiscalYear + 1) ? fiscalYear + 1 : null,
            side,
            project.Status == ProjectStatus.InProgress,
            current is null ? null : Plan(current, fiscalYear),
            new YearActivities(lines),
            report is null ? null : new YearReport(report.Revision, report.Status),
            current is null ? [] : Kpis(project, current.Content, fiscalYear, latestReports),
            current is null ? null : Budget(versions, fiscalYear, report));
    }

    private static YearPlan Plan(ProjectPlan current, int fiscalYear) =>
        new(
            current.Number,
            current.Content.Activities,
            current.Content.PlannedParticipantFees(fiscalYear),
            current.Content.BudgetTotals(fiscalYear));

    private static List<YearKpi> Kpis(Project project, PlanContent plan, int fiscalYear, Dictionary<int, AnnualReport> reports)
    {
        var report = reports.GetValueOrDefault(fiscalYear);
        var results = report is null ? KpiResults.For(plan, fiscalYear, []) : KpiResults.For(report, plan);
        var years = Enumerable.Range(project.StartFiscalYear, project.TermYears).ToList();
        var kpis = new List<YearKpi>();
        foreach (var result in results)
        {
            var reported = report?.KpiActuals.Any(a => string.Equals(a.KpiName, result.KpiName, StringComparison.Ordinal)) == true;
            if (result.Kind != KpiKind.Quantitative)
            {
                kpis.Add(new YearKpi(result, reported, [], null));
                continue;
            }

            var history = years.Select(year => new KpiChartPoint(
                year,
                DisplayFormat.FiscalYear(new FiscalYear(year)),
                plan.TargetFor(result.KpiName, year)?.TargetValue,
                reports.GetValueOrDefault(year)?.KpiActuals.FirstOrDefault(a => string.Equals(a.KpiName, result.KpiName, StringComparison.Ordinal))?.ActualValue)).ToList();
            kpis.Add(new YearKpi(result, reported, history, KpiChart.Build(history)));
        }

        return kpis;
    }

    private static YearBudget Budget(List<ProjectPlan> versions, int fiscalYear, AnnualReport? report)
    {
        var baseline = versions[0];
        var current = versions[^1];
        var table = report is null ? BudgetExecution.For(current.Content, fiscalYear, []) : BudgetExecution.For(report, current.Content);
        var fromBaseline = BudgetSubjects(PlanComparison.Between(baseline.Content, current.Content));
        var rows = table.Rows.Select(row =>
        {
            var subject = Subject(fiscalYear, row);
            int? changeRequestId = null;
            if (fromBaseline.Contains(subject))
            {
                // The latest approved change that touched this line.
                for (var i = versions.Count - 1; i > 0 && changeRequestId is null; i--)
                {
                    if (BudgetSubjects(PlanComparison.Between(versions[i - 1].Content, versions[i].Content)).Contains(subject))
                    {
                        changeRequestId = versions[i].ChangeRequestId;
                    }
                }
            }

            return new YearBudgetRow(row, changeRequestId);
        }).ToList();
        return new YearBudget(report is not null, rows, table.Expense, table.Income);
    }

    private static HashSet<string> BudgetSubjects(IEnumerable<PlanChange> changes) =>
        [.. changes.Where(c => c.Area is PlanArea.Budget or PlanArea.ParticipantFee).Select(c => c.Subject)];

    /// <summary>How <see cref="PlanComparison"/> names a budget line: 令和7年度 参加費（セミナー参加費）.</summary>
    private static string Subject(int fiscalYear, BudgetExecutionRow row) =>
        $"{new FiscalYear(fiscalYear).ToJapaneseLabel()} {row.Label}";
}
