using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace KyodoPortal.Tests.Support;

/// <summary>
/// SQL Server's classic refusals, checked without a server (none can run here). Each rule answers
/// the problems it finds as sentences a developer can act on; an empty list means the schema passes.
/// Only a real server proves a script applies (the KYODO_TEST_SQLSERVER run); see docs/operations.md.
/// </summary>
public static partial class SqlServerSchemaRules
{
    /// <summary>Key of a clustered index (the primary key unless marked otherwise).</summary>
    public const int ClusteredKeyLimit = 900;

    /// <summary>SQL Server 2016 and later; the Japanese_XJIS_140 collation needs 2017 anyway.</summary>
    public const int NonclusteredKeyLimit = 1700;

    /// <summary>Everything EF knows about the tables, including design-time facets such as collations and filters.</summary>
    public static IRelationalModel RelationalModel(DbContext db) =>
        db.GetService<IDesignTimeModel>().Model.GetRelationalModel();

    /// <summary>
    /// Error 1785: SQL Server refuses a foreign key with ON DELETE CASCADE / SET NULL / SET DEFAULT when a
    /// delete could reach a table along two paths, or come back round to where it started.
    /// </summary>
    public static IReadOnlyList<string> CascadePathProblems(IRelationalModel model)
    {
        var cascading = model.Tables
            .SelectMany(t => t.ForeignKeyConstraints)
            .Where(fk => fk.OnDeleteAction is ReferentialAction.Cascade or ReferentialAction.SetNull or ReferentialAction.SetDefault)
            .ToLookup(fk => fk.PrincipalTable.Name);
        var problems = new List<string>();
        foreach (var start in model.Tables.Select(t => t.Name).Order(StringComparer.Ordinal))
        {
            var paths = new List<List<IForeignKeyConstraint>>();
            Walk(start, [], cascading, paths, problems);
            // Paths that meet earlier and share their last step were reported where they met.
            foreach (var target in paths.GroupBy(p => p[^1].Table.Name).Where(g => g.Select(p => p[^1]).Distinct().Count() > 1))
            {
                problems.Add($"Deleting a row of {start} cascades to {target.Key} along {target.Count()} paths: "
                    + string.Join("; ", target.Select(Describe))
                    + ". Make all but one of them OnDelete(DeleteBehavior.Restrict or ClientCascade).");
            }
        }

        return problems.Distinct().ToList();
    }

    private static void Walk(string table, List<IForeignKeyConstraint> path, ILookup<string, IForeignKeyConstraint> cascading,
        List<List<IForeignKeyConstraint>> paths, List<string> problems)
    {
        foreach (var fk in cascading[table])
        {
            var next = new List<IForeignKeyConstraint>(path) { fk };
            if (next.Any(step => step.PrincipalTable.Name == fk.Table.Name))
            {
                var cycle = next.SkipWhile(step => step.PrincipalTable.Name != fk.Table.Name).ToList();
                var first = cycle.IndexOf(cycle.MinBy(step => step.Name, StringComparer.Ordinal)!);
                problems.Add($"Deleting cascades round a cycle: {Describe(cycle.Skip(first).Concat(cycle.Take(first)))}. "
                    + "Make one of these foreign keys OnDelete(DeleteBehavior.Restrict or ClientCascade).");
                continue;
            }

            paths.Add(next);
            Walk(fk.Table.Name, next, cascading, paths, problems);
        }
    }

    private static string Describe(IEnumerable<IForeignKeyConstraint> path) =>
        string.Join(" → ", path.Select((fk, i) => (i == 0 ? fk.PrincipalTable.Name + " → " : "") + $"{fk.Table.Name} ({fk.Name}, {fk.OnDeleteAction})"));

