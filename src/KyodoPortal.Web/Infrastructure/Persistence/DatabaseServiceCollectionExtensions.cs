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
                    options.UseSqlite(sqlite).AddInterceptors(sp.GetServices<IInterceptor>()));
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContextPool<KyodoDbContext, PostgresKyodoDbContext>((sp, options) =>
                    options.UseNpgsql(Required(connectionString, provider)).AddInterceptors(sp.GetServices<IInterceptor>()));
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
