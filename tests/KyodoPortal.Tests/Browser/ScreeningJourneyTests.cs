using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Tests.Support;
using Microsoft.Playwright;

namespace KyodoPortal.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class ScreeningJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_committee_member_declares_no_conflict_and_submits_a_sheet_and_every_page_passes_axe()
    {
        var member = await browser.App.CreateUserAsync("iin-browser@example.jp", KyodoRoles.CommitteeMember);
        var scenario = await ScreeningScenario.For(browser.App)
            .Named("令和9年度 市民活動団体提案協働事業（審査）")
            .WithCriteria(new ScreeningCriterionDraft("公益性", "市民全体の利益になるか", 2, 5), new ScreeningCriterionDraft("実現可能性", null, 1, 10))
            .WithProposal("商店街の居場所づくり事業", years: 2)
            .BuildAsync();
        await scenario.StartScreeningAsync([member.Id]);
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/account/login");
        await page.GetByLabel("メールアドレス").FillAsync("iin-browser@example.jp");
        await page.GetByLabel("パスワード").FillAsync(KyodoWebFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "審査", Exact = true }).ClickAsync();
        await Accessibility.AssertCleanAsync(page, "screening-list.png");
        await page.GetByRole(AriaRole.Link, new() { Name = "令和9年度 市民活動団体提案協働事業（審査）" }).ClickAsync();
        await Accessibility.AssertCleanAsync(page, "screening-panel.png");

        await page.GetByLabel("利害関係あり（この提案の審査に加わらない）").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "申告する" }).ClickAsync();
        Assert.Contains("その内容を入力してください", await page.Locator("[data-valmsg-for='Input.Reason']").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertCleanAsync(page, "screening-declaration-error.png");

        await page.GetByLabel("利害関係なし", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "申告する" }).ClickAsync();
        await Accessibility.AssertCleanAsync(page, "screening-sheet.png");

        await page.GetByLabel("公益性 の点数").SelectOptionAsync(new SelectOptionValue { Label = "4 点" });
        await page.GetByLabel("該当なし（この基準では評価しない）").Nth(1).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提出", Exact = true }).ClickAsync();
        Assert.Contains("その理由をコメントに入力してください", await page.Locator("[data-valmsg-for='Input.Criteria[1].Comment']").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertCleanAsync(page, "screening-sheet-error.png");

        await page.GetByLabel("実現可能性 のコメント（「該当なし」の場合は必須）").FillAsync("事業計画が未確定のため評価できない。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提出", Exact = true }).ClickAsync();
        Assert.Equal("評価票を提出しました。", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal("提出済み", await page.Locator("#sheet-status").InnerTextAsync());
        Assert.Contains("80.0", await page.Locator("#own-score").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertCleanAsync(page, "screening-sheet-submitted.png");
    }

}
