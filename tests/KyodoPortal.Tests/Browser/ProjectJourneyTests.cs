using KyodoPortal.Tests.Support;
using Microsoft.Playwright;

namespace KyodoPortal.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class ProjectJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_group_member_asks_to_drop_the_fee_and_the_office_drafts_an_agreement_and_every_page_passes_axe()
    {
        var s = await ProjectScenario.CreateAsync(browser.App);
        var preparing = await ProjectScenario.CreateAsync(browser.App, agreementSigned: false);
        var page = await browser.NewPageAsync();
        await SignInAsync(page, s.GroupMemberEmail);

        await page.GetByRole(AriaRole.Link, new() { Name = "協働事業", Exact = true }).ClickAsync();
        await AssertAccessibleAsync(page, "projects.png");
        await page.GetByRole(AriaRole.Link, new() { Name = s.Project.Title }).ClickAsync();
        await AssertAccessibleAsync(page, "project.png");
        await page.GotoAsync(s.ProjectUrl + "/plan");
        await AssertAccessibleAsync(page, "project-plan.png");
        await page.GotoAsync(s.ProjectUrl + "/agreement");
        await AssertAccessibleAsync(page, "agreement.png");
        await page.GotoAsync(s.ProjectUrl + "/agreement/print");
        await AssertAccessibleAsync(page, "agreement-print.png");

        await page.GotoAsync(s.ProjectUrl + "/changes/new");
        await AssertAccessibleAsync(page, "change-request-new.png");
        await page.GetByLabel("明細 2 の単価").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "申請する" }).ClickAsync();
        await AssertAccessibleAsync(page, "change-request-unbalanced.png");
        await page.GetByLabel("明細 5 の金額").FillAsync("0");
        await page.GetByLabel("変更の理由").FillAsync("第1回講座の集客を優先するため参加費を無料とする。");
        await page.GetByRole(AriaRole.Button, new() { Name = "申請する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#change-status")).ToHaveTextAsync("申請中");
        await AssertAccessibleAsync(page, "change-request.png");

        var office = await browser.NewPageAsync();
        await SignInAsync(office, preparing.CoordinatorEmail);
        await office.GotoAsync(preparing.ProjectUrl + "/agreement/edit");
        await AssertAccessibleAsync(office, "agreement-edit.png");
        await office.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(office.Locator("#sign-form")).ToBeVisibleAsync();
        await AssertAccessibleAsync(office, "agreement-draft.png");
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync(KyodoWebFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
    }

    private static async Task AssertAccessibleAsync(IPage page, string screenshot)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, screenshot), FullPage = true });
        var violations = await Accessibility.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, page.Url + "\n" + string.Join('\n', violations));
    }
}
