using KyodoPortal.Web.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KyodoPortal.Web.Infrastructure.Persistence;

/// <summary>/healthz: healthy only when the database answers.</summary>
public sealed class DatabaseHealthCheck(KyodoDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
