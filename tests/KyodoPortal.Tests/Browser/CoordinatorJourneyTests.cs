using KyodoPortal.Domain.Accounts;
using KyodoPortal.Tests.Support;
using Microsoft.Playwright;

namespace KyodoPortal.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class CoordinatorJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_coordinator_signs_in_registers_a_department_and_the_pages_pass_axe()
    {
        await browser.App.CreateUserAsync("coordinator-browser@example.jp", KyodoRoles.Coordinator);
        await browser.App.AddDepartmentAsync("商工課");
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/");
        await Accessibility.AssertCleanAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "職員・団体・委員の方はログイン" }).ClickAsync();
        await Accessibility.AssertCleanAsync(page);
        await page.GetByLabel("メールアドレス").FillAsync("coordinator-browser@example.jp");
        await page.GetByLabel("パスワード").FillAsync(KyodoWebFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = "担当課" }).ClickAsync();
        Assert.Equal("担当課", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("商工課", await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertCleanAsync(page, "departments.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "担当課を登録" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        Assert.Contains("'課名' を入力してください。", await page.Locator("[data-valmsg-for='Input.Name']").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertCleanAsync(page, "department-form-errors.png");

        await page.GetByLabel("課名").FillAsync("観光課");
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        Assert.Equal("担当課「観光課」を登録しました。", await page.GetByRole(AriaRole.Status).InnerTextAsync());
    }

    [Fact]
    public async Task An_administrator_sees_the_user_list_and_the_account_form_pass_axe()
    {
        await browser.App.CreateUserAsync("admin-browser@example.jp", KyodoRoles.Administrator);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("メールアドレス").FillAsync("admin-browser@example.jp");
        await page.GetByLabel("パスワード").FillAsync(KyodoWebFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();

        var self = await browser.App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users, u => u.Email == "admin-browser@example.jp"));
        foreach (var url in new[] { "/", "/admin/users", "/admin/users/new", $"/admin/users/{self.Id}", "/groups", "/groups/new", "/account/password", "/themes/new", "/calls/new", "/calls", "/departments/new" })
        {
            await page.GotoAsync(url);
            await Accessibility.AssertCleanAsync(page);
        }

        await page.GotoAsync("/admin/users");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "users.png"), FullPage = true });
    }
}
