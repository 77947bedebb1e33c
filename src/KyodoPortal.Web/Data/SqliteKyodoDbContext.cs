using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KyodoPortal.Web.Data;

/// <summary>The embedded default: one file, no server. Migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteKyodoDbContext(DbContextOptions<SqliteKyodoDbContext> options) : KyodoDbContext(options)
{
    private const int SqliteConstraintUnique = 2067;

    // A composite primary key (the survey has-answered marker) reports its own code; PostgreSQL and
    // SQL Server report primary-key and unique violations alike.
    private const int SqliteConstraintPrimaryKey = 1555;

    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey };
}

/// <summary>Lets `dotnet ef` build the context without running the web host.</summary>
public sealed class SqliteKyodoDbContextFactory : IDesignTimeDbContextFactory<SqliteKyodoDbContext>
{
    public SqliteKyodoDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKyodoDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .Options);
}
