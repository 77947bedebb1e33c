using KyodoPortal.Tests.Support.Scenarios;
using System.Net;
using KyodoPortal.Domain.Organizations;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// 事例集: every closed project and every running project the office marks is a case. Staff
/// search all cases by field, department, outcome and keyword (/cases); the public sees the
/// published ones only (/case-library), and an unpublished case is not found.
/// </summary>
[Trait("Category", "Database")]
public sealed class CaseLibraryTests
{
    private const int Employment = 5; // 就労支援
    private const int Environment = 7; // 環境

    [Fact]
    public async Task Each_filter_of_the_staff_search_returns_exactly_the_matching_cases()
    {
        using var factory = new KyodoWebFactory();
        var success = await ProjectScenario.CreateAsync(factory);
        var partial = await ProjectScenario.CreateAsync(factory);
        var early = await ProjectScenario.CreateAsync(factory);
        var running = await ProjectScenario.CreateAsync(factory);
        var notACase = await ProjectScenario.CreateAsync(factory);
        await ContinuationScenario.CloseAsync(success, ProjectOutcome.Success, lessons: "商店会との連携が鍵だった。");
        await ContinuationScenario.CloseAsync(partial, ProjectOutcome.PartiallyAchieved);
        await ContinuationScenario.CloseAsync(early, ProjectOutcome.EndedEarly);
        await ContinuationScenario.MarkCaseAsync(running, marked: true, published: false);
        await TagGroupAsync(factory, success, Employment);
        await TagGroupAsync(factory, early, Employment);
        await TagGroupAsync(factory, partial, Environment);
        await TagGroupAsync(factory, notACase, Employment);
        using var office = await success.CoordinatorAsync();

        Assert.Equal(Ids(success, partial, early, running), await FoundAsync(office, "/cases"));
        Assert.Equal(Ids(success, early), await FoundAsync(office, $"/cases?field={Employment}"));
        Assert.Equal(Ids(partial), await FoundAsync(office, $"/cases?department={partial.Department.Id}"));
        Assert.Equal(Ids(early), await FoundAsync(office, "/cases?outcome=EndedEarly"));
        Assert.Equal(Ids(partial), await FoundAsync(office, "/cases?outcome=PartiallyAchieved"));
        Assert.Equal(Ids(running), await FoundAsync(office, "/cases?outcome=InProgress"));
        Assert.Equal(Ids(success), await FoundAsync(office, "/cases?q=商店会"));
        Assert.Equal(Ids(success), await FoundAsync(office, $"/cases?field={Employment}&outcome=Success&q=商店会"));
        Assert.Empty(await FoundAsync(office, $"/cases?field={Environment}&outcome=Success"));
        var none = await office.GetPageAsync($"/cases?field={Environment}&outcome=Success");
        Assert.StartsWith("条件に合う事例はありません。", none.Text("#no-cases"), StringComparison.Ordinal);
        Assert.Equal("/cases", none.QuerySelector("#no-cases a.clear-search")!.GetAttribute("href"));

        var row = (await office.GetPageAsync($"/cases?q=商店会")).QuerySelector($"#cases tr[data-case='{success.Project.Id}']")!.Texts("th, td");
        Assert.Equal([success.Project.Title, success.Group.Name, success.Department.Name], row.Take(3));
        Assert.Equal(["成功", "非公開"], row.Skip(4));
    }

    [Fact]
    public async Task The_case_page_shows_purpose_partners_years_budget_outcome_and_lessons()
    {
        using var factory = new KyodoWebFactory();
        var s = await ProjectScenario.CreateAsync(factory);
        await ContinuationScenario.CloseAsync(s, ProjectOutcome.Success, summary: "2年間で就職者10人。", lessons: "企業との連携は1年目から始める。");
        using var staff = await s.DepartmentStaffAsync();

        var page = await staff.GetPageAsync($"/cases/{s.Project.Id}");

        Assert.Equal("成功", page.Text("#case-outcome"));
        Assert.Equal(s.Proposal.Purpose, page.Text("#case-purpose"));
        Assert.Equal(2, page.QuerySelectorAll("#case-parties li").Length);
        Assert.Contains("（2年度）", page.Text("#case-term"), StringComparison.Ordinal);
        Assert.Equal("840,000円 ／ 決算の報告なし", page.Text("#case-budget"));
        Assert.Equal("2年間で就職者10人。", page.Text("#case-summary"));
        Assert.Equal("企業との連携は1年目から始める。", page.Text("#case-lessons"));
        Assert.Equal(["未作成", "未作成"], page.Texts("#case-years tbody td:nth-child(2)"));
        Assert.NotNull(page.QuerySelector("#no-kpi-results"));
    }

