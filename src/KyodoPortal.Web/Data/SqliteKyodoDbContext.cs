using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KyodoPortal.Web.Data;

/// <summary>The embedded default: one file, no server. Migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteKyodoDbContext(DbContextOptions<SqliteKyodoDbContext> options) : KyodoDbContext(options)
{
    private const int SqliteConstraintUnique = 2067;

    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique };
}

/// <summary>Lets `dotnet ef` build the context without running the web host.</summary>
public sealed class SqliteKyodoDbContextFactory : IDesignTimeDbContextFactory<SqliteKyodoDbContext>
{
    public SqliteKyodoDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKyodoDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .Options);
}
