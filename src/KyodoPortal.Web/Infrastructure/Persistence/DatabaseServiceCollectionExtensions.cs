using KyodoPortal.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KyodoPortal.Web.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="KyodoDbContext"/> for the provider named by <c>Database:Provider</c>
    /// (Sqlite by default) with the connection string <c>ConnectionStrings:Kyodo</c>.
    /// Any <see cref="IInterceptor"/> in the container is attached (tests count SQL commands this way).
    /// Contexts are pooled: a request rents a context whose services and sets are already built
    /// instead of constructing one (the context holds no per-request state).
    /// </summary>
    public static IServiceCollection AddKyodoDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton<IInterceptor, RequestSqlCommands>();
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString("Kyodo");

        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(connectionString, configuration, environment);
                services.AddDbContextPool<KyodoDbContext, SqliteKyodoDbContext>((sp, options) =>
                    options.UseSqlite(sqlite).AddInterceptors(sp.GetServices<IInterceptor>())
                        // A migration that drops a column makes EF rebuild the table between its own
                        // "PRAGMA foreign_keys" statements, which cannot run in a transaction, and EF 9+
                        // warns about its own statement on every new database (dotnet/efcore#35871). Our
                        // migrations hold no statement of their own outside a transaction (docs/migrations.md).
                        .ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Information))));
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContextPool<KyodoDbContext, PostgresKyodoDbContext>((sp, options) =>
                    options.UseNpgsql(PostgresConnectionString(Required(connectionString, provider))).AddInterceptors(sp.GetServices<IInterceptor>()));
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextPool<KyodoDbContext, SqlServerKyodoDbContext>((sp, options) =>
                    options.UseSqlServer(Required(connectionString, provider)).AddInterceptors(sp.GetServices<IInterceptor>()));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{provider}'. Use Sqlite, Postgres or SqlServer.");
        }

        return services;
    }

    private static string Required(string? connectionString, DatabaseProvider provider) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException($"Database:Provider is {provider} but ConnectionStrings:Kyodo is empty.")
            : connectionString;

    /// <summary>
    /// Npgsql's defaults tuned for EF's many short queries, unless the connection string says
    /// otherwise. Measured on the scale-1 city (docs/performance.md): PostgreSQL spent ~4.8 ms of CPU
    /// per project page on 11 statements whose execution took 0.5 ms; the rest was the reset of the
    /// pooled connection before each statement (EF opens and closes the connection per query; Npgsql
    /// then sends DISCARD ALL) and parsing and planning every statement again. Without the reset the
    /// session keeps its prepared statements, and statements used twice are prepared (1.6 ms per page).
    /// Nothing here leaves session state behind (the start-up advisory lock is released explicitly).
    /// </summary>
    internal static string PostgresConnectionString(string configured)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        if (!Mentions(configured, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!Mentions(configured, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 100;
        }

        if (!Mentions(configured, "Auto Prepare Min Usages", "AutoPrepareMinUsages"))
        {
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    private static bool Mentions(string connectionString, params string[] keywords)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return keywords.Any(given.ContainsKey);
    }

    /// <summary>
    /// A relative SQLite file is placed under the data folder (Storage:DataPath, relative to the
    /// content root), which is created if missing, so the first `dotnet run` just works.
    /// </summary>
    private static string SqliteConnectionString(string? configured, IConfiguration configuration, IHostEnvironment environment)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=kyodo.db" : configured);
        var isFile = !string.IsNullOrEmpty(builder.DataSource)
            && builder.Mode != SqliteOpenMode.Memory
            && !builder.DataSource.Equals(":memory:", StringComparison.Ordinal);
        if (isFile && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(StoragePaths.DataFolder(configuration, environment), builder.DataSource);
        }

        if (isFile)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(builder.DataSource))!);
        }

        return builder.ToString();
    }
}

public static class StoragePaths
{
    /// <summary>The folder for the SQLite file, data-protection keys and logs (Storage:DataPath).</summary>
    public static string DataFolder(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Storage:DataPath"];
        var path = string.IsNullOrWhiteSpace(configured) ? "App_Data" : configured;
        var full = Path.IsPathRooted(path) ? path : Path.Combine(environment.ContentRootPath, path);
        Directory.CreateDirectory(full);
        return full;
    }
}
