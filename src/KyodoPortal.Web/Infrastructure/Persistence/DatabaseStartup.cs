using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Infrastructure.Persistence;

public static partial class DatabaseStartup
{
    /// <summary>
    /// Applies migrations (Database:MigrateOnStartup, on by default so the first run creates the
    /// database) and, only where allowed, seeds the demo city.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var configuration = services.GetRequiredService<IConfiguration>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));

        if (configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await services.MigrateDatabaseAsync();
        }

        await services.GetRequiredService<AdministratorBootstrap>().RunAsync();

        if (configuration.GetValue("DemoData:Seed", false))
        {
            // Demo accounts have a published password: never in Production, whatever the settings say.
            if (app.Environment.IsProduction())
            {
                LogDemoRefused(logger);
                return;
            }

            await services.GetRequiredService<DemoDataSeeder>().SeedAsync();
        }
    }

    /// <summary>Applies the migrations of the configured provider (start-up and the generate-city command).</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KyodoDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        await db.Database.MigrateAsync();
        LogMigrated(logger, db.Database.ProviderName);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated ({Provider})")]
    private static partial void LogMigrated(ILogger logger, string? provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DemoData:Seed is ignored in Production")]
    private static partial void LogDemoRefused(ILogger logger);
}
