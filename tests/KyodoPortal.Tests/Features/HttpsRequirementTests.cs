using System.Net;
using KyodoPortal.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// Issue 14 item 10: in Production the portal needs HTTPS (Secure-only cookies). On a plain-http
/// socket with no proxy declared, every page used to answer an empty 500; now the app refuses to
/// start and says what to do. The app runs on a real Kestrel socket here, as it would be deployed.
/// </summary>
[Trait("Category", "Database")]
public sealed class HttpsRequirementTests
{
    private sealed class ProductionFactory : KyodoWebFactory
    {
        public RecordingLogSink Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.ConfigureServices(services => services.AddSingleton<Serilog.Core.ILogEventSink>(Log));
        }

        public string StartOnPlainHttp()
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            StartServer();
            return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        }
    }

    [Fact]
    public void Production_on_plain_http_with_no_proxy_declared_refuses_to_start_with_a_clear_message()
    {
        using var factory = new ProductionFactory();

        var error = Assert.ThrowsAny<Exception>(() => factory.StartOnPlainHttp());

        Assert.Contains("HTTPS is required", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Security:RequireHttps=false", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("X-Forwarded-Proto", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(factory.Log.Events, e => e.Level == Serilog.Events.LogEventLevel.Fatal && e.Message.StartsWith("HTTPS is required", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Production_behind_a_declared_proxy_that_forwards_https_serves_pages()
    {
        using var factory = new ProductionFactory();
        factory.WithSetting("Security:KnownProxies:0", "127.0.0.1");
        var address = factory.StartOnPlainHttp();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ログイン", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_http_trial_with_RequireHttps_false_serves_pages()
    {
        using var factory = new ProductionFactory();
        factory.WithSetting("Security:RequireHttps", "false");
        var address = factory.StartOnPlainHttp();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        using var response = await http.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ログイン", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
