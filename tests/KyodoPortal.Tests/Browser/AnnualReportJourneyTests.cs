using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Tests.Support;
using Microsoft.Playwright;

namespace KyodoPortal.Tests.Browser;

/// <summary>The annual report pages in a real browser: the group fills in the report (also with an error), the department reviews it, the office reads the overdue list; every page passes axe.</summary>
[Trait("Category", "Browser")]
public sealed class AnnualReportJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_group_writes_and_submits_the_report_the_department_reviews_it_and_the_pages_pass_axe()
    {
        var scenario = await ProjectScenario.CreateAsync(browser.App);
        var reportUrl = $"/projects/{scenario.Project.Id}/reports/{scenario.FirstYear}";
        var group = await browser.SignedInPageAsync(scenario.GroupMemberEmail);

        await group.GotoAsync(reportUrl);
        await Accessibility.AssertCleanAsync(group, "report-report-before-creation.png");
        await group.GetByRole(AriaRole.Button, new() { Name = "報告書を作成" }).ClickAsync();
        await Accessibility.AssertCleanAsync(group, "report-edit-form.png");

        await group.GetByLabel("実施内容の概要").FillAsync("就職支援セミナーを6回開催した。");
        await group.GetByLabel("参加者数 の実績値").FillAsync("42");
        await group.GetByLabel("追加の明細 6 の決算額").FillAsync("-5");
        await group.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        Assert.Equal("就職支援セミナーを6回開催した。", await group.GetByLabel("実施内容の概要").InputValueAsync());
        await Accessibility.AssertCleanAsync(group, "report-edit-form-with-errors.png");

        await group.GetByLabel("追加の明細 6 の決算額").FillAsync(string.Empty);
        foreach (var (label, amount) in new[] { ("市負担金（市負担金） の決算額", "300000"), ("参加費（セミナー参加費） の決算額", "0"), ("報償費（講師謝礼） の決算額", "180000"), ("使用料（会場使用料） の決算額", "120000"), ("需用費（教材印刷費） の決算額", "0") })
        {
            await group.GetByLabel(label).FillAsync(amount);
        }

        await group.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        Assert.Equal("報告を保存しました。", await group.GetByRole(AriaRole.Status).InnerTextAsync());
        await Accessibility.AssertCleanAsync(group, "report-draft-report.png");
        await group.GetByRole(AriaRole.Button, new() { Name = "提出する" }).ClickAsync();
        Assert.Equal("提出済み", await group.Locator("#report-status").InnerTextAsync());

        var department = await browser.SignedInPageAsync(scenario.DepartmentStaffEmail);
        await department.GotoAsync(reportUrl);
        await department.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "annual-report-review.png"), FullPage = true });
        await Accessibility.AssertCleanAsync(department, "report-report-under-review.png");
        await department.GetByRole(AriaRole.Button, new() { Name = "差し戻す" }).ClickAsync();

        // The browser's own check stops an empty return reason; the page is still the review page.
        Assert.Equal("提出済み", await department.Locator("#report-status").InnerTextAsync());
        await department.GotoAsync(reportUrl + "/print");
        await Accessibility.AssertCleanAsync(department, "report-print-view.png");

        var office = await browser.SignedInPageAsync(scenario.CoordinatorEmail);
        await office.GotoAsync("/reports/overdue");
        await Accessibility.AssertCleanAsync(office, "report-overdue-list.png");
    }
}
