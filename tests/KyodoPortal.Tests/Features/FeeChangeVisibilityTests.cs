using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Tests.Support;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// Seed 000's rule, checked on the pages a reader opens: a fee that differs from the plan is
/// always visible — as a flagged deviation while no change is approved, and as an approved
/// change request (before → after, budget effect) once it is.
/// </summary>
[Trait("Category", "Database")]
public sealed class FeeChangeVisibilityTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task The_free_seminar_shows_as_a_deviation_until_the_change_is_approved_then_as_the_approved_change()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        await ProjectYearScenario.FreeSeminarAsync(s);
        await ReportScenario.StoredDraftAsync(s);
        using var department = await s.DepartmentStaffAsync();
        var reportUrl = $"{s.ProjectUrl}/reports/{s.FirstYear}";
        var yearUrl = $"{s.ProjectUrl}/years/{s.FirstYear}";

        var report = await department.GetPageAsync(reportUrl);
        Assert.Contains(ProjectYearScenario.FeeDeviation, report.Text("#activities"), StringComparison.Ordinal);
        Assert.NotNull(report.QuerySelector("#report-deviations"));
        Assert.NotNull(report.QuerySelector("#report-plan-changes-empty"));
        Assert.Contains(ProjectYearScenario.FeeDeviation, (await department.GetPageAsync(yearUrl)).Text("#activity-log"), StringComparison.Ordinal);
        Assert.NotNull((await department.GetPageAsync(s.ProjectUrl)).QuerySelector("#deviations-empty"));

        await ProjectYearScenario.ApprovedFreeSeminarsAsync(s);

        report = await department.GetPageAsync(reportUrl);
        Assert.Null(report.QuerySelector("#report-deviations"));
        Assert.DoesNotContain("計画と異なる", report.Text("#activities"), StringComparison.Ordinal);
        var feeRow = report.QuerySelectorAll("#report-plan-changes tbody tr").Select(r => r.TextContent).Single(t => t.Contains("参加費", StringComparison.Ordinal) && t.Contains("1,000円", StringComparison.Ordinal));
        Assert.Contains("−120,000円", feeRow.Replace("-", "−", StringComparison.Ordinal), StringComparison.Ordinal);
        var project = await department.GetPageAsync(s.ProjectUrl);
        Assert.Contains("参加費", project.Text("#deviations"), StringComparison.Ordinal);
        Assert.DoesNotContain("計画と異なる", (await department.GetPageAsync(yearUrl)).Text("#activity-log"), StringComparison.Ordinal);
    }
}