    /// <summary>
    /// A key wider than the limit is created with only a warning, and then refuses the first insert
    /// whose values do not fit; a (max) column cannot be a key column at all (error 1919). One column
    /// over 900 bytes is refused too: it would not fit the primary key or a clustered index it moved to.
    /// </summary>
    public static IReadOnlyList<string> IndexKeyProblems(IRelationalModel model)
    {
        var problems = new List<string>();
        foreach (var table in model.Tables)
        {
            var constraints = table.UniqueConstraints.Concat(table.PrimaryKey is { } pk ? [pk] : []).Distinct();
            var keys = constraints
                .Select(k => (k.Name, k.Columns, Clustered: k == table.PrimaryKey ? k.MappedKeys.First().IsClustered() != false : k.MappedKeys.First().IsClustered() == true))
                .Concat(table.Indexes.Select(i => (i.Name, i.Columns, Clustered: i.MappedIndexes.First().IsClustered() == true)));
            foreach (var (name, columns, clustered) in keys)
            {
                var limit = clustered ? ClusteredKeyLimit : NonclusteredKeyLimit;
                var widths = columns.Select(c => (c.Name, c.StoreType, Bytes: KeyBytes(c.StoreType))).ToList();
                var unbounded = widths.Where(w => w.Bytes is null).ToList();
                if (unbounded.Count > 0)
                {
                    problems.Add($"{name} on {table.Name} has {string.Join(", ", unbounded.Select(w => $"{w.Name} {w.StoreType}"))}: "
                        + "a (max) column cannot be in an index key. Give the property a maximum length (at most 450 characters).");
                    continue;
                }

                var tooLong = widths.Where(w => w.Bytes > ClusteredKeyLimit).ToList();
                if (tooLong.Count > 0)
                {
                    problems.Add($"{name} on {table.Name} has {string.Join(", ", tooLong.Select(w => $"{w.Name} {w.StoreType}"))}: "
                        + $"a key column should hold at most {ClusteredKeyLimit} bytes (nvarchar(450)), the limit every SQL Server index accepts.");
                    continue;
                }

                var width = widths.Sum(w => w.Bytes!.Value);
                if (width > limit)
                {
                    problems.Add($"{name} on {table.Name} is {width} bytes wide ({string.Join(" + ", widths.Select(w => $"{w.Name} {w.StoreType} {w.Bytes}"))}), "
                        + $"over SQL Server's {limit} bytes for a {(clustered ? "clustered" : "nonclustered")} key. Shorten its string columns.");
                }
            }
        }

        return problems;
    }

    /// <summary>Bytes a value of this store type can take in an index key; null for (max) types, which cannot be key columns.</summary>
    public static int? KeyBytes(string storeType)
    {
        var match = StoreTypePattern().Match(storeType);
        if (!match.Success)
        {
            throw new ArgumentException($"Unrecognised store type '{storeType}'.", nameof(storeType));
        }

        var size = match.Groups["size"].Value;
        if (size == "max")
        {
            return null;
        }

        int? n = size.Length > 0 ? int.Parse(size, CultureInfo.InvariantCulture) : null;
        return match.Groups["type"].Value switch
        {
            "nvarchar" or "nchar" => 2 * (n ?? 1),
            "varchar" or "char" or "varbinary" or "binary" => n ?? 1,
            "bit" or "tinyint" => 1,
            "smallint" => 2,
            "int" or "real" or "smalldatetime" or "smallmoney" => 4,
            "bigint" or "float" or "money" or "datetime" => 8,
            "uniqueidentifier" => 16,
            "date" => 3,
            "time" => (n ?? 7) switch { <= 2 => 3, <= 4 => 4, _ => 5 },
            "datetime2" => (n ?? 7) switch { <= 2 => 6, <= 4 => 7, _ => 8 },
            "datetimeoffset" => (n ?? 7) switch { <= 2 => 8, <= 4 => 9, _ => 10 },
            "decimal" or "numeric" => (n ?? 18) switch { <= 9 => 5, <= 19 => 9, <= 28 => 13, _ => 17 },
            var other => throw new ArgumentException($"No key width known for store type '{other}': add it to {nameof(KeyBytes)}.", nameof(storeType)),
        };
    }

    /// <summary>
    /// SQL Server counts NULL as a value in a unique index, so a second row without a value would be refused:
    /// every nullable column of a unique index needs "[Column] IS NOT NULL" in the index's filter.
    /// </summary>
    public static IReadOnlyList<string> NullableUniqueIndexProblems(IRelationalModel model) =>
        model.Tables.SelectMany(t => t.Indexes)
            .Where(i => i.IsUnique)
            .SelectMany(i => i.Columns
                .Where(c => c.IsNullable && !(i.Filter ?? "").Contains($"[{c.Name}] IS NOT NULL", StringComparison.OrdinalIgnoreCase))
                .Select(c => $"Unique index {i.Name} on {i.Table.Name} includes the nullable column {c.Name} but its filter "
                    + $"'{i.Filter}' does not exclude NULL: SQL Server would allow only one row without a value. "
                    + $"Add HasFilter(\"[{c.Name}] IS NOT NULL\") (EF does so unless a filter is set)."))
            .ToList();

