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
        // A 三者協定 (and a fourth party): the print shows a 記名押印欄 for each.
        var s = await ProjectScenario.CreateAsync(browser.App, thirdParties: true);
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

        // Each party is a fieldset whose role is a full-width textarea, at desktop and at phone width,
        // and the page never scrolls sideways (the role split scrolls in its own region).
        foreach (var (width, height, screenshot) in new[] { (1280, 900, "agreement-edit-parties.png"), (390, 844, "agreement-edit-phone.png") })
        {
            await office.SetViewportSizeAsync(width, height);
            await office.ReloadAsync();
            Assert.Equal(0, await office.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
            var fieldset = await office.Locator("#party-0").BoundingBoxAsync();
            var role = await office.Locator("#party-0-role").BoundingBoxAsync();
            Assert.True(role!.Width > fieldset!.Width * 0.8, $"the role should take the party's width at {width}px ({role.Width} of {fieldset.Width})");
            await office.Locator("#party-0").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, screenshot) });
        }

        await Accessibility.AssertCleanAsync(office, "agreement-edit-phone-page.png");
        await office.SetViewportSizeAsync(1280, 900);
        await office.ReloadAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(office.Locator("#sign-form")).ToBeVisibleAsync();
        await Accessibility.AssertCleanAsync(office, "agreement-draft.png");
        await office.GotoAsync(preparing.ProjectUrl + "/agreement/print");
        await Assertions.Expect(office.Locator("#print-signed-on")).ToHaveTextAsync("令和　年　月　日");
        await Accessibility.AssertCleanAsync(office, "agreement-draft-print.png");
    }
}
