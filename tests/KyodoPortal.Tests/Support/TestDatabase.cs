using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KyodoPortal.Tests.Support;

/// <summary>
/// A fresh, empty database per test class: a SQLite file, or a new server database created through
/// an administrator connection string and dropped afterwards — PostgreSQL (KYODO_TEST_PROVIDER=Postgres,
/// KYODO_TEST_POSTGRES) or SQL Server (KYODO_TEST_PROVIDER=SqlServer, KYODO_TEST_SQLSERVER).
/// The app applies the real migrations to it at start-up.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    // Creating a database copies SQL Server's model database; on a busy CI container that can outlast the default 30 s.
    private const int ServerCommandTimeoutSeconds = 120;

    private TestDatabase(string provider, string connectionString, string folder, string? serverDatabaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
        _serverDatabaseName = serverDatabaseName;
    }

    private readonly string? _serverDatabaseName;

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>A private folder for the SQLite file, data-protection keys, logs and artifacts.</summary>
    public string Folder { get; }

    public static string ConfiguredProvider =>
        Environment.GetEnvironmentVariable("KYODO_TEST_PROVIDER") is { Length: > 0 } p ? p : "Sqlite";

    public static TestDatabase Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kyodo-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var name = "kyodo_test_" + Guid.NewGuid().ToString("N");
        if (IsProvider("Sqlite"))
        {
            var sqlite = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "kyodo.db"), Pooling = false };
            return new TestDatabase("Sqlite", sqlite.ToString(), folder, null);
        }

        if (IsProvider("Postgres"))
        {
            RunOnPostgres($"CREATE DATABASE \"{name}\"");
            var builder = new NpgsqlConnectionStringBuilder(PostgresAdminConnectionString()) { Database = name };
            return new TestDatabase("Postgres", builder.ToString(), folder, name);
        }

        if (IsProvider("SqlServer"))
        {
            RunOnSqlServer($"CREATE DATABASE [{name}]");
            var builder = new SqlConnectionStringBuilder(SqlServerAdminConnectionString()) { InitialCatalog = name };
            return new TestDatabase("SqlServer", builder.ToString(), folder, name);
        }

        // A misspelt provider must not quietly run on SQLite and be counted as another provider's pass.
        throw new InvalidOperationException($"KYODO_TEST_PROVIDER '{ConfiguredProvider}' is not one of Sqlite, Postgres, SqlServer.");
    }

    public void Dispose()
    {
        if (_serverDatabaseName is { } name)
        {
            Drop(name);
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A log file may still be held open by a background flush; the OS temp cleaner gets it.
        }
    }

    private void Drop(string name)
    {
        if (Provider == "Postgres")
        {
            NpgsqlConnection.ClearAllPools();
            RunOnPostgres($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            return;
        }

        // The app's pooled connections keep the database in use; SINGLE_USER ... ROLLBACK IMMEDIATE ends any left over.
        using (var pooled = new SqlConnection(ConnectionString))
        {
            SqlConnection.ClearPool(pooled);
        }

        RunOnSqlServer(
            $"IF DB_ID(N'{name}') IS NOT NULL BEGIN " +
            $"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]; END");
    }

    private static bool IsProvider(string provider) =>
        string.Equals(ConfiguredProvider, provider, StringComparison.OrdinalIgnoreCase);

    private static void RunOnPostgres(string sql)
    {
        using var connection = new NpgsqlConnection(PostgresAdminConnectionString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void RunOnSqlServer(string sql)
    {
        using var connection = new SqlConnection(SqlServerAdminConnectionString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = ServerCommandTimeoutSeconds;
        command.ExecuteNonQuery();
    }

    private static string PostgresAdminConnectionString() =>
        Environment.GetEnvironmentVariable("KYODO_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "KYODO_TEST_PROVIDER=Postgres needs KYODO_TEST_POSTGRES (a superuser connection string). " +
                "scripts/test.sh starts a server and sets it; scripts/postgres.sh status prints it.");

    private static string SqlServerAdminConnectionString() =>
        Environment.GetEnvironmentVariable("KYODO_TEST_SQLSERVER") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "KYODO_TEST_PROVIDER=SqlServer needs KYODO_TEST_SQLSERVER (a connection string of a login that may " +
                "create databases, e.g. Server=127.0.0.1,1433;User ID=sa;Password=…;TrustServerCertificate=True).");
}