    /// <summary>UTC times need datetime2: datetime rounds to 1/300 s and stops at 1753.</summary>
    public static IReadOnlyList<string> DateTimeProblems(IRelationalModel model) =>
        model.Tables.SelectMany(t => t.Columns)
            .Where(c => ((Nullable.GetUnderlyingType(c.ProviderClrType) ?? c.ProviderClrType) == typeof(DateTime) && !c.StoreType.StartsWith("datetime2", StringComparison.Ordinal))
                || c.StoreType is "datetime" or "smalldatetime")
            .Select(c => $"{c.Table.Name}.{c.Name} is {c.StoreType}: UTC times are datetime2. Remove the HasColumnType that chose it.")
            .ToList();

    /// <summary>
    /// What EF logs at Warning or above while it builds and validates the context's SQL Server model
    /// (a decimal without precision, a default value the database would never see, …). The model is built
    /// afresh: a cached one would have logged to someone else.
    /// </summary>
    public static IReadOnlyList<string> ModelWarnings<TContext>(Func<DbContextOptions<TContext>, TContext> create) where TContext : DbContext
    {
        var warnings = new List<string>();
        var options = new DbContextOptionsBuilder<TContext>()
            .UseSqlServer("Server=nowhere;Database=model-only")
            .EnableServiceProviderCaching(false)
            .LogTo((_, level) => level >= LogLevel.Warning, e => warnings.Add($"{e.EventId.Name}: {e}"))
            .Options;
        using (var db = create(options))
        {
            _ = RelationalModel(db);
            _ = db.Model;
        }

        return warnings.Distinct().ToList();
    }

    /// <summary>Every key column of every index, primary key and unique constraint the script creates, with the type the script gave it.</summary>
    public static IReadOnlyList<(string Index, string Table, string Column, string Type)> IndexedColumnsInScript(string script)
    {
        var types = new Dictionary<(string Table, string Column), string>();
        foreach (Match table in CreateTablePattern().Matches(script))
        {
            foreach (Match column in ColumnDefinitionPattern().Matches(table.Groups["body"].Value))
            {
                types[(table.Groups["table"].Value, column.Groups["column"].Value)] = column.Groups["type"].Value;
            }
        }

        foreach (Match change in AlterColumnPattern().Matches(script))
        {
            types[(change.Groups["table"].Value, change.Groups["column"].Value)] = change.Groups["type"].Value;
        }

        return CreateIndexPattern().Matches(script).Concat(ConstraintPattern().Matches(script))
            .Select(m => (Key: m, Table: m.Groups["table"].Success ? m.Groups["table"].Value : EnclosingTable(script, m.Index)))
            .SelectMany(k => BracketedName().Matches(k.Key.Groups["columns"].Value).Select(c => (
                k.Key.Groups["name"].Value,
                k.Table ?? "?",
                c.Groups[1].Value,
                types.GetValueOrDefault((k.Table ?? "?", c.Groups[1].Value), "?"))))
            .ToList();
    }

    private static string? EnclosingTable(string script, int position)
    {
        var table = CreateTablePattern().Matches(script).LastOrDefault(t => t.Index < position && position < t.Index + t.Length);
        return table?.Groups["table"].Value;
    }

    [GeneratedRegex(@"^(?<type>[a-z0-9]+)(\((?<size>max|\d+)(,\s*\d+)?\))?$")]
    private static partial Regex StoreTypePattern();

    [GeneratedRegex(@"CREATE TABLE \[(?<table>[^\]]+)\] \((?<body>.*?)\n\s*\);", RegexOptions.Singleline)]
    private static partial Regex CreateTablePattern();

    [GeneratedRegex(@"^\s*\[(?<column>[^\]]+)\] (?<type>[a-z0-9]+(\([^)]*\))?)", RegexOptions.Multiline)]
    private static partial Regex ColumnDefinitionPattern();

    [GeneratedRegex(@"ALTER TABLE \[(?<table>[^\]]+)\] (ADD|ALTER COLUMN) \[(?<column>[^\]]+)\] (?<type>[a-z0-9]+(\([^)]*\))?)")]
    private static partial Regex AlterColumnPattern();

    [GeneratedRegex(@"CREATE (UNIQUE )?((NON)?CLUSTERED )?INDEX \[(?<name>[^\]]+)\] ON \[(?<table>[^\]]+)\] \((?<columns>[^)]*)\)")]
    private static partial Regex CreateIndexPattern();

    [GeneratedRegex(@"(ALTER TABLE \[(?<table>[^\]]+)\] ADD )?CONSTRAINT \[(?<name>[^\]]+)\] (PRIMARY KEY|UNIQUE)( (NON)?CLUSTERED)? \((?<columns>[^)]*)\)")]
    private static partial Regex ConstraintPattern();

    [GeneratedRegex(@"\[([^\]]+)\]")]
    private static partial Regex BracketedName();
}
