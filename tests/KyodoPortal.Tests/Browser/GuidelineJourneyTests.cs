using KyodoPortal.Tests.Support.Scenarios;
using Microsoft.Playwright;

namespace KyodoPortal.Tests.Browser;

/// <summary>
/// Seed 002's guideline in a browser: the coordinator imports measures (a file with a bad row, then a
/// good one), the department in charge records and submits a year's progress, the coordinator returns
/// it with a reason, the department resubmits, the coordinator confirms and opens the matrix and the
/// tree, and a visitor reads the confirmed year on the public page; every page passes axe at both widths.
/// </summary>
[Trait("Category", "Browser")]
public sealed class GuidelineJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_coordinator_imports_measures_the_department_records_progress_and_the_coordinator_reviews_it_on_the_matrix()
    {
        var scenario = await GuidelineScenario.CreateAsync(browser.App);
        var fund = scenario.MeasureIds[2];

        var office = await browser.SignedInPageAsync(scenario.CoordinatorEmail);
        await office.GotoAsync("/guideline");
        await Accessibility.AssertCleanAsync(office, "guideline.png");
        await office.Locator("#periods a[href='/guideline/periods/1/measures']").ClickAsync();
        await Accessibility.AssertCleanAsync(office, "guideline-measures.png");
        await office.GetByRole(AriaRole.Link, new() { Name = "施策を取り込む" }).ClickAsync();
        await Accessibility.AssertCleanAsync(office, "guideline-import.png");

        const string header = "分野,項目,施策名,分類,説明\r\n";
        await office.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "施策.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(header + "（７）,ア,協働事業に関する手引き（職員向け）の作成,Ⅰ,手引きを作成します。\r\n（７）,イ,協働コーディネーターの配置,Ⅱ—ウ,\r\n") });
        await office.GetByRole(AriaRole.Button, new() { Name = "読み込んで確認する" }).ClickAsync();
        Assert.Contains("エラーのある行が1行あります。", await office.Locator("#import-errors").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertCleanAsync(office, "guideline-import-errors.png");
        await office.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "施策.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(header + "（７）,ア,協働事業に関する手引き（職員向け）の作成,Ⅰ,手引きを作成します。\r\n（７）,イ,協働コーディネーターの配置,Ⅱｰア,\r\n") });
        await office.Locator("#departmentId").SelectOptionAsync(new SelectOptionValue { Label = scenario.Department.Name });
        await office.GetByRole(AriaRole.Button, new() { Name = "読み込んで確認する" }).ClickAsync();
        await Accessibility.AssertCleanAsync(office, "guideline-import-preview.png");
        await office.GetByRole(AriaRole.Button, new() { Name = "2件の施策を取り込む" }).ClickAsync();
        Assert.Equal("2件の施策を取り込みました。", (await office.Locator("[role=status]").InnerTextAsync()).Trim());
        await office.GotoAsync("/guideline/periods/1/measures/new");
        await Accessibility.AssertCleanAsync(office, "guideline-measure-new.png");

        var staff = await browser.SignedInPageAsync(scenario.StaffEmail);
        await staff.GotoAsync($"/guideline/measures/{fund}");
        await Accessibility.AssertCleanAsync(staff, "guideline-measure.png");
        await staff.Locator($"#year-2023 a[href='/guideline/measures/{fund}/progress/2023']").ClickAsync();
        await Accessibility.AssertCleanAsync(staff, "guideline-progress.png");
        await staff.Locator("#Input_Status").SelectOptionAsync("InProgress");
        await staff.Locator("#Input_Done").FillAsync("基金条例の案を作成した。");
        await staff.Locator("#Input_Figures").FillAsync("検討会 3回");
        await staff.GetByLabel("ある", new() { Exact = true }).CheckAsync();
        await staff.Locator("#Input_EffectivenessReasons").FillAsync("寄附の受け皿が決まった。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await staff.Locator("#year-2023 form[action$='/submit'] button").ClickAsync();
        Assert.Equal("令和5年度の進捗を提出しました。", (await staff.Locator("[role=status]").InnerTextAsync()).Trim());

        await office.GotoAsync($"/guideline/measures/{fund}");
        await Accessibility.AssertCleanAsync(office, "guideline-measure-review.png");
        await office.Locator("#Return_Reason_2023").FillAsync("設置の時期を記入してください。");
        await office.Locator("#year-2023 form[action$='/return'] button").ClickAsync();

        await staff.GotoAsync($"/guideline/measures/{fund}");
        Assert.Contains("設置の時期を記入してください。", await staff.Locator("#year-2023 .return-reason").InnerTextAsync(), StringComparison.Ordinal);
        await staff.Locator($"#year-2023 a[href='/guideline/measures/{fund}/progress/2023']").ClickAsync();
        await staff.Locator("#Input_Done").FillAsync("基金条例の案を作成した。令和6年4月に設置予定。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await staff.Locator("#year-2023 form[action$='/submit'] button").ClickAsync();

        await office.GotoAsync($"/guideline/measures/{fund}");
        await office.Locator("#year-2023 form[action$='/confirm'] button").ClickAsync();
        Assert.Equal("令和5年度の進捗を確認しました。", (await office.Locator("[role=status]").InnerTextAsync()).Trim());
        await office.GotoAsync("/guideline/periods/1/matrix?year=2023");
        Assert.Equal("実施中（確認済み）", (await office.Locator($"#matrix tr[data-measure='{fund}'] td[data-year='2023']").InnerTextAsync()).Replace("\n", string.Empty, StringComparison.Ordinal).Trim());
        await Accessibility.AssertCleanAsync(office, "guideline-matrix.png");

        // The tree (filtered to the measures of the fund's year status) and the public pages with the confirmed year.
        await office.GotoAsync($"/guideline/periods/1/tree?year=2023&department={scenario.Department.Id}");
        await office.Locator("#status").SelectOptionAsync("InProgress");
        await office.GetByRole(AriaRole.Button, new() { Name = "絞り込む" }).ClickAsync();
        Assert.Contains("実施中（確認済み）", await office.Locator($"[data-measure='{fund}'] .measure-tree__status").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertCleanAsync(office, "guideline-tree.png");
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/collaboration-guideline");
        Assert.Contains("基金条例の案を作成した。", await visitor.Locator($"[data-measure='{fund}'] [data-year='2023']").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertCleanAsync(visitor, "guideline-public.png");
        await visitor.Locator($"[data-measure='{fund}'] .measure-tree__title a").ClickAsync();
        await Accessibility.AssertCleanAsync(visitor, "guideline-public-measure.png");
    }
}
