using System.Globalization;
using System.Text.RegularExpressions;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// What SQL Server refuses but SQLite and PostgreSQL accept, checked on the SQL Server model without a server,
/// so CI catches it where no SQL Server runs (the live run needs KYODO_TEST_SQLSERVER).
/// </summary>
public sealed partial class SqlServerSchemaTests
{
    // Nonclustered index keys above this are created with a warning, then inserts of long values fail.
    private const int MaxIndexKeyBytes = 1700;

    private static readonly ReferentialAction[] DeletingActions =
        [ReferentialAction.Cascade, ReferentialAction.SetNull, ReferentialAction.SetDefault];

    [Fact]
    public void No_table_is_reached_by_two_cascading_delete_paths_or_a_cascade_cycle()
    {
        // SQL Server refuses such a foreign key with error 1785 ("may cause cycles or multiple cascade paths").
        var problems = new List<string>();
        foreach (var table in RelationalModel().Tables)
        {
            var paths = new List<List<string>>();
            CascadePaths(table, [table.Name], paths);
            problems.AddRange(paths.Where(p => p[^1] == table.Name).Select(p => "cycle: " + string.Join(" → ", p)));
            problems.AddRange(paths
                .Where(p => p.Distinct(StringComparer.Ordinal).Count() == p.Count)
                .GroupBy(p => p[^1], StringComparer.Ordinal)
                .Where(g => g.Key != table.Name && g.Count() > 1)
                .Select(g => "two paths: " + string.Join(" | ", g.Select(p => string.Join(" → ", p)))));
        }

        Assert.True(problems.Count == 0, "Make one of these foreign keys Restrict or NoAction:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Every_index_key_fits_in_1700_bytes()
    {
        var tooLong = RelationalModel().Tables
            .SelectMany(t => t.Indexes.Select(i => (Table: t.Name, Index: i.Name, Bytes: i.Columns.Sum(c => KeyBytes(c.StoreType)))))
            .Where(i => i.Bytes > MaxIndexKeyBytes)
            .Select(i => $"{i.Table}.{i.Index}: {i.Bytes} bytes")
            .ToList();

        Assert.Empty(tooLong);
    }

    [Fact]
    public void The_migration_keeps_the_seeded_ids_of_activity_fields()
    {
        // The demo seeder and the docs name 活動分野 by these ids; an IDENTITY column refuses them without IDENTITY_INSERT.
        using var db = new SqlServerKyodoDbContextFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript();

        var identityOn = script.IndexOf("SET IDENTITY_INSERT [ActivityFields] ON", StringComparison.Ordinal);
        var insert = script.IndexOf("INSERT INTO [ActivityFields] ([Id], [Name], [SortOrder])", StringComparison.Ordinal);
        var identityOff = script.IndexOf("SET IDENTITY_INSERT [ActivityFields] OFF", StringComparison.Ordinal);
        Assert.True(identityOn >= 0 && identityOn < insert && insert < identityOff, "ActivityFields must be seeded inside IDENTITY_INSERT ON/OFF.");
        Assert.Contains("(1, N'子育て', 10)", script, StringComparison.Ordinal);
    }

    private static IRelationalModel RelationalModel()
    {
        using var db = new SqlServerKyodoDbContextFactory().CreateDbContext([]);
        return db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
    }

    /// <summary>Every path from <paramref name="table"/> up through deleting foreign keys; stops where a path closes a cycle.</summary>
    private static void CascadePaths(ITable table, List<string> path, List<List<string>> paths)
    {
        foreach (var key in table.ForeignKeyConstraints.Where(k => DeletingActions.Contains(k.OnDeleteAction)))
        {
            var next = new List<string>(path) { key.PrincipalTable.Name };
            paths.Add(next);
            if (!path.Contains(key.PrincipalTable.Name, StringComparer.Ordinal))
            {
                CascadePaths(key.PrincipalTable, next, paths);
            }
        }
    }

    /// <summary>The most bytes a value of this SQL Server type takes in an index key.</summary>
    private static int KeyBytes(string storeType)
    {
        var match = SizedType().Match(storeType);
        if (match.Success)
        {
            var length = match.Groups["length"].Value;
            var perChar = match.Groups["type"].Value.StartsWith('n') ? 2 : 1;
            return length == "max" ? int.MaxValue / 4 : perChar * int.Parse(length, CultureInfo.InvariantCulture);
        }

        return storeType switch
        {
            "bit" or "tinyint" => 1,
            "smallint" => 2,
            "date" => 3,
            "int" or "real" => 4,
            "time" => 5,
            "bigint" or "datetime2" or "datetime" or "float" => 8,
            "datetimeoffset" => 10,
            "uniqueidentifier" => 16,
            _ when storeType.StartsWith("decimal", StringComparison.Ordinal) => 17,
            _ => throw new InvalidOperationException($"Unknown size of SQL Server type {storeType}: add it here."),
        };
    }

    [GeneratedRegex(@"^(?<type>n?varchar|n?char|varbinary|binary)\((?<length>max|\d+)\)$")]
    private static partial Regex SizedType();
}
