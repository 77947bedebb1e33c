using System.Net;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoPortal.Tests.Features;

[Trait("Category", "Database")]
public sealed class SecurityTests(SecurityTests.Factory factory) : IClassFixture<SecurityTests.Factory>
{
    /// <summary>Adds an endpoint that throws, to see what an unexpected error shows the user.</summary>
    public sealed class Factory : KyodoWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ThrowingEndpoint>());
        }

        private sealed class ThrowingEndpoint : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Map("/test/throw", b => b.Run(_ => throw new InvalidOperationException("secret connection string in a stack trace")));
            };
        }
    }

    [Fact]
    public async Task Every_POST_endpoint_rejects_a_request_without_an_antiforgery_token()
    {
        var user = await factory.CreateUserAsync("all-roles@example.jp", KyodoRoles.All, departmentId: null, groupId: null);
        using var client = factory.CreatePageClient();
        await client.SignInAsync(user.Email!, KyodoWebFactory.Password);
        var posts = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => "/" + string.Join('/', e.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => parameter.Name == "id" && e.RoutePattern.RawText!.StartsWith("admin/users", StringComparison.Ordinal) ? user.Id
                    : parameter.ParameterPolicies.Any(policy => policy.Content == "guid") ? Guid.Empty.ToString("D") : "1",
                _ => string.Empty,
            })))))
            .Distinct()
            .ToList();

        Assert.True(posts.Count >= 10, $"Only {posts.Count} POST endpoints found: {string.Join(", ", posts)}");
        foreach (var url in posts)
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "x" });
            using var response = await client.Http.PostAsync(url, content);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {url} answered {(int)response.StatusCode} without an antiforgery token");
        }
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_a_year_of_HSTS()
    {
        using var client = factory.CreatePageClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "kyodo.city.example.jp"; // HSTS is never sent to localhost

        using var response = await client.Http.SendAsync(request);

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        var hsts = response.Headers.GetValues("Strict-Transport-Security").Single();
        Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_session_and_antiforgery_cookies_are_HttpOnly_Secure_and_SameSite()
    {
        await factory.CreateUserAsync("cookie@example.jp", KyodoRoles.CommitteeMember);
        using var client = factory.CreatePageClient();
        var login = await client.GetPageAsync("/account/login");
        var token = login.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Email"] = "cookie@example.jp",
            ["Password"] = KyodoWebFactory.Password,
        });
        using var response = await client.Http.PostAsync("/account/login", content);

        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("kyodo.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
        var antiforgery = client.Cookies.GetAllCookies().Single(c => c.Name == "kyodo.antiforgery");
        Assert.True(antiforgery.HttpOnly);
        Assert.True(antiforgery.Secure);
    }

    [Fact]
    public async Task An_unexpected_error_shows_a_friendly_page_without_a_stack_trace()
    {
        using var client = factory.CreatePageClient();

        using var response = await client.Http.GetAsync("/test/throw");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("エラーが発生しました", html, StringComparison.Ordinal);
        Assert.DoesNotContain("secret connection string", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_check_reports_the_database_as_healthy()
    {
        using var client = factory.CreatePageClient();

        using var response = await client.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_redirect_after_sign_in_never_leaves_the_site()
    {
        await factory.CreateUserAsync("redirect@example.jp", KyodoRoles.CommitteeMember);
        using var client = factory.CreatePageClient();

        using var response = await client.SubmitAsync(await client.GetPageAsync("/account/login?returnUrl=https://evil.example/"), "main form",
            ("Email", "redirect@example.jp"), ("Password", KyodoWebFactory.Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}

[Trait("Category", "Database")]
public sealed class SignInRateLimitTests(SignInRateLimitTests.Factory factory) : IClassFixture<SignInRateLimitTests.Factory>
{
    public sealed class Factory : KyodoWebFactory
    {
        public Factory() => WithSetting("Security:SignInAttemptsPerMinute", "3");
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_in_a_minute_answer_429()
    {
        using var client = factory.CreatePageClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.SubmitAsync(await client.GetPageAsync("/account/login"), "main form", ("Email", "x@example.jp"), ("Password", "wrong-passphrase-xx"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, (HttpStatusCode)429], statuses);
    }
}
