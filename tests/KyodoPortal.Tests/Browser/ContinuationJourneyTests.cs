using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Tests.Support;
using Microsoft.Playwright;

namespace KyodoPortal.Tests.Browser;

/// <summary>
/// The continuation review in a real browser: the office finds the project past its review date
/// on the dashboard, records the end decision (first forgetting everything), closes the project
/// with its outcome and lessons, and reads it in the case library; every page passes axe.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ContinuationJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_office_decides_to_end_an_overdue_project_closes_it_and_finds_it_in_the_case_library()
    {
        // Started last fiscal year: this year is its last, and the review date may have passed.
        var scenario = await ProjectScenario.CreateAsync(browser.App, yearsAgo: 1);
        var office = await browser.SignedInPageAsync(scenario.CoordinatorEmail);

        await office.GotoAsync("/continuation");
        Assert.Equal(1, await office.Locator($"tr[data-project='{scenario.Project.Id}']").CountAsync());
        await Accessibility.AssertCleanAsync(office, "continuation-dashboard.png");

        await office.GetByRole(AriaRole.Link, new() { Name = scenario.Project.Title }).First.ClickAsync();
        Assert.Equal(1, await office.Locator("#decision-form").CountAsync());
        await Accessibility.AssertCleanAsync(office, "continuation-review.png");

        await office.GetByRole(AriaRole.Button, new() { Name = "決定を記録する" }).ClickAsync();
        Assert.Equal("'決定の理由' を入力してください。", await office.Locator("[data-valmsg-for='Input.Reasons']").InnerTextAsync());
        Assert.Equal(OneWay.Missing, await office.Locator("#decision-form [data-valmsg-for='ConfirmIrreversible']").InnerTextAsync());
        await Accessibility.AssertCleanAsync(office, "continuation-review-with-errors.png");

        await office.Locator("#outcome-End").CheckAsync();
        await office.GetByLabel("決定の理由").FillAsync("2年間で就職者10人と目標を達成し、団体の自主事業として続けられるため終了する。");
        await OneWay.TickAsync(office, "#decision-form");
        await office.GetByRole(AriaRole.Button, new() { Name = "決定を記録する" }).ClickAsync();
        Assert.Equal("事業の終了を決定しました。成果をまとめて終了の手続きをしてください。", await office.GetByRole(AriaRole.Status).InnerTextAsync());
        await Accessibility.AssertCleanAsync(office, "continuation-decided.png");

        await office.GetByRole(AriaRole.Link, new() { Name = "事業を終了する" }).ClickAsync();
        await office.Locator("#outcome-Success").CheckAsync();
        await office.GetByLabel("最終的な成果のまとめ").FillAsync("セミナー12回、参加者延べ210人、就職者10人。");
        await office.GetByLabel("教訓").FillAsync("企業との連携は1年目から始める。参加費の無料化は集客に効いた。");
        await OneWay.TickAsync(office, "#close-form");
        await Accessibility.AssertCleanAsync(office, "continuation-close-form.png");
        await office.GetByRole(AriaRole.Button, new() { Name = "事業を終了する" }).ClickAsync();

        Assert.Equal("協働事業を終了しました。事例集に事例として載ります。", await office.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal("成功", await office.Locator("#case-outcome").InnerTextAsync());
        await Accessibility.AssertCleanAsync(office, "case-page.png");

        await office.GotoAsync("/cases?outcome=Success");
        Assert.Equal(1, await office.Locator($"#cases tr[data-case='{scenario.Project.Id}']").CountAsync());
        await Accessibility.AssertCleanAsync(office, "case-library.png");
    }
}
