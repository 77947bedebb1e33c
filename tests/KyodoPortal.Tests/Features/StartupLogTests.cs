using KyodoPortal.Tests.Support;
using KyodoPortal.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// A new SQLite database is migrated at the first start without a warning in the log: an operator reads
/// a warning as something to act on, and EF's own table-rebuild pragma is not (docs/migrations.md).
/// </summary>
public sealed class StartupLogTests
{
    [Fact]
    public async Task Migrating_a_new_SQLite_database_with_the_apps_settings_logs_no_warning()
    {
        using var database = TestDatabase.Create();
        if (database.Provider != "Sqlite")
        {
            return; // the table rebuild and its pragma are SQLite's
        }

        using var factory = new KyodoWebFactory();
        var appOptions = factory.Services.GetRequiredService<DbContextOptions<SqliteKyodoDbContext>>();
        var log = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(log).SetMinimumLevel(LogLevel.Debug));
        var options = new DbContextOptionsBuilder<SqliteKyodoDbContext>(appOptions)
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(database.Folder, "new.db"), Pooling = false }.ToString())
            .UseLoggerFactory(loggers)
            .Options;

        await using (var db = new SqliteKyodoDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        Assert.Contains(log.Messages, m => m.Category.EndsWith("Migrations", StringComparison.Ordinal) && m.Text.Contains("AgreementRolesPerParty", StringComparison.Ordinal));
        var warnings = log.Messages.Where(m => m.Level >= LogLevel.Warning).ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings.Select(w => $"{w.Category}: {w.Text}")));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<(string Category, LogLevel Level, string Text)> _messages = new();

        public IReadOnlyList<(string Category, LogLevel Level, string Text)> Messages => [.. _messages];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _messages);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<(string, LogLevel, string)> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
