using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace KyodoPortal.Web.Infrastructure.Persistence;

public static partial class DatabaseStartup
{
    /// <summary>
    /// Applies migrations (Database:MigrateOnStartup, on by default so the first run creates the
    /// database), imports key files of an install from before keys moved to the database, creates the
    /// first administrator from Bootstrap settings and, only where allowed, seeds the demo city.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var configuration = services.GetRequiredService<IConfiguration>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));

        var db = services.GetRequiredService<KyodoDbContext>();
        await OneInstanceAtATimeAsync(db, async () =>
        {
            if (configuration.GetValue("Database:MigrateOnStartup", true))
            {
                await MigrateAsync(db);
                LogMigrated(logger, db.Database.ProviderName);
            }

            await Security.DataProtectionSetup.ImportFormerKeyFilesAsync(services);
            await services.GetRequiredService<AdministratorBootstrap>().RunAsync();
        });

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
    private const long StartupLockKey = 15_0004_2026;

    /// <summary>
    /// Several instances may start at once. What they do to the database at start-up — migrations,
    /// importing former key files, the first administrator — must run in one of them at a time.
    /// EF's own migration lock is enough on SQLite (a lock table) and SQL Server (an application lock
    /// for the whole run), but on PostgreSQL it is a table lock per migration's transaction, and two
    /// instances starting together on an empty database were seen applying the same migration twice
    /// (42701 column already exists). There a session advisory lock is held for the whole start-up
    /// work: the second instance waits, then finds nothing left to do. PostgreSQL releases it if the
    /// process dies.
    /// </summary>
    private static async Task OneInstanceAtATimeAsync(KyodoDbContext db, Func<Task> work)
    {
        if (db is not PostgresKyodoDbContext || !await db.GetService<IRelationalDatabaseCreator>().ExistsAsync())
        {
            // SQLite, SQL Server, or a PostgreSQL database that Migrate itself has to create first.
            await work();
            return;
        }

        await db.Database.OpenConnectionAsync();
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({StartupLockKey})");
            try
            {
                await work();
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({StartupLockKey})");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Applies the migrations of the configured provider (the generate-city command, which runs alone).</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KyodoDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        await MigrateAsync(db);
        LogMigrated(logger, db.Database.ProviderName);
    }

    /// <summary>
    /// Applies the migrations. On an existing PostgreSQL database the history table is created first
    /// (<c>CREATE TABLE IF NOT EXISTS</c>): EF's PostgreSQL migrator reads it before creating it and
    /// logs the failed read as an error with a stack trace on every new database, which operators took
    /// for a failed start (npgsql/efcore.pg#3407). Instances run this one at a time (the advisory lock).
    /// </summary>
    private static async Task MigrateAsync(KyodoDbContext db)
    {
        if (db is PostgresKyodoDbContext && await db.GetService<IRelationalDatabaseCreator>().ExistsAsync())
        {
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript());
        }

        await db.Database.MigrateAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated ({Provider})")]
    private static partial void LogMigrated(ILogger logger, string? provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DemoData:Seed is ignored in Production")]
    private static partial void LogDemoRefused(ILogger logger);
}
