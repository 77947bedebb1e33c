using Microsoft.Data.Sqlite;
using Npgsql;

namespace KyodoPortal.Tests.Support;

/// <summary>
/// A fresh, empty database per test class: a SQLite file, or (KYODO_TEST_PROVIDER=Postgres) a
/// new PostgreSQL database created through KYODO_TEST_POSTGRES and dropped afterwards.
/// The app applies the real migrations to it at start-up.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private TestDatabase(string provider, string connectionString, string folder, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
        _postgresName = postgresName;
    }

    private readonly string? _postgresName;

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
        if (!string.Equals(ConfiguredProvider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var sqlite = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "kyodo.db"), Pooling = false };
            return new TestDatabase("Sqlite", sqlite.ToString(), folder, null);
        }

        var admin = AdminConnectionString();
        var name = "kyodo_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            command.ExecuteNonQuery();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase("Postgres", builder.ToString(), folder, name);
    }

    public void Dispose()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(AdminConnectionString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)";
            command.ExecuteNonQuery();
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

    private static string AdminConnectionString() =>
        Environment.GetEnvironmentVariable("KYODO_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "KYODO_TEST_PROVIDER=Postgres needs KYODO_TEST_POSTGRES (a superuser connection string). " +
                "scripts/test.sh starts a server and sets it; scripts/postgres.sh status prints it.");
}
