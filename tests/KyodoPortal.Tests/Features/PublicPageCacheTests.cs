using System.Net;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Organizations;
using KyodoPortal.Tests.Support;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// The public pages as the public sees them are kept whole for a while (PublicPageCache): a repeat
/// costs no SQL; a saved change shows at once; a signed-in visitor, another language and a visitor
/// with a flash message still to see each get their own page.
/// </summary>
[Trait("Category", "Database")]
public sealed class PublicPageCacheTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    private async Task<CitizenGroup> PublishedGroupAsync(string name)
    {
        var group = new CitizenGroup(name, null, LegalForm.NpoCorporation, null, "市内全域");
        group.UpdateProfile(new GroupProfile(2010, 12, "キャッシュの確認用の団体です。", null, null, null, null, true, [1]));
        return await factory.AddAsync(group);
    }

    [Fact]
    public async Task A_repeated_public_page_costs_no_SQL_and_a_saved_change_shows_at_once()
    {
        var group = await PublishedGroupAsync("キャッシュ確認の会");
        var url = "/directory?q=" + Uri.EscapeDataString("キャッシュ確認");
        using var anonymous = factory.CreatePageClient();
        var first = await anonymous.GetPageAsync(url);
        Assert.Equal(["キャッシュ確認の会"], first.Texts(".cards h2"));

        factory.SqlCommands.Reset();
        var again = await anonymous.GetPageAsync(url);
        Assert.Equal(0, factory.SqlCommands.Count);
        Assert.Equal(first.Text("main"), again.Text("main"));
        var profileUrl = $"/directory/{group.Id}";
        Assert.Contains("キャッシュの確認用の団体です。", (await anonymous.GetPageAsync(profileUrl)).Text("main"), StringComparison.Ordinal);

        await factory.CreateUserAsync("cache-member@example.jp", [KyodoRoles.GroupMember], departmentId: null, groupId: group.Id);
        using var member = factory.CreatePageClient();
        await member.SignInAsync("cache-member@example.jp", KyodoWebFactory.Password);
        var edit = await member.GetPageAsync($"/groups/{group.Id}/edit");
        await member.SubmitAndFollowAsync(edit, "main form", ("Input.Description", "キャッシュ確認の後で書き直した紹介文です。"));

        var afterChange = await anonymous.GetPageAsync(profileUrl);
        Assert.Contains("キャッシュ確認の後で書き直した紹介文です。", afterChange.Text("main"), StringComparison.Ordinal);
        var listAfterChange = await anonymous.GetPageAsync(url);
        Assert.Contains("キャッシュ確認の後で書き直した紹介文です。", listAfterChange.Text(".cards"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_visitor_is_never_served_the_publics_page_nor_stored_for_it()
    {
        await PublishedGroupAsync("サインイン確認の会");
        var url = "/directory?q=" + Uri.EscapeDataString("サインイン確認");
        using var anonymous = factory.CreatePageClient();
        await anonymous.GetPageAsync(url);
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        factory.SqlCommands.Reset();
        var signedIn = await coordinator.GetPageAsync(url);
        Assert.True(factory.SqlCommands.Count > 0);
        Assert.NotNull(signedIn.QuerySelector("form[action='/account/logout']"));

        factory.SqlCommands.Reset();
        await coordinator.GetPageAsync(url);
        Assert.True(factory.SqlCommands.Count > 0);
        var publicPage = await anonymous.GetPageAsync(url);
        Assert.Null(publicPage.QuerySelector("form[action='/account/logout']"));
        Assert.NotNull(publicPage.QuerySelector("a[href='/account/login']"));
    }

    [Fact]
    public async Task Each_language_has_its_own_kept_page()
    {
        await PublishedGroupAsync("言語確認の会");
        var url = "/directory?q=" + Uri.EscapeDataString("言語確認");
        using var japanese = factory.CreatePageClient();
        using var english = factory.CreatePageClient();
        Assert.Equal("ja", (await japanese.GetPageAsync(url)).DocumentElement.GetAttribute("lang"));

        await english.FollowLinkAsync(await english.GetPageAsync(url), ".language-switch a");
        var inEnglish = await english.GetPageAsync(url);

        Assert.Equal("en", inEnglish.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ja", (await japanese.GetPageAsync(url)).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_visitor_with_a_flash_message_waiting_gets_a_page_rendered_for_them()
    {
        var url = "/themes";
        using var anonymous = factory.CreateBareClient();
        (await anonymous.GetAsync(url)).Dispose();

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", CookieTempDataProvider.CookieName + "=not-a-real-message");
        factory.SqlCommands.Reset();
        using var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(factory.SqlCommands.Count > 0);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CookieTempDataProvider.CookieName + "=;", StringComparison.Ordinal));
        factory.SqlCommands.Reset();
        (await anonymous.GetAsync(url)).Dispose();
        Assert.Equal(0, factory.SqlCommands.Count); // the page rendered for that visitor was not kept for others
    }

    [Fact]
    public async Task A_page_without_a_flash_message_sets_no_cookie()
    {
        using var client = factory.CreateBareClient();

        using var response = await client.GetAsync("/themes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"), string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var set) ? set : []));
    }
}
