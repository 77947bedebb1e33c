using KyodoPortal.Tests.Support;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using static KyodoPortal.Tests.Support.SqlServerSchemaRules;

namespace KyodoPortal.Tests.Infrastructure;

/// <summary>
/// No SQL Server can run here, so what SQL Server classically refuses is checked on the model and the
/// generated script, in every ordinary test run. Each rule is also shown failing on a small trap model.
/// </summary>
public sealed class SqlServerSchemaTests
{
    private static IRelationalModel SqlServerModel()
    {
        using var db = new SqlServerKyodoDbContextFactory().CreateDbContext([]);
        return RelationalModel(db);
    }

    private static string Script(DbContext db, MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Idempotent) =>
        db.GetService<IMigrator>().GenerateScript(options: options);

    private static void AssertNone(IReadOnlyList<string> problems) =>
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

    [Fact]
    public void Idempotent_scripts_generate_without_a_server_for_SQL_Server_and_PostgreSQL_and_guard_every_migration()
    {
        using var sqlServer = new SqlServerKyodoDbContextFactory().CreateDbContext([]);
        using var postgres = new PostgresKyodoDbContextFactory().CreateDbContext([]);

        var sqlServerScript = Script(sqlServer);
        var postgresScript = Script(postgres);

        Assert.Contains("CREATE TABLE [Departments]", sqlServerScript, StringComparison.Ordinal);
        Assert.All(sqlServer.Database.GetMigrations(), id =>
            Assert.Contains($"IF NOT EXISTS (\n    SELECT * FROM [__EFMigrationsHistory]\n    WHERE [MigrationId] = N'{id}'\n)", sqlServerScript, StringComparison.Ordinal));
        Assert.Contains("CREATE TABLE \"Departments\"", postgresScript, StringComparison.Ordinal);
        Assert.All(postgres.Database.GetMigrations(), id =>
            Assert.Contains($"IF NOT EXISTS(SELECT 1 FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '{id}')", postgresScript, StringComparison.Ordinal));
    }

    [Fact]
    public void SQLite_cannot_guard_a_script_so_its_plain_script_generates_instead()
    {
        using var sqlite = new SqliteKyodoDbContextFactory().CreateDbContext([]);

        // When EF learns idempotent SQLite scripts this fails: then check the idempotent one as above.
        Assert.Throws<NotSupportedException>(() => Script(sqlite));
        var script = Script(sqlite, MigrationsSqlGenerationOptions.Default);

        Assert.Contains("CREATE TABLE \"Departments\"", script, StringComparison.Ordinal);
        Assert.All(sqlite.Database.GetMigrations(), id => Assert.Contains($"VALUES ('{id}'", script, StringComparison.Ordinal));
    }

    [Fact]
    public void The_SQL_Server_model_has_one_cascade_path_at_most_between_two_tables_and_no_cascade_cycle() =>
        AssertNone(CascadePathProblems(SqlServerModel()));

