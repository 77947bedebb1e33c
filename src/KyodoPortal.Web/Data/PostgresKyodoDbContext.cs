using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace KyodoPortal.Web.Data;

/// <summary>What a city runs in production. Migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresKyodoDbContext(DbContextOptions<PostgresKyodoDbContext> options) : KyodoDbContext(options)
{
    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}

/// <summary>Lets `dotnet ef` build the context without a server (generating migrations needs no connection).</summary>
public sealed class PostgresKyodoDbContextFactory : IDesignTimeDbContextFactory<PostgresKyodoDbContext>
{
    public PostgresKyodoDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresKyodoDbContext>()
            .UseNpgsql("Host=localhost;Database=kyodo_design")
            .Options);
}
