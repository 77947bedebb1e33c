using KyodoPortal.Tests.Support.Scenarios;
using System.Net;
using KyodoPortal.Domain.Common;
using KyodoPortal.Tests.Support;

namespace KyodoPortal.Tests.Features;

/// <summary>年度の実施状況: the plan for the year, the activity log with deviations, KPI targets against actuals, budget execution.</summary>
[Trait("Category", "Database")]
public sealed class ProjectYearTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    private static string Label(int year) => new FiscalYear(year).ToJapaneseLabel();

    [Fact]
    public async Task The_year_page_shows_the_plan_for_the_year_links_and_an_empty_log()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await s.GroupMemberAsync();

        var page = await member.GetPageAsync($"{s.ProjectUrl}/years/{s.FirstYear}");

        Assert.Equal(s.Project.Title, page.Text("h1"));
        Assert.Equal($"{Label(s.FirstYear)}の実施状況", page.Text("#year-label"));
        Assert.NotNull(page.QuerySelector($"a[href='{s.ProjectUrl}']"));
        Assert.NotNull(page.QuerySelector($"#report-link[href='{s.ProjectUrl}/reports/{s.FirstYear}']"));
        Assert.NotNull(page.QuerySelector($"#year-nav a[rel=next][href='{s.ProjectUrl}/years/{s.FirstYear + 1}']"));
        Assert.Null(page.QuerySelector("#year-nav a[rel=prev]"));
        Assert.Contains("計画は第1版（当初計画）です。", page.Text("#plan-version"));
        Assert.Equal(["就職支援セミナー 6回 20人"], page.Texts("#plan-activities tbody tr"));
        Assert.Equal("1,000円", page.Text("#plan-fee"));
        Assert.Equal("6回計画 / 0回実施", page.Text("#session-count"));
        Assert.Equal("まだ実施記録はありません。", page.Text("#no-activities"));
        Assert.NotNull(page.QuerySelector($"#add-activity[href='{s.ProjectUrl}/activities/new?fy={s.FirstYear}']"));

        var second = await member.GetPageAsync($"{s.ProjectUrl}/years/{s.FirstYear + 1}");
        Assert.NotNull(second.QuerySelector($"#year-nav a[rel=prev][href='{s.ProjectUrl}/years/{s.FirstYear}']"));
        Assert.Null(second.QuerySelector("#year-nav a[rel=next]"));
    }

    [Fact]
    public async Task A_year_outside_the_term_and_a_non_party_get_404_while_the_parties_read_the_page()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await s.GroupMemberAsync();
        using var other = await s.OtherGroupMemberAsync();
        using var staff = await s.DepartmentStaffAsync();
        using var coordinator = await s.CoordinatorAsync();

        await member.GetPageAsync($"{s.ProjectUrl}/years/{s.FirstYear - 1}", HttpStatusCode.NotFound);
        await member.GetPageAsync($"{s.ProjectUrl}/years/{s.FirstYear + 2}", HttpStatusCode.NotFound);
        await other.GetPageAsync($"{s.ProjectUrl}/years/{s.FirstYear}", HttpStatusCode.NotFound);
        await staff.GetPageAsync($"{s.ProjectUrl}/years/{s.FirstYear}");
        var office = await coordinator.GetPageAsync($"{s.ProjectUrl}/years/{s.FirstYear}");
        Assert.NotNull(office.QuerySelector("#add-activity"));
    }

    [Fact]
    public async Task The_fee_deviation_is_flagged_until_an_approved_change_makes_the_seminars_free()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        await ProjectYearScenario.FreeSeminarAsync(s);
        using var member = await s.GroupMemberAsync();
        var url = $"{s.ProjectUrl}/years/{s.FirstYear}";

        var flagged = await member.GetPageAsync(url);
        Assert.Equal("計画と異なる " + ProjectYearScenario.FeeDeviation, flagged.Text("#activity-log td.deviation"));
        Assert.Contains("35.0%", flagged.Text("#activity-log tbody tr"));
        Assert.NotNull(flagged.QuerySelector("#deviation-summary"));

        var changeId = await ProjectYearScenario.ApprovedFreeSeminarsAsync(s);
        var approved = await member.GetPageAsync(url);

        Assert.Null(approved.QuerySelector("#activity-log td.deviation"));
        Assert.Null(approved.QuerySelector("#deviation-summary"));
        Assert.Equal("計画どおり", approved.Text("#activity-log tbody tr td:nth-of-type(7)"));
        Assert.Contains("計画は第2版です（当初計画から変更あり）", approved.Text("#plan-version"));
        Assert.Equal("無料（0円）", approved.Text("#plan-fee"));
        var links = approved.QuerySelectorAll($"#budget-table a[href='{s.ProjectUrl}/changes/{changeId}']").Select(a => a.Closest("tr")!.QuerySelector("th")!.TextContent.Trim()).ToList();
        Assert.Equal(["参加費（セミナー参加費）", "需用費（教材印刷費）"], links.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Kpis_show_targets_as_unreported_until_a_report_gives_the_actual()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await s.GroupMemberAsync();
        var url = $"{s.ProjectUrl}/years/{s.FirstYear}";

        var before = await member.GetPageAsync(url);
        var row = before.QuerySelector("#kpi-table tbody tr[data-kpi='参加者数']")!;
        Assert.Equal("120人", row.Text("td:nth-of-type(1)"));
        Assert.Equal("未報告", row.Text("td:nth-of-type(2)"));
        Assert.Equal("未報告", before.Text("#budget-table tbody tr td:nth-of-type(3)"));

        await ReportScenario.StoredDraftAsync(s);
        var after = await member.GetPageAsync(url);

        row = after.QuerySelector("#kpi-table tbody tr[data-kpi='参加者数']")!;
        Assert.Equal("120人", row.Text("td:nth-of-type(1)"));
        Assert.Equal("42人", row.Text("td:nth-of-type(2)"));
        Assert.Equal("35.0%", row.Text("td:nth-of-type(3)"));
        Assert.Contains("第1版・下書き", after.Text("#kpi-source"));

        var svg = after.QuerySelector("#kpi-chart-1 svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("参加者数の目標と実績（年度別）", svg.QuerySelector("title")!.TextContent);
        Assert.Contains("目標 120人、実績 42人", svg.QuerySelector("desc")!.TextContent);
        Assert.Equal(2, svg.QuerySelectorAll("rect.kpi-chart__target").Length);
        Assert.Single(svg.QuerySelectorAll("rect.kpi-chart__actual"));
        Assert.Equal(
            [$"{Label(s.FirstYear)} 120人 42人 35.0%", $"{Label(s.FirstYear + 1)} 120人 未報告 —"],
            after.Texts("#kpi-chart-1 table tbody tr"));

        var fee = after.QuerySelectorAll("#budget-table tbody tr").Single(tr => tr.Text("th")!.StartsWith("参加費", StringComparison.Ordinal));
        Assert.Equal(["120,000円", "0円", "-120,000円", "-100.0%"], fee.QuerySelectorAll("td.num").Select(td => td.TextContent.Trim()));
    }

    [Fact]
    public async Task The_year_page_reads_in_English_too()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        await ProjectYearScenario.FreeSeminarAsync(s);
        await ReportScenario.StoredDraftAsync(s);
        using var member = await s.GroupMemberAsync();
        await member.FollowLinkAsync(await member.GetPageAsync("/"), ".language-switch a");

        var page = await member.GetPageAsync($"{s.ProjectUrl}/years/{s.FirstYear}");

        Assert.Equal($"FY{s.FirstYear}: progress", page.Text("#year-label"));
        Assert.Equal("Activity log", page.Text("#activities-heading"));
        Assert.Equal("6 planned / 1 held", page.Text("#session-count"));
        Assert.Contains($"FY{s.FirstYear}", page.Text("#kpi-chart-1 table tbody tr"));
    }

    [Fact]
    public async Task The_year_page_runs_a_fixed_number_of_queries()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        for (var i = 0; i < 4; i++)
        {
            await ProjectYearScenario.FreeSeminarAsync(s);
        }

        await ProjectYearScenario.ApprovedFreeSeminarsAsync(s);
        await ReportScenario.StoredDraftAsync(s);
        using var member = await s.GroupMemberAsync();

        factory.SqlCommands.Reset();
        await member.GetPageAsync($"{s.ProjectUrl}/years/{s.FirstYear}");

        // 13 since the agreement keeps a role per party (issue 13 item 7): one more split query of the project.
        Assert.InRange(factory.SqlCommands.Count, 1, 13);
    }
}
