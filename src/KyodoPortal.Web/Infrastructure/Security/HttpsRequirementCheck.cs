using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace KyodoPortal.Web.Infrastructure.Security;

/// <summary>
/// With Security:RequireHttps (the default outside Development) cookies are Secure-only, and
/// antiforgery refuses to issue its cookie over plain http: every page would answer an empty 500.
/// Once the server listens, this refuses to go on when it has no https:// address and no reverse
/// proxy is declared to forward X-Forwarded-Proto — the start-up fails with a log line saying what
/// to set, and the process exits with an error code, instead of serving broken pages.
/// </summary>
public sealed partial class HttpsRequirementCheck(IServer server, IConfiguration configuration, IHostEnvironment environment, ILogger<HttpsRequirementCheck> logger)
    : IHostedLifecycleService
{
    public const string Refusal =
        "HTTPS is required; the server listens on plain http only and no reverse proxy is declared. " +
        "Listen on https (ASPNETCORE_URLS=https://… with a certificate), or declare the TLS proxy that forwards X-Forwarded-Proto " +
        "in Security:KnownProxies or Security:KnownNetworks, or set Security:RequireHttps=false for a local trial.";

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!KyodoPortalSetup.RequiresHttps(configuration, environment))
        {
            return Task.CompletedTask;
        }

        // An in-process test server has no addresses: nothing to judge.
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null || addresses.Count == 0
            || addresses.Any(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            || KyodoPortalSetup.DeclaresProxies(configuration))
        {
            return Task.CompletedTask;
        }

        LogRefused(logger, addresses);
        throw new InvalidOperationException(Refusal);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Critical, Message = Refusal + " Listening on: {Addresses}")]
    private static partial void LogRefused(ILogger logger, ICollection<string> addresses);
}
