using System.Net;
using AngleSharp.Dom;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

[Trait("Category", "Database")]
public sealed class SignInTests : IClassFixture<SignInTests.Factory>
{
    private readonly Factory _factory;

    public SignInTests(Factory factory) => _factory = factory;

    public sealed class Factory : KyodoWebFactory
    {
        public Factory() => WithSetting("Security:LockoutAttempts", "3");
    }

    [Fact]
    public async Task The_home_page_is_Japanese_and_served_as_text()
    {
        using var client = _factory.CreatePageClient();
        using var response = await client.Http.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"ja\">", html, StringComparison.Ordinal);
        Assert.Contains("協働ポータル", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_signs_in_with_the_right_password_and_sees_their_name()
    {
        await _factory.CreateUserAsync("sato@example.jp", KyodoRoles.Coordinator);
        using var client = _factory.CreatePageClient();

        var login = await client.GetPageAsync("/account/login");
        var home = await client.SubmitAndFollowAsync(login, "main form", ("Email", "sato@example.jp"), ("Password", KyodoWebFactory.Password));

        Assert.Equal("sato さん", home.Text(".site-user span"));
        Assert.Equal("ホーム", home.Text("h1"));
    }

    [Fact]
    public async Task A_wrong_password_shows_a_message_that_does_not_reveal_whether_the_account_exists()
    {
        await _factory.CreateUserAsync("known@example.jp", KyodoRoles.GroupMember);
        using var client = _factory.CreatePageClient();

        var wrongPassword = await client.SubmitAndFollowAsync(await client.GetPageAsync("/account/login"), "main form", ("Email", "known@example.jp"), ("Password", "not-the-right-passphrase"));
        var unknownUser = await client.SubmitAndFollowAsync(await client.GetPageAsync("/account/login"), "main form", ("Email", "nobody@example.jp"), ("Password", "not-the-right-passphrase"));

        Assert.Contains("メールアドレスまたはパスワードが正しくありません。", wrongPassword.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(wrongPassword.Text("[role=alert]"), unknownUser.Text("[role=alert]"));
        Assert.Equal("known@example.jp", wrongPassword.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Email")!.Value);
        Assert.Empty(wrongPassword.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Password")!.Value);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        await _factory.CreateUserAsync("locked@example.jp", KyodoRoles.DepartmentStaff);
        using var client = _factory.CreatePageClient();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            await client.SubmitAndFollowAsync(await client.GetPageAsync("/account/login"), "main form", ("Email", "locked@example.jp"), ("Password", "wrong-passphrase-" + attempt));
        }

        var page = await client.SubmitAndFollowAsync(await client.GetPageAsync("/account/login"), "main form", ("Email", "locked@example.jp"), ("Password", KyodoWebFactory.Password));

        Assert.Contains("一時的にロック", page.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".site-user span"));
        var lockoutEnd = await _factory.QueryAsync(db => db.Users.Where(u => u.Email == "locked@example.jp").Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
    }

    [Theory]
    [InlineData("   ", "   ")]
    [InlineData("", "")]
    [InlineData("not-an-email", "x")]
    public async Task Blank_or_malformed_input_is_refused_with_field_messages_not_an_error_page(string email, string password)
    {
        using var client = _factory.CreatePageClient();

        using var response = await client.SubmitAsync(await client.GetPageAsync("/account/login"), "main form", ("Email", email), ("Password", password));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.NotEmpty(page.Texts(".field-validation-error"));
    }

    [Fact]
    public async Task A_ten_thousand_character_email_is_refused_politely()
    {
        using var client = _factory.CreatePageClient();

        using var response = await client.SubmitAsync(await client.GetPageAsync("/account/login"), "main form", ("Email", new string('a', 10_000) + "@example.jp"), ("Password", "whatever-passphrase"));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Contains(page.Texts(".field-validation-error"), m => m.Contains("メールアドレス", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sign_out_ends_the_session_and_a_copied_cookie_no_longer_works()
    {
        await _factory.CreateUserAsync("signout@example.jp", KyodoRoles.Administrator);
        using var client = _factory.CreatePageClient();
        await client.SignInAsync("signout@example.jp", KyodoWebFactory.Password);
        var copiedCookie = client.CookieHeader;
        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync("/admin/users", copiedCookie));

        using var logout = await client.SubmitAsync(await client.GetPageAsync("/"), "form[action='/account/logout']");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync("/admin/users", copiedCookie));
    }

    [Fact]
    public async Task A_signed_in_user_changes_their_password_and_signs_in_with_the_new_one()
    {
        await _factory.CreateUserAsync("change@example.jp", KyodoRoles.CommitteeMember);
        using var client = _factory.CreatePageClient();
        await client.SignInAsync("change@example.jp", KyodoWebFactory.Password);

        var form = await client.GetPageAsync("/account/password");
        var done = await client.SubmitAndFollowAsync(form, "main form",
            ("CurrentPassword", KyodoWebFactory.Password), ("NewPassword", "a brand new passphrase"), ("ConfirmPassword", "a brand new passphrase"));

        Assert.Equal("パスワードを変更しました。", done.Text("[role=status]"));
        using var fresh = _factory.CreatePageClient();
        await fresh.SignInAsync("change@example.jp", "a brand new passphrase");
    }

    [Theory]
    [InlineData("short")]
    [InlineData("password1234")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("123456789012345")]
    [InlineData("kyodo-demo-passphrase-2026")] // the README's demo passphrase: public, so never a real password
    public async Task Weak_new_passwords_are_refused_with_a_message_next_to_the_field(string newPassword)
    {
        var user = await _factory.CreateUserAsync($"weak-{Guid.NewGuid():N}@example.jp", KyodoRoles.CommitteeMember);
        using var client = _factory.CreatePageClient();
        await client.SignInAsync(user.Email!, KyodoWebFactory.Password);

        using var response = await client.SubmitAsync(await client.GetPageAsync("/account/password"), "main form",
            ("CurrentPassword", KyodoWebFactory.Password), ("NewPassword", newPassword), ("ConfirmPassword", newPassword));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Single(page.Texts("#NewPassword ~ .field-validation-error, .field-validation-error[data-valmsg-for='NewPassword']"));
        using var old = _factory.CreatePageClient();
        await old.SignInAsync(user.Email!, KyodoWebFactory.Password);
    }

    private async Task<HttpStatusCode> StatusWithCookieAsync(string url, string cookie)
    {
        using var bare = _factory.CreateBareClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        using var response = await bare.SendAsync(request);
        return response.StatusCode;
    }
}

[Trait("Category", "Database")]
public sealed class AdministratorBootstrapTests(AdministratorBootstrapTests.Factory factory) : IClassFixture<AdministratorBootstrapTests.Factory>
{
    public sealed class Factory : KyodoWebFactory
    {
        public Factory()
        {
            WithSetting("Bootstrap:AdministratorEmail", "first-admin@city.example.jp");
            WithSetting("Bootstrap:AdministratorPassword", "the very first administrator passphrase");
        }
    }

    [Fact]
    public async Task A_new_installation_gets_its_first_administrator_from_settings()
    {
        using var client = factory.CreatePageClient();

        await client.SignInAsync("first-admin@city.example.jp", "the very first administrator passphrase");
        var users = await client.GetPageAsync("/admin/users");

        Assert.Equal(["システム管理者"], users.Texts("tbody th"));
    }
}

[Trait("Category", "Database")]
public sealed class DemoDataTests
{
    private sealed class DemoFactory(string environment, string password = "demo-passphrase-for-tests") : KyodoWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
            builder.UseSetting("DemoData:Seed", "true");
            builder.UseSetting("DemoData:Password", password);
        }
    }

    [Fact]
    public async Task Development_seeds_the_demo_accounts_with_the_README_passphrase_though_nobody_may_choose_it()
    {
        const string readmePassphrase = "kyodo-demo-passphrase-2026";
        Assert.Contains(readmePassphrase, await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root(), "README.md")), StringComparison.Ordinal);
        using var factory = new DemoFactory("Development", readmePassphrase);
        using var client = factory.CreatePageClient();

        await client.SignInAsync("coordinator@example.jp", readmePassphrase);

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/departments")).StatusCode);
    }

