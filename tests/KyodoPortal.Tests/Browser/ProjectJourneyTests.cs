using KyodoPortal.Tests.Support.Scenarios;
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
        var page = await browser.SignedInPageAsync(s.GroupMemberEmail);

        await page.GetByRole(AriaRole.Link, new() { Name = "協働事業", Exact = true }).ClickAsync();
        await Accessibility.AssertCleanAsync(page, "projects.png");
        await page.GetByRole(AriaRole.Link, new() { Name = s.Project.Title }).ClickAsync();
        await Accessibility.AssertCleanAsync(page, "project.png");
        await page.GotoAsync(s.ProjectUrl + "/plan");
        await Accessibility.AssertCleanAsync(page, "project-plan.png");
        await page.GotoAsync(s.ProjectUrl + "/agreement");
        await Accessibility.AssertCleanAsync(page, "agreement.png");
        await page.GotoAsync(s.ProjectUrl + "/agreement/print");
        await Accessibility.AssertCleanAsync(page, "agreement-print.png");

        await page.GotoAsync(s.ProjectUrl + "/changes/new");
        await Accessibility.AssertCleanAsync(page, "change-request-new.png");
        await page.GetByLabel("明細 2 の単価").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "申請する" }).ClickAsync();
        await Accessibility.AssertCleanAsync(page, "change-request-unbalanced.png");
        await page.GetByLabel("明細 5 の金額").FillAsync("0");
        await page.GetByLabel("変更の理由").FillAsync("第1回講座の集客を優先するため参加費を無料とする。");
        await page.GetByRole(AriaRole.Button, new() { Name = "申請する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#change-status")).ToHaveTextAsync("申請中");
        await Accessibility.AssertCleanAsync(page, "change-request.png");

        var office = await browser.SignedInPageAsync(preparing.CoordinatorEmail);
        await office.GotoAsync(preparing.ProjectUrl + "/agreement/edit");
        await Accessibility.AssertCleanAsync(office, "agreement-edit.png");
        await office.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(office.Locator("#sign-form")).ToBeVisibleAsync();
        await Accessibility.AssertCleanAsync(office, "agreement-draft.png");
    }
}
