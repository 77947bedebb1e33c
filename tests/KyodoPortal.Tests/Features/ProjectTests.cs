using KyodoPortal.Tests.Support.Scenarios;
using System.Net;
using KyodoPortal.Tests.Support;

namespace KyodoPortal.Tests.Features;

/// <summary>The project list and page: who sees which project, and what the page tells them.</summary>
[Trait("Category", "Database")]
public sealed class ProjectTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task Each_party_and_the_office_find_the_project_in_their_list_and_another_group_does_not()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var title = s.Project.Title;

        foreach (var client in new[] { await s.GroupMemberAsync(), await s.DepartmentStaffAsync(), await s.CoordinatorAsync() })
        {
            using (client)
            {
                var list = await client.GetPageAsync("/projects");
                var row = list.QuerySelectorAll("#projects tbody tr").Single(r => r.TextContent.Contains(title, StringComparison.Ordinal));
                var cells = row.Children.Select(c => c.TextContent.Trim()).ToList();
                Assert.Equal(s.Group.Name, cells[1]);
                Assert.Equal(s.Department.Name, cells[2]);
                Assert.Contains("年度〜", cells[3], StringComparison.Ordinal);
                Assert.Equal("実施中", cells[4]);
                Assert.Equal("第1版", cells[5]);
                Assert.Equal("0", cells[6]);
            }
        }

        using var other = await s.OtherGroupMemberAsync();
        var otherList = await other.GetPageAsync("/projects");
        Assert.DoesNotContain(title, otherList.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(otherList.QuerySelector("#projects-empty"));
    }

    [Fact]
    public async Task Another_groups_member_gets_404_on_every_page_of_the_project()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var other = await s.OtherGroupMemberAsync();

        foreach (var path in new[] { "", "/agreement", "/agreement/print", "/agreement/edit", "/plan", "/plan/1", "/changes/new", "/changes/999999" })
        {
            await other.GetPageAsync(s.ProjectUrl + path, HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Project_page_shows_parties_term_baseline_plan_and_the_years()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await s.GroupMemberAsync();

        var page = await member.GetPageAsync(s.ProjectUrl);

        Assert.Equal("実施中", page.Text("#project-status"));
        Assert.Equal([$"{s.Group.Name}（市民活動団体）", $"{s.Department.Name}（市の担当課）"], page.Texts("#project-parties li"));
        Assert.Equal($"/proposals/{s.Proposal.Id}", page.QuerySelector("#baseline-proposal")!.GetAttribute("href"));
        Assert.StartsWith("締結済み", page.Text("#agreement-status"), StringComparison.Ordinal);
        Assert.StartsWith("第1版", page.Text("#current-plan-summary"), StringComparison.Ordinal);
        Assert.Equal(["420,000円", "420,000円"], page.Texts("#current-plan-budget tbody tr td:nth-child(2)"));
        Assert.NotNull(page.QuerySelector("#deviations-empty"));
        Assert.NotNull(page.QuerySelector("#change-requests-empty"));
        Assert.NotNull(page.QuerySelector("#new-change-request"));
        var links = page.QuerySelectorAll("#project-years a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"{s.ProjectUrl}/years/{s.FirstYear}", links);
        Assert.Contains($"{s.ProjectUrl}/reports/{s.FirstYear + 1}", links);
    }

    [Fact]
    public async Task Plan_page_shows_the_baseline_with_budget_totals_kpi_targets_and_history()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var staff = await s.DepartmentStaffAsync();

        var page = await staff.GetPageAsync(s.ProjectUrl + "/plan");

        Assert.Contains(ProjectScenario.SeminarActivity, page.Texts("#plan-activities th[scope=row]"));
        Assert.Contains("420,000円", page.Texts($"#plan-budget-{s.FirstYear} tfoot td"));
        Assert.Contains("120人", page.Texts("#plan-kpis td"));
        Assert.Equal(["第1版"], page.Texts("#plan-versions th[scope=row]"));
        Assert.Equal("この版は当初計画です。", page.Text("#deviations-empty"));
        await staff.GetPageAsync(s.ProjectUrl + "/plan/2", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_department_only_project_has_no_group_column_or_empty_group_row_in_its_plan()
    {
        var s = await ProjectScenario.CreateAsync(factory, departmentOnly: true);
        using var staff = await s.DepartmentStaffAsync();

        // The proposal's 受付 row had only a 団体 role: with no group among the parties it is not drafted.
        var plan = await staff.GetPageAsync(s.ProjectUrl + "/plan");
        Assert.Equal(["項目", $"甲 {s.Department.Name}（市の担当課）", $"乙 {s.CoSigningDepartment!.Name}（市の担当課）"], plan.Texts("#plan-roles thead th"));
        Assert.Equal(["広報"], plan.Texts("#plan-roles tbody th[scope=row]"));
        Assert.Equal(["広報紙への掲載", ""], plan.Texts("#plan-roles tbody td"));

        var form = await staff.GetPageAsync(s.ProjectUrl + "/changes/new");
        Assert.Equal(3, form.QuerySelectorAll("#role-rows thead th").Length);
        Assert.DoesNotContain(form.Texts("#role-rows thead th"), heading => heading.Contains("団体", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_project_without_a_signed_agreement_has_no_plan_and_offers_no_change_request()
    {
        var s = await ProjectScenario.CreateAsync(factory, agreementSigned: false);
        using var member = await s.GroupMemberAsync();

        var page = await member.GetPageAsync(s.ProjectUrl);

        Assert.Equal("協定準備中", page.Text("#project-status"));
        Assert.NotNull(page.QuerySelector("#current-plan-empty"));
        Assert.Null(page.QuerySelector("#new-change-request"));
        Assert.NotNull((await member.GetPageAsync(s.ProjectUrl + "/plan")).QuerySelector("#plan-empty"));
        await member.GetPageAsync(s.ProjectUrl + "/changes/new", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Project_pages_run_a_fixed_number_of_queries_however_many_projects_and_requests_there_are()
    {
        var scenarios = new List<ProjectScenario>();
        for (var i = 0; i < 3; i++)
        {
            scenarios.Add(await ProjectScenario.CreateAsync(factory));
        }

        var s = scenarios[^1];
        using var member = await s.GroupMemberAsync();
        for (var i = 0; i < 3; i++)
        {
            var form = await member.GetPageAsync(s.ProjectUrl + "/changes/new");
            await member.SubmitAndFollowAsync(form, "main form", ("Input.Plan.Activities[0].TimesPerYear", (7 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.Reason", "回数を増やす"));
        }

        var changeId = await factory.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.MaxAsync(db.ChangeRequests.Where(c => c.ProjectId == s.Project.Id), c => c.Id));
        using var office = await s.CoordinatorAsync();
        // The project aggregate is loaded in split queries; its agreement's roles per party (issue 13 item 7) are one of them.
        foreach (var (url, budget) in new[] { ("/projects", 3), (s.ProjectUrl, 9), (s.ProjectUrl + "/plan", 11), (s.ProjectUrl + "/agreement", 6), (s.ProjectUrl + "/changes/new", 7), ($"{s.ProjectUrl}/changes/{changeId}", 12) })
        {
            factory.SqlCommands.Reset();
            using var response = await office.Http.GetAsync(url);
            Assert.True(factory.SqlCommands.Count <= budget, $"{url} ran {factory.SqlCommands.Count} SQL commands (budget {budget}).");
        }
    }
}
