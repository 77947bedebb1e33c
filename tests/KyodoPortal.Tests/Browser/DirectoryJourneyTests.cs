using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Organizations;
using KyodoPortal.Domain.Themes;
using KyodoPortal.Tests.Support;
using Microsoft.Playwright;

namespace KyodoPortal.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class DirectoryJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_group_member_publishes_the_profile_and_a_resident_finds_it_from_a_theme()
    {
        var department = await browser.App.AddDepartmentAsync("商工課");
        var group = await browser.App.AddGroupAsync("NPO法人 湘南就労サポートネット");
        await browser.App.CreateUserAsync("member-browser@example.jp", [KyodoRoles.GroupMember], departmentId: null, groupId: group.Id);
        await browser.App.AddAsync(new Theme(
            new ThemeDraft("若者の就労体験の場づくり", "就職に不安を抱える若者が地域で働く体験をできる場が足りない。", "地域の事業所と団体が連携し、年間20人の就労体験を実現したい。", department.Id, 2027, ThemeStatus.Open, IsPublished: true, [5, 8]),
            "seed",
            DateTime.UtcNow));
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/account/login");
        await page.GetByLabel("メールアドレス").FillAsync("member-browser@example.jp");
        await page.GetByLabel("パスワード").FillAsync(KyodoWebFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "団体プロフィール" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "プロフィールを編集" }).ClickAsync();
        await Accessibility.AssertCleanAsync(page, "group-profile-form.png");
        await page.GetByLabel("就労支援").CheckAsync();
        await page.GetByLabel("まちづくり").CheckAsync();
        await page.GetByLabel("活動内容", new() { Exact = true }).FillAsync("就職に悩む若者と地域の事業所をつなぎ、就労体験と定着支援を行っています。");
        await page.GetByLabel("公開用メールアドレス").FillAsync("info@shonan-work.example.jp");
        await page.GetByLabel("団体一覧に公開する", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        Assert.Equal("市民活動団体「NPO法人 湘南就労サポートネット」を更新しました。", await page.GetByRole(AriaRole.Status).InnerTextAsync());

        var resident = await browser.NewPageAsync();
        await resident.GotoAsync("/themes");
        await Accessibility.AssertCleanAsync(resident, "themes.png");
        await resident.GetByRole(AriaRole.Link, new() { Name = "若者の就労体験の場づくり" }).ClickAsync();
        await Accessibility.AssertCleanAsync(resident, "theme-details.png");
        await resident.GetByRole(AriaRole.Link, new() { Name = "NPO法人 湘南就労サポートネット" }).ClickAsync();
        Assert.Contains("info@shonan-work.example.jp", await resident.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertCleanAsync(resident, "directory-details.png");
        await resident.GotoAsync("/directory");
        await Accessibility.AssertCleanAsync(resident, "directory.png");
    }

}
