using KyodoPortal.Tests.Support;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoPortal.Tests.Features;

public sealed class DatabaseSchemaTests
{
    /// <summary>
    /// A model change without a migration fails here, for each provider's own migrations set.
    /// (Neither check needs a server: the model is compared with the checked-in snapshot.)
    /// </summary>
    [Fact]
    public void The_Sqlite_migrations_match_the_model()
    {
        using var db = new SqliteKyodoDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration: run scripts/add-migration.sh <Name>.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void The_Postgres_migrations_match_the_model()
    {
        using var db = new PostgresKyodoDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a PostgreSQL migration: run scripts/add-migration.sh <Name>.");
        Assert.Equal(
            new SqliteKyodoDbContextFactory().CreateDbContext([]).Database.GetMigrations().Select(m => m[15..]),
            db.Database.GetMigrations().Select(m => m[15..]));
    }

    [Fact]
    public void The_SqlServer_migrations_match_the_model()
    {
        using var db = new SqlServerKyodoDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQL Server migration: run scripts/add-migration.sh <Name>.");
        Assert.Equal(
            new SqliteKyodoDbContextFactory().CreateDbContext([]).Database.GetMigrations().Select(m => m[15..]),
            db.Database.GetMigrations().Select(m => m[15..]));
    }
}

[Trait("Category", "Database")]
public sealed class MigratedDatabaseTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task Start_up_applies_every_migration_and_creates_the_five_roles()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KyodoDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(
            ["Administrator", "CommitteeMember", "Coordinator", "DepartmentStaff", "GroupMember"],
            await db.Roles.OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync());
        Assert.Contains(factory.Provider, db.Database.ProviderName, StringComparison.OrdinalIgnoreCase);
    }
}
