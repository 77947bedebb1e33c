using KyodoPortal.Domain.Evaluations;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// Issue 13 item 11: pages that told the reader where to go next without a link to it. Each test
/// opens the page a person would be on and follows the link it must offer.
/// </summary>
[Trait("Category", "Database")]
public sealed class DeadEndLinkTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task The_evaluation_list_links_the_year_page_of_each_accepted_report_not_yet_evaluated()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        await EvaluationScenario.AcceptedReportAsync(s);
        using var office = await s.CoordinatorAsync();

        var list = await office.GetPageAsync("/evaluation-admin");
        var link = list.QuerySelector($"#ready-years a[href='{s.ProjectUrl}/years/{s.FirstYear}']");

        Assert.NotNull(link);
        var year = await office.GetPageAsync(link.GetAttribute("href")!);
        Assert.Equal("この年度の評価を開始・表示", year.Text("#open-evaluation"));

        await EvaluationScenario.OpenRoundAsync(s);
        Assert.Null((await office.GetPageAsync("/evaluation-admin")).QuerySelector($"#ready-years a[href='{s.ProjectUrl}/years/{s.FirstYear}']"));
    }

    [Fact]
    public async Task A_selected_proposals_page_links_to_the_project_it_became()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var group = await s.GroupMemberAsync();

        var proposal = await group.GetPageAsync($"/proposals/{s.Proposal.Id}");

        Assert.Equal(s.ProjectUrl, proposal.QuerySelector("#project-link")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Where_KPIs_are_shown_the_year_page_says_the_actuals_are_entered_in_the_annual_report_and_links_it()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var group = await s.GroupMemberAsync();

        var year = await group.GetPageAsync($"{s.ProjectUrl}/years/{s.FirstYear}");

        Assert.StartsWith("成果指標の実績は、この年度の事業報告で入力します。", year.Text("#kpi-entry"));
        Assert.Equal($"{s.ProjectUrl}/reports/{s.FirstYear}", year.QuerySelector("#kpi-entry a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task The_project_page_links_a_years_feedback_once_it_is_published()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var roundId = await EvaluationScenario.RoundAsync(s);
        using var group = await s.GroupMemberAsync();
        using var office = await s.CoordinatorAsync();
        var feedbackUrl = $"{s.ProjectUrl}/years/{s.FirstYear}/feedback";
        Assert.Null((await group.GetPageAsync(s.ProjectUrl)).QuerySelector($"#project-years a[href='{feedbackUrl}']"));

        var closed = await office.SubmitAndFollowAsync(await office.GetPageAsync($"/evaluation-admin/{roundId}"), "form[action$='/close']");
        var consolidated = await office.SubmitAndFollowAsync(
            closed,
            "form[action$='/consolidation']",
            ("ConsolidationForm.Strengths", "就職につながった参加者が出た。"),
            ("ConsolidationForm.Issues", "参加者の集客に偏りがある。"),
            ("ConsolidationForm.Recommendation", nameof(EvaluationRecommendation.Continue)));
        await office.SubmitAndFollowAsync(consolidated, "#publish-form");

        var project = await group.GetPageAsync(s.ProjectUrl);
        var link = project.QuerySelector($"#project-years a[href='{feedbackUrl}']");
        Assert.NotNull(link);
        Assert.Equal("評価結果（フィードバック）", link.TextContent.Trim());
        Assert.Equal("就職につながった参加者が出た。", (await group.GetPageAsync(feedbackUrl)).Text("#strengths"));
    }
}
