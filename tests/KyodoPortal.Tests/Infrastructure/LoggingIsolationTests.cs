using KyodoPortal.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoPortal.Tests.Infrastructure;

/// <summary>
/// Each app writes its log through its own logger. With Serilog's static <c>Log.Logger</c> (what
/// <c>AddSerilog</c> sets unless told to keep it) the request log of one app went to the sinks of
/// whichever app in the process was built last — in the tests, lines landed in a parallel class's
/// app; in a host with two apps, in the wrong log file.
/// </summary>
[Trait("Category", "Database")]
public sealed class LoggingIsolationTests
{
    private sealed class RecordingFactory : KyodoWebFactory
    {
        public RecordingLogSink Log { get; } = new();

        public RecordingFactory() => WithSetting("Serilog:MinimumLevel:Default", "Information");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services
                .AddSingleton<Serilog.Core.ILogEventSink>(Log)
                .AddSingleton<IStartupFilter, ClientGoneFilter>());
        }
    }

    /// <summary>A request with the header <c>X-Test-Client-Gone</c> arrives with its client already gone, as when a tab is closed mid-request.</summary>
    private sealed class ClientGoneFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Headers.ContainsKey("X-Test-Client-Gone"))
                {
                    context.RequestAborted = new CancellationToken(canceled: true);
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }

    [Fact]
    public async Task A_request_is_logged_by_its_own_app_only()
    {
        using var first = new RecordingFactory();
        using var firstClient = first.CreateBareClient();
        using var second = new RecordingFactory();
        using var secondClient = second.CreateBareClient();

        using var response = await firstClient.GetAsync("/account/login");

        // The request line is written when the pipeline unwinds, which can be just after the client has the response.
        for (var waited = 0; waited < 50 && !first.Log.Events.Any(IsLoginRequest); waited++)
        {
            await Task.Delay(100);
        }

        Assert.Contains(first.Log.Events, IsLoginRequest);
        Assert.DoesNotContain(second.Log.Events, IsLoginRequest);
    }

    [Fact]
    public async Task A_request_line_says_how_many_SQL_commands_the_request_sent()
    {
        using var factory = new RecordingFactory();
        using var client = factory.CreateBareClient();
        using var warmUp = await client.GetAsync("/themes");
        factory.SqlCommands.Reset();

        using var response = await client.GetAsync("/themes?q=" + Uri.EscapeDataString("まちづくり"));

        var sent = factory.SqlCommands.Count;
        Assert.True(sent > 0);
        string? line = null;
        for (var waited = 0; waited < 50 && line is null; waited++)
        {
            line = factory.Log.Events.Select(e => e.Message).LastOrDefault(m => m.Contains("/themes", StringComparison.Ordinal) && m.Contains("SQL", StringComparison.Ordinal));
            await Task.Delay(line is null ? 100 : 0);
        }

        Assert.NotNull(line);
        Assert.EndsWith($"({sent} SQL)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_whose_client_went_away_is_logged_as_499_not_as_a_server_error()
    {
        using var factory = new RecordingFactory();
        using var client = factory.CreateBareClient();
        var loggedBefore = factory.Log.Events.Count; // the start-up's own lines
        using var request = new HttpRequestMessage(HttpMethod.Get, "/directory?q=" + Uri.EscapeDataString("団"));
        request.Headers.Add("X-Test-Client-Gone", "1");

        using var response = await client.SendAsync(request);

        Assert.Equal(499, (int)response.StatusCode);
        (Serilog.Events.LogEventLevel Level, string Message)? line = null;
        for (var waited = 0; waited < 50 && line is null; waited++)
        {
            line = factory.Log.Events.LastOrDefault(e => e.Message.Contains("\"/directory\"", StringComparison.Ordinal));
            await Task.Delay(line is null ? 100 : 0);
        }

        Assert.NotNull(line);
        Assert.Contains("responded 499", line.Value.Message, StringComparison.Ordinal);
        Assert.Equal(Serilog.Events.LogEventLevel.Information, line.Value.Level);
        Assert.DoesNotContain(factory.Log.Events.Skip(loggedBefore), e => e.Level >= Serilog.Events.LogEventLevel.Error);
    }

    [Fact]
    public void Starting_on_a_new_database_logs_no_error()
    {
        // EF on PostgreSQL read the migrations' history table before creating it and logged the
        // failed command as an error on every new database (npgsql/efcore.pg#3407).
        using var factory = new RecordingFactory();
        using var client = factory.CreateBareClient();

        Assert.Contains(factory.Log.Events, e => e.Message.StartsWith("Database migrated", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Log.Events, e => e.Level >= Serilog.Events.LogEventLevel.Error);
    }

    private static bool IsLoginRequest((Serilog.Events.LogEventLevel Level, string Message) logged) =>
        logged.Message.StartsWith("HTTP \"GET\" \"/account/login\"", StringComparison.Ordinal);
}
