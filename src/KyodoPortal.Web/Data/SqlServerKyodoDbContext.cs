using KyodoPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KyodoPortal.Web.Data;

/// <summary>
/// For cities whose business systems run on SQL Server. Migrations in Data/Migrations/SqlServer.
/// What differs from the shared model is here only: Japanese collation on every text column,
/// Identity's key columns short enough for SQL Server's key limit, and how a unique-index violation is recognised. See docs/operations.md (SQL Server).
/// </summary>
public sealed class SqlServerKyodoDbContext(DbContextOptions<SqlServerKyodoDbContext> options) : KyodoDbContext(options)
{
    /// <summary>
    /// Japanese (JIS X 0213 aware, version 140) collation: names sort in Japanese order, case-insensitive,
    /// accent-sensitive. It is set per column rather than as the database default, so an existing
    /// database with another default collation works unchanged.
    /// </summary>
    public const string JapaneseCollation = "Japanese_XJIS_140_CI_AS";

    /// <summary>
    /// Identity's composite primary keys (user–role, login, token) are clustered, and SQL Server refuses any
    /// insert into a clustered key wider than 900 bytes; Identity's default nvarchar(450) columns make them
    /// 1800–2700 bytes. 128 characters is what Identity's later schema versions give provider keys; the
    /// ids are GUID strings (36) or the seeded "role-…" names. Foreign keys to the ids follow them.
    /// </summary>
    private const int IdentityKeyMaxLength = 128;

    /// <summary>Cannot insert duplicate key row in object with unique index (2601) / unique constraint (2627).</summary>
    private static readonly int[] UniqueViolationNumbers = [2601, 2627];

    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqlException sql && UniqueViolationNumbers.Contains(sql.Number);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>().Property(u => u.Id).HasMaxLength(IdentityKeyMaxLength);
        builder.Entity<IdentityRole>().Property(r => r.Id).HasMaxLength(IdentityKeyMaxLength);
        builder.Entity<IdentityUserLogin<string>>(login =>
        {
            login.Property(l => l.LoginProvider).HasMaxLength(IdentityKeyMaxLength);
            login.Property(l => l.ProviderKey).HasMaxLength(IdentityKeyMaxLength);
        });
        builder.Entity<IdentityUserToken<string>>(token =>
        {
            token.Property(t => t.LoginProvider).HasMaxLength(IdentityKeyMaxLength);
            token.Property(t => t.Name).HasMaxLength(IdentityKeyMaxLength);
        });

        // The has-answered marker's key is (survey, account): the account id at Identity's length keeps the
        // clustered key at 260 bytes instead of 904.
        builder.Entity<Domain.Surveys.SurveyParticipation>().Property(p => p.UserId).HasMaxLength(IdentityKeyMaxLength);

        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.ClrType == typeof(string))
            {
                property.SetCollation(JapaneseCollation);
            }
        }
    }
}

/// <summary>Lets `dotnet ef` build the context without a server (generating migrations needs no connection).</summary>
public sealed class SqlServerKyodoDbContextFactory : IDesignTimeDbContextFactory<SqlServerKyodoDbContext>
{
    public SqlServerKyodoDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerKyodoDbContext>()
            .UseSqlServer("Server=localhost;Database=kyodo_design;Integrated Security=true;TrustServerCertificate=true")
            .Options);
}
