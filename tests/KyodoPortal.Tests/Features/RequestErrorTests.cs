using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Tests.Support;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// Issue 14 items 11 and 12: requests the app cannot take answer with the error page in the user's
/// language (never a bare 400), and HEAD works where GET does (uptime monitors use it).
/// </summary>
[Trait("Category", "Database")]
public sealed class RequestErrorTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    private const string ExpiredForm = "フォームの有効期限が切れたか、正しく送信されませんでした。画面を開き直してから、もう一度操作してください。";
    private const string Unreadable = "送信された内容を読み取れませんでした。画面を開き直してから、もう一度操作してください。";

    [Fact]
    public async Task A_post_without_its_antiforgery_token_shows_the_error_page_with_a_sentence_in_Japanese()
    {
        using var client = await factory.SignedInAsync(KyodoRoles.CommitteeMember);
        using var content = new FormUrlEncodedContent([new("CurrentPassword", "x")]);

        using var response = await client.Http.PostAsync("/account/password", content);
        var page = await PageClient.ReadAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal("リクエストを処理できませんでした", page.Text("h1"));
        Assert.Contains(ExpiredForm, page.Texts("main p"));
    }

    [Fact]
    public async Task The_same_refusal_is_in_English_for_a_user_who_chose_English()
    {
        using var client = factory.CreatePageClient();
        client.Cookies.Add(new Uri("https://localhost"), new Cookie(".AspNetCore.Culture", "c=en|uic=en"));
        using var content = new FormUrlEncodedContent([new("Email", "someone@example.jp")]);

        using var response = await client.Http.PostAsync("/account/login", content);
        var page = await PageClient.ReadAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal("The request could not be processed", page.Text("h1"));
        Assert.Contains(page.Texts("main p"), p => p.Contains("The form has expired", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_form_with_too_many_fields_shows_the_error_page()
    {
        using var client = factory.CreatePageClient();
        var login = await client.GetPageAsync("/account/login");
        var token = login.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var fields = Enumerable.Range(0, 1100).Select(i => new KeyValuePair<string, string>("f" + i, "x")).Prepend(new("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(fields);

        using var response = await client.Http.PostAsync("/account/login", content);
        var page = await PageClient.ReadAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal("リクエストを処理できませんでした", page.Text("h1"));
        Assert.Contains(Unreadable, page.Texts("main p"));
    }

    [Fact]
    public async Task A_broken_multipart_body_shows_the_error_page()
    {
        using var client = factory.CreatePageClient();
        await client.GetPageAsync("/account/login");
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--b\r\nContent-Disposition: form-data; name=\"Email\"\r\n\r\nunterminated"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");

        using var response = await client.Http.PostAsync("/account/login", content);
        var page = await PageClient.ReadAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal("リクエストを処理できませんでした", page.Text("h1"));
        Assert.Contains(Unreadable, page.Texts("main p"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/calls")]
    [InlineData("/healthz")]
    public async Task HEAD_answers_like_GET_without_a_body(string url)
    {
        using var client = factory.CreatePageClient();
        using var get = await client.Http.GetAsync(url);

        using var head = await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task HEAD_on_a_protected_page_still_asks_for_sign_in()
    {
        using var client = factory.CreatePageClient();

        using var head = await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/projects"));

        Assert.Equal(HttpStatusCode.Redirect, head.StatusCode);
        Assert.StartsWith("/account/login", head.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