    [Fact]
    public async Task A_case_shows_the_kpi_targets_against_actuals_and_the_budget_of_its_accepted_report_also_to_the_public()
    {
        using var factory = new KyodoWebFactory();
        var s = await ProjectScenario.CreateAsync(factory);
        await ReportScenario.SubmittedAsync(s);
        using (var office = await s.CoordinatorAsync())
        {
            await office.SubmitAndFollowAsync(await office.GetPageAsync(ReportScenario.ReportUrl(s)), "#accept-form");
        }

        await ContinuationScenario.CloseAsync(s, ProjectOutcome.PartiallyAchieved);
        await ContinuationScenario.MarkCaseAsync(s, marked: false, published: true);
        using var staff = await s.DepartmentStaffAsync();
        using var anonymous = factory.CreatePageClient();

        foreach (var page in new[] { await staff.GetPageAsync($"/cases/{s.Project.Id}"), await anonymous.GetPageAsync($"/case-library/{s.Project.Id}") })
        {
            Assert.Equal([$"{Wareki(s.FirstYear)}年度", "参加者数", "120人", "42人", "35.0%"], page.QuerySelector("#case-kpis tbody tr")!.Texts("th, td"));
            Assert.Equal([$"{Wareki(s.FirstYear)}年度", "受理", "—", "420,000円", "300,000円", "-28.6%"], page.QuerySelector($"#case-years tr[data-year='{s.FirstYear}']")!.Texts("th, td"));
            Assert.Equal("840,000円 ／ 300,000円", page.Text("#case-budget"));
            Assert.Equal("一部達成", page.Text("#case-outcome"));
        }
    }

    [Fact]
    public async Task The_public_library_lists_only_published_cases_and_an_unpublished_case_is_not_found()
    {
        using var factory = new KyodoWebFactory();
        var published = await ProjectScenario.CreateAsync(factory);
        var unpublished = await ProjectScenario.CreateAsync(factory);
        var publishedRunning = await ProjectScenario.CreateAsync(factory);
        await ContinuationScenario.CloseAsync(published, ProjectOutcome.Success, lessons: "公開してよい教訓。");
        await ContinuationScenario.CloseAsync(unpublished, ProjectOutcome.EndedEarly);
        await ContinuationScenario.MarkCaseAsync(published, marked: false, published: true);
        await ContinuationScenario.MarkCaseAsync(publishedRunning, marked: true, published: true);
        using var anonymous = factory.CreatePageClient();

        Assert.Equal(Ids(published, publishedRunning), await FoundAsync(anonymous, "/case-library"));
        Assert.Equal(Ids(published), await FoundAsync(anonymous, "/case-library?outcome=Success"));
        Assert.Empty(await FoundAsync(anonymous, "/case-library?outcome=EndedEarly"));
        var page = await anonymous.GetPageAsync($"/case-library/{published.Project.Id}");
        Assert.Equal("公開してよい教訓。", page.Text("#case-lessons"));
        Assert.Null(page.QuerySelector("#case-published"));
        await anonymous.GetPageAsync($"/case-library/{unpublished.Project.Id}", HttpStatusCode.NotFound);
        await anonymous.GetPageAsync("/cases", HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_coordinator_marks_a_running_project_as_a_case_and_publishes_it_from_its_continuation_page()
    {
        using var factory = new KyodoWebFactory();
        var s = await ProjectScenario.CreateAsync(factory);
        using var office = await s.CoordinatorAsync();
        var url = $"/projects/{s.Project.Id}/continuation";

        var saved = await office.SubmitAndFollowAsync(await office.GetPageAsync(url), "#case-form", ("MarkedAsCase", "true"), ("Published", "true"));

        Assert.Equal("事例の設定を保存しました。", saved.Text("[role=status]"));
        Assert.StartsWith("この事業は事例です。 公開の事例集に載っています。", saved.Text("#case-state"), StringComparison.Ordinal);
        using var anonymous = factory.CreatePageClient();
        var page = await anonymous.GetPageAsync($"/case-library/{s.Project.Id}");
        Assert.Equal("実施中", page.Text("#case-outcome"));

        var unmarked = await office.SubmitAndFollowAsync(saved, "#case-form", ("MarkedAsCase", "false"), ("Published", "true"));
        Assert.StartsWith("この事業はまだ事例ではありません。 公開の事例集には載っていません。", unmarked.Text("#case-state"), StringComparison.Ordinal);
        await anonymous.GetPageAsync($"/case-library/{s.Project.Id}", HttpStatusCode.NotFound);
    }

    private static string Wareki(int year) => year == 2019 ? "令和元" : $"令和{year - 2018}";

    private static int[] Ids(params ProjectScenario[] scenarios) => [.. scenarios.Select(s => s.Project.Id).Order()];

    private static async Task<int[]> FoundAsync(PageClient client, string url) =>
        [.. (await client.GetPageAsync(url)).QuerySelectorAll("#cases tr[data-case]").Select(r => int.Parse(r.GetAttribute("data-case")!, System.Globalization.CultureInfo.InvariantCulture)).Order()];

    private static async Task TagGroupAsync(KyodoWebFactory factory, ProjectScenario scenario, int fieldId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KyodoPortal.Web.Data.KyodoDbContext>();
        var group = await db.CitizenGroups.SingleAsync(g => g.Id == scenario.Group.Id);
        group.UpdateProfile(new GroupProfile(null, null, "説明", null, null, null, null, IsPublished: true, [fieldId]));
        await db.SaveChangesAsync();
    }
}