    [Fact]
    public void The_cascade_check_names_the_tables_and_foreign_keys_of_a_second_path_and_of_a_cycle()
    {
        using var trap = SqlServerTraps.Create<CascadeTrapContext>(o => new CascadeTrapContext(o));

        var problems = CascadePathProblems(RelationalModel(trap));

        Assert.Equal(
            [
                "Deleting a row of A cascades to C along 2 paths: A → B (FK_B_A_AId, Cascade) → C (FK_C_B_BId, Cascade); A → C (FK_C_A_AId, Cascade). Make all but one of them OnDelete(DeleteBehavior.Restrict or ClientCascade).",
                "Deleting cascades round a cycle: D → D (FK_D_D_DId, SetNull). Make one of these foreign keys OnDelete(DeleteBehavior.Restrict or ClientCascade).",
                "Deleting cascades round a cycle: F → E (FK_E_F_FId, Cascade) → F (FK_F_E_EId, SetNull). Make one of these foreign keys OnDelete(DeleteBehavior.Restrict or ClientCascade).",
            ],
            problems.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_SQL_Server_key_and_index_fits_the_key_size_limits() =>
        AssertNone(IndexKeyProblems(SqlServerModel()));

    [Fact]
    public void The_key_check_names_the_index_its_width_and_a_max_or_too_long_column()
    {
        using var trap = SqlServerTraps.Create<SchemaTrapContext>(o => new SchemaTrapContext(o));

        var problems = IndexKeyProblems(RelationalModel(trap));

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("PK_Traps on Traps is 1200 bytes wide (Region nvarchar(300) 600 + Code nvarchar(300) 600), over SQL Server's 900 bytes for a clustered key.", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("IX_Traps_Title_Summary on Traps is 1800 bytes wide", StringComparison.Ordinal) && p.Contains("1700 bytes for a nonclustered key", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("IX_Traps_Note on Traps has Note nvarchar(max): a (max) column cannot be in an index key.", StringComparison.Ordinal));
        Assert.Contains("IX_Traps_Remarks on Traps has Remarks nvarchar(500): a key column should hold at most 900 bytes (nvarchar(450)), the limit every SQL Server index accepts.", problems);
    }

    [Theory]
    [InlineData("nvarchar(450)", 900)]
    [InlineData("varchar(20)", 20)]
    [InlineData("int", 4)]
    [InlineData("bigint", 8)]
    [InlineData("bit", 1)]
    [InlineData("date", 3)]
    [InlineData("datetime2", 8)]
    [InlineData("datetime2(2)", 6)]
    [InlineData("decimal(14,2)", 9)]
    [InlineData("uniqueidentifier", 16)]
    [InlineData("nvarchar(max)", null)]
    public void Key_widths_are_SQL_Servers_storage_sizes(string storeType, int? bytes) =>
        Assert.Equal(bytes, KeyBytes(storeType));

    [Fact]
    public void Every_SQL_Server_unique_index_on_a_nullable_column_leaves_NULL_out()
    {
        var model = SqlServerModel();

        AssertNone(NullableUniqueIndexProblems(model));
        Assert.Equal("[NormalizedUserName] IS NOT NULL", model.FindTable("AspNetUsers", null)!.Indexes.Single(i => i.Name == "UserNameIndex").Filter);
    }

    [Fact]
    public void The_nullable_unique_index_check_names_an_unfiltered_index()
    {
        using var trap = SqlServerTraps.Create<SchemaTrapContext>(o => new SchemaTrapContext(o));

        var problem = Assert.Single(NullableUniqueIndexProblems(RelationalModel(trap)));

        Assert.StartsWith("Unique index IX_Traps_Alias on Traps includes the nullable column Alias", problem, StringComparison.Ordinal);
        Assert.Contains("HasFilter(\"[Alias] IS NOT NULL\")", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void UTC_times_are_datetime2_on_SQL_Server()
    {
        var model = SqlServerModel();

        AssertNone(DateTimeProblems(model));
        Assert.Contains(model.Tables.SelectMany(t => t.Columns), c => c.StoreType == "datetime2");
    }

    [Fact]
    public void The_time_check_names_a_datetime_column()
    {
        using var trap = SqlServerTraps.Create<SchemaTrapContext>(o => new SchemaTrapContext(o));

        Assert.Equal(
            ["Traps.SubmittedAt is datetime: UTC times are datetime2. Remove the HasColumnType that chose it."],
            DateTimeProblems(RelationalModel(trap)));
    }

    [Fact]
    public void The_SQL_Server_model_builds_without_EF_warnings() =>
        AssertNone(ModelWarnings<SqlServerKyodoDbContext>(o => new SqlServerKyodoDbContext(o)));

    [Fact]
    public void The_warning_check_reports_a_decimal_without_precision()
    {
        var warning = Assert.Single(ModelWarnings<SchemaTrapContext>(o => new SchemaTrapContext(o)));

        Assert.StartsWith("Microsoft.EntityFrameworkCore.Model.Validation.DecimalTypeDefaultWarning:", warning, StringComparison.Ordinal);
        Assert.Contains("'Amount'", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void The_SQL_Server_script_seeds_the_activity_fields_inside_IDENTITY_INSERT()
    {
        // The demo seeder and the docs name 活動分野 by these ids; an IDENTITY column refuses explicit ids otherwise.
        using var db = new SqlServerKyodoDbContextFactory().CreateDbContext([]);
        var script = Script(db, MigrationsSqlGenerationOptions.Default);

        var identityOn = script.IndexOf("SET IDENTITY_INSERT [ActivityFields] ON", StringComparison.Ordinal);
        var insert = script.IndexOf("INSERT INTO [ActivityFields] ([Id], [Name], [SortOrder])", StringComparison.Ordinal);
        var identityOff = script.IndexOf("SET IDENTITY_INSERT [ActivityFields] OFF", StringComparison.Ordinal);
        Assert.True(identityOn >= 0 && identityOn < insert && insert < identityOff, "ActivityFields must be seeded inside IDENTITY_INSERT ON/OFF.");
        Assert.Contains("(1, N'子育て', 10)", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_SQL_Server_script_puts_no_max_column_in_a_key_or_index()
    {
        using var db = new SqlServerKyodoDbContextFactory().CreateDbContext([]);

        var keyColumns = IndexedColumnsInScript(Script(db));

        Assert.Contains(("IX_Departments_Name", "Departments", "Name", "nvarchar(100)"), keyColumns);
        Assert.Contains(("PK_AspNetUserRoles", "AspNetUserRoles", "RoleId", "nvarchar(128)"), keyColumns);
        AssertNone(keyColumns.Where(k => k.Type == "?" || k.Type.EndsWith("(max)", StringComparison.Ordinal))
            .Select(k => $"{k.Index} on {k.Table} has {k.Column} {k.Type}: give the property a maximum length (at most 450).")
            .ToList());
    }

    [Fact]
    public void The_script_check_finds_a_max_column_in_an_index()
    {
        using var trap = SqlServerTraps.Create<SchemaTrapContext>(o => new SchemaTrapContext(o));

        var keyColumns = IndexedColumnsInScript(trap.Database.GenerateCreateScript());

        Assert.Contains(("IX_Traps_Note", "Traps", "Note", "nvarchar(max)"), keyColumns);
        Assert.Contains(("PK_Traps", "Traps", "Code", "nvarchar(300)"), keyColumns);
    }
}
