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

        // The period review: period 2 added, the review opened, the fund revised with a committee opinion, a new measure added, period 2 started.
        await office.GotoAsync("/guideline");
        await office.Locator("#Period_FirstFiscalYear").FillAsync("2025");
        await office.Locator("#Period_LastFiscalYear").FillAsync("2029");
        await office.Locator("#period-form button").ClickAsync();
        await office.GotoAsync("/guideline/periods/1/review");
        await office.Locator("#review-actions form button").ClickAsync();
        Assert.EndsWith("件の施策を見直しの対象にしました。", (await office.Locator("[role=status]").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await Accessibility.AssertCleanAsync(office, "guideline-review.png");
        await office.Locator($"#review-table tr[data-measure='{fund}'] th a").ClickAsync();
        await Accessibility.AssertCleanAsync(office, "guideline-review-measure.png");
        await office.GetByLabel("実施した", new() { Exact = true }).CheckAsync();
        await office.Locator("#assessment").GetByLabel("高い", new() { Exact = true }).CheckAsync();
        await office.GetByLabel("見直しが必要", new() { Exact = true }).CheckAsync();
        await office.Locator("#Assessment_Results").FillAsync("基金を設置し、寄附が集まった。");
        await office.GetByRole(AriaRole.Button, new() { Name = "評価を保存" }).ClickAsync();
        await office.Locator("#proposal").GetByLabel("修正", new() { Exact = true }).CheckAsync();
        await office.Locator("#Proposal_Reasons").FillAsync("使い道を団体の提案で決められるようにする。");
        await office.Locator("#Proposal_Next_Title").FillAsync("市民活動支援基金の活用の拡大");
        await office.GetByRole(AriaRole.Button, new() { Name = "事務局案を保存" }).ClickAsync();
        Assert.Equal("事務局案を保存しました。", (await office.Locator("[role=status]").InnerTextAsync()).Trim());
        var reviewUrl = office.Url;

        var memberEmail = $"guideline-member-{Guid.NewGuid().ToString("N")[..6]}@example.jp";
        await browser.App.CreateUserAsync(memberEmail, KyodoPortal.Domain.Accounts.KyodoRoles.CommitteeMember);
        var member = await browser.SignedInPageAsync(memberEmail);
        await member.GetByRole(AriaRole.Link, new() { Name = "指針の見直し" }).ClickAsync();
        await member.Locator($"#review-table tr[data-measure='{fund}'] th a").ClickAsync();
        await member.Locator("#Opinion_Text").FillAsync("使い道を毎年公表してほしい。");
        await member.GetByRole(AriaRole.Button, new() { Name = "意見を登録" }).ClickAsync();
        Assert.Contains("使い道を毎年公表してほしい。", await member.Locator("#opinion-list").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertCleanAsync(member, "guideline-review-member.png");

        await office.GotoAsync(reviewUrl);
        await office.Locator("#decision").GetByLabel("修正", new() { Exact = true }).CheckAsync();
        await office.Locator("#decision input[name=ConfirmIrreversible]").CheckAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "決定する" }).ClickAsync();
        Assert.Equal("見直しを「修正」に決定しました。", (await office.Locator("[role=status]").InnerTextAsync()).Trim());
        await office.GotoAsync("/guideline/periods/1/review/new");
        await Accessibility.AssertCleanAsync(office, "guideline-review-addition.png");
        await office.Locator("#Input_Next_Title").FillAsync("若者の市民活動への参加の促進");
        await office.Locator("#Input_Next_AreaId").SelectOptionAsync(new SelectOptionValue { Index = 2 });
        await office.Locator("#Input_Next_ClassificationId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await office.GetByRole(AriaRole.Button, new() { Name = "登録" }).ClickAsync();
        await office.Locator("#decision input[name=ConfirmIrreversible]").CheckAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "決定する" }).ClickAsync();
        Assert.Equal("見直しを「追加」に決定しました。", (await office.Locator("[role=status]").InnerTextAsync()).Trim());
        await scenario.DecideRestAsync(fund);

        await office.GotoAsync("/guideline/periods/1/review");
        await office.Locator("#start-next input[name=ConfirmIrreversible]").CheckAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "第2期を始める" }).ClickAsync();
        Assert.StartsWith("第1期を終了し、第2期の施策を", (await office.Locator("[role=status]").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await office.GotoAsync("/guideline/periods/1/review");
        Assert.Contains("市民活動支援基金の活用の拡大", await office.Locator($"#review-table tr[data-measure='{fund}']").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertCleanAsync(office, "guideline-review-closed.png");
        await office.Locator($"#review-table tr[data-measure='{fund}'] td a").ClickAsync();
        Assert.Contains("→ 修正", await office.Locator("#measure-history").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertCleanAsync(office, "guideline-period2-measure.png");
    }
}
