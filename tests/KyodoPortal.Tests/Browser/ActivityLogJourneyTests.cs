using KyodoPortal.Tests.Features;
using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Tests.Support;
using Microsoft.Playwright;

namespace KyodoPortal.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class ActivityLogJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_group_member_records_a_seminar_and_the_fiscal_year_page_with_its_chart_passes_axe()
    {
        var s = await ProjectScenario.CreateAsync(browser.App);
        var page = await browser.SignedInPageAsync(s.GroupMemberEmail);

        await page.GotoAsync($"{s.ProjectUrl}/years/{s.FirstYear}");
        await Accessibility.AssertCleanAsync(page, "year-empty.png");
        await page.GetByRole(AriaRole.Link, new() { Name = "記録を追加" }).ClickAsync();
        await Accessibility.AssertCleanAsync(page, "activity-form.png");
        await page.GetByLabel("実施日").FillAsync(ProjectYearScenario.DayInFirstYear(s).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("名称").FillAsync("第1回セミナー");
        await page.GetByLabel("定員").FillAsync("20");
        await page.GetByLabel("参加者数").FillAsync("7");
        await page.GetByLabel("参加費（1人あたり）").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        await Accessibility.AssertCleanAsync(page, "activity-form-error.png");
        await page.GetByLabel("参加費（1人あたり）").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();

        Assert.Contains("計画と異なる", await page.Locator("#activity-log").InnerTextAsync(), StringComparison.Ordinal);
        await ReportScenario.StoredDraftAsync(s);
        await page.ReloadAsync();
        Assert.Equal(1, await page.Locator("svg[role=img]").CountAsync());
        await Accessibility.AssertCleanAsync(page, "year-with-report.png");
    }
}
