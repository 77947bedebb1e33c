using KyodoPortal.Tests.Support;
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
            builder.ConfigureServices(services => services.AddSingleton<Serilog.Core.ILogEventSink>(Log));
        }
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

    private static bool IsLoginRequest((Serilog.Events.LogEventLevel Level, string Message) logged) =>
        logged.Message.StartsWith("HTTP \"GET\" \"/account/login\"", StringComparison.Ordinal);
}