    [Fact]
    public async Task Development_seeds_a_believable_city_with_one_account_per_role()
    {
        using var factory = new DemoFactory("Development");
        using var client = factory.CreatePageClient();

        await client.SignInAsync("coordinator@example.jp", "demo-passphrase-for-tests");
        var departments = await client.GetPageAsync("/departments");

        Assert.Contains("商工課", departments.Texts("tbody th"));
        Assert.Equal(7, await factory.QueryAsync(db => db.Users.CountAsync()));
        using var resident = factory.CreatePageClient();
        Assert.Equal(3, (await resident.GetPageAsync("/calls")).QuerySelectorAll("tbody tr").Length);
        using var member = factory.CreatePageClient();
        await member.SignInAsync("committee@example.jp", "demo-passphrase-for-tests");
        Assert.Single((await member.GetPageAsync("/screening")).QuerySelectorAll("main tbody tr"));
        var ranking = await client.GetPageAsync("/calls/" + await factory.QueryAsync(db => db.ScreeningPanels.Select(p => p.CallId).SingleAsync()) + "/screening");
        Assert.Contains("1位", ranking.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, (await resident.GetPageAsync("/directory")).QuerySelectorAll(".cards li").Length);
        Assert.Equal(2, (await resident.GetPageAsync("/themes")).QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task Production_never_seeds_demo_accounts_whatever_the_settings_say()
    {
        using var factory = new DemoFactory("Production");
        using var client = factory.CreatePageClient();

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.SignInAsync("admin@example.jp", "demo-passphrase-for-tests"));
        Assert.Equal(0, await factory.QueryAsync(db => db.Users.CountAsync()));
        Assert.Equal(0, await factory.QueryAsync(db => db.Departments.CountAsync()));
    }
}
