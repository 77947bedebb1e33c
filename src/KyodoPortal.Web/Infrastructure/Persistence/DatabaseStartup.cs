using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

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
            var db = services.GetRequiredService<KyodoDbContext>();
            await MigrateOneInstanceAtATimeAsync(db);
            LogMigrated(logger, db.Database.ProviderName);
        }

        await Security.DataProtectionSetup.ImportFormerKeyFilesAsync(services);
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

    /// <summary>Any number; the same in every instance (advisory locks are per database).</summary>
    private const long MigrationLockKey = 15_0004_2026;

    /// <summary>
    /// Several instances may start at once with Database:MigrateOnStartup. EF's own migration lock is
    /// enough on SQLite (a lock table) and SQL Server (an application lock for the whole run), but on
    /// PostgreSQL it is a table lock per migration's transaction, and two instances starting together
    /// on an empty database were seen applying the same migration twice (42701 column already
    /// exists). There a session advisory lock is held for the whole run: the second instance waits,
    /// then finds nothing left to apply. PostgreSQL releases it if the process dies.
    /// </summary>
    private static async Task MigrateOneInstanceAtATimeAsync(KyodoDbContext db)
    {
        if (db is not PostgresKyodoDbContext || !await db.GetService<IRelationalDatabaseCreator>().ExistsAsync())
        {
            // SQLite, SQL Server, or a PostgreSQL database that Migrate itself has to create first.
            await db.Database.MigrateAsync();
            return;
        }

        await db.Database.OpenConnectionAsync();
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})");
            try
            {
                await db.Database.MigrateAsync();
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated ({Provider})")]
    private static partial void LogMigrated(ILogger logger, string? provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DemoData:Seed is ignored in Production")]
    private static partial void LogDemoRefused(ILogger logger);
}
