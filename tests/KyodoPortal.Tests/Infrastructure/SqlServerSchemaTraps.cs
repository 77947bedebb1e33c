using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Infrastructure;

/// <summary>
/// Throw-away SQL Server models that break the rules of <see cref="Support.SqlServerSchemaRules"/> on purpose,
/// so the tests show each rule can fail and what its message says. Never migrated, never connected.
/// </summary>
internal static class SqlServerTraps
{
    public static TContext Create<TContext>(Func<DbContextOptions<TContext>, TContext> create) where TContext : DbContext =>
        create(new DbContextOptionsBuilder<TContext>().UseSqlServer("Server=nowhere;Database=trap").Options);
}

/// <summary>
/// A → B → C and A → C both cascade; D refers to itself and E ↔ F refer to each other with SET NULL;
/// H is reached from A directly and through B, but the second way is ClientCascade, which SQL Server never sees.
/// </summary>
internal sealed class CascadeTrapContext(DbContextOptions<CascadeTrapContext> options) : DbContext(options)
{
    private static readonly (string Table, string Principal, DeleteBehavior OnDelete)[] References =
    [
        ("B", "A", DeleteBehavior.Cascade),
        ("C", "B", DeleteBehavior.Cascade),
        ("C", "A", DeleteBehavior.Cascade),
        ("D", "D", DeleteBehavior.SetNull),
        ("E", "F", DeleteBehavior.Cascade),
        ("F", "E", DeleteBehavior.SetNull),
        ("H", "A", DeleteBehavior.Cascade),
        ("H", "B", DeleteBehavior.ClientCascade),
    ];

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        foreach (var table in References.Select(r => r.Table).Concat(References.Select(r => r.Principal)).Distinct())
        {
            modelBuilder.SharedTypeEntity<Dictionary<string, object>>(table, e =>
            {
                e.IndexerProperty<int>("Id");
                e.HasKey("Id");
            });
        }

        foreach (var (table, principal, onDelete) in References)
        {
            modelBuilder.Entity(table, e =>
            {
                e.IndexerProperty<int?>(principal + "Id");
                e.HasOne(principal).WithMany().HasForeignKey(principal + "Id").OnDelete(onDelete);
            });
        }
    }
}

/// <summary>One table that breaks every column and index rule once.</summary>
internal sealed class SchemaTrapContext(DbContextOptions<SchemaTrapContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Trap>(e =>
        {
            e.ToTable("Traps");
            e.HasKey(t => new { t.Region, t.Code });
            e.Property(t => t.Region).HasMaxLength(300);
            e.Property(t => t.Code).HasMaxLength(300);
            e.Property(t => t.Note).HasColumnType("nvarchar(max)");
            e.HasIndex(t => t.Note);
            e.Property(t => t.Title).HasMaxLength(450);
            e.Property(t => t.Summary).HasMaxLength(450);
            e.HasIndex(t => new { t.Title, t.Summary });
            e.Property(t => t.Remarks).HasMaxLength(500);
            e.HasIndex(t => t.Remarks);
            e.Property(t => t.Alias).HasMaxLength(50);
            e.HasIndex(t => t.Alias).IsUnique().HasFilter(null);
            e.Property(t => t.SubmittedAt).HasColumnType("datetime");
        });
}

internal sealed class Trap
{
    public string Region { get; set; } = "";

    public string Code { get; set; } = "";

    public string? Note { get; set; }

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public string Remarks { get; set; } = "";

    public string? Alias { get; set; }

    public DateTime SubmittedAt { get; set; }

    public decimal Amount { get; set; }
}
