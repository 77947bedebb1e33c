using System.Collections;
using KyodoPortal.Domain.Evaluations;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Domain.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace KyodoPortal.Web.Data.Generation;

/// <summary>
/// On PostgreSQL, the largest tables — score entries of screening and evaluation sheets, KPI and
/// budget actuals and history of annual reports, activity records, survey answers and choices — go through binary COPY instead of one INSERT each: measured
/// on scale 1, saving took almost 90 % of the run. Their owners (sheets, reports) are saved by EF
/// as usual; the owned rows are detached before the save and copied right after it with the
/// owner's new id, reading the columns from the EF model (names, value converters). Owners are
/// never changed after they are added, so they are detached afterwards and not scanned again.
/// </summary>
internal static class BulkLeafWriter
{
    private static readonly Dictionary<Type, string[]> Leaves = new()
    {
        [typeof(ScoreSheet)] = [nameof(ScoreSheet.Entries)],
        [typeof(EvaluationSheet)] = [nameof(EvaluationSheet.Entries)],
        [typeof(AnnualReport)] = [nameof(AnnualReport.KpiActuals), nameof(AnnualReport.BudgetActuals), nameof(AnnualReport.History)],
        [typeof(SurveyResponse)] = [nameof(SurveyResponse.Answers), nameof(SurveyResponse.Choices)],
    };

    /// <summary>Aggregates with no owned rows, nothing pointing at them and never changed after they are added: copied whole.</summary>
    private static readonly HashSet<Type> Roots = [typeof(ActivityRecord)];

    public static bool Applies(DbContext db) => db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Detaches the leaf rows of every added owner; returns what to copy after the save.</summary>
    public static IReadOnlyList<PendingLeaves> DetachLeaves(DbContext db)
    {
        var pending = new List<PendingLeaves>();
        foreach (var roots in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && Roots.Contains(e.Metadata.ClrType)).GroupBy(e => e.Metadata).ToList())
        {
            var rows = roots.ToList();
            rows.ForEach(e => e.State = EntityState.Detached);
            pending.Add(new PendingLeaves(roots.Key, null, null, [.. rows.Select(e => e.Entity)]));
        }

        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && Leaves.ContainsKey(e.Metadata.ClrType)).ToList())
        {
            foreach (var navigation in Leaves[entry.Metadata.ClrType])
            {
                var collection = entry.Collection(navigation);
                var leaves = ((IEnumerable)collection.CurrentValue!).Cast<object>().ToList();
                foreach (var leaf in leaves)
                {
                    collection.FindEntry(leaf)!.State = EntityState.Detached;
                }

                var navigationMetadata = (INavigation)collection.Metadata;
                pending.Add(new PendingLeaves(navigationMetadata.TargetEntityType, navigationMetadata.ForeignKey, entry, leaves));
            }
        }

        return pending;
    }

    public static async Task CopyAsync(DbContext db, IReadOnlyList<PendingLeaves> pending)
    {
        if (pending.Count == 0)
        {
            return;
        }

        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            foreach (var group in pending.GroupBy(p => p.Type))
            {
                var type = group.Key;
                var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
                var columns = type.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never)).ToList();
                var names = string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(table)}\""));
                await using var import = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({names}) FROM STDIN (FORMAT BINARY)");
                foreach (var (_, ownerKey, owner, leaves) in group)
                {
                    var ownerId = ownerKey is null ? null : owner!.Property(ownerKey.PrincipalKey.Properties[0].Name).CurrentValue;
                    foreach (var leaf in leaves)
                    {
                        await import.StartRowAsync();
                        foreach (var column in columns)
                        {
                            var value = ownerKey is not null && ownerKey.Properties.Contains(column) ? ownerId : column.GetGetter().GetClrValue(leaf);
                            if (value is not null && column.GetTypeMapping().Converter is { } converter)
                            {
                                value = converter.ConvertToProvider(value);
                            }

                            await WriteAsync(import, value);
                        }
                    }

                    if (owner is not null)
                    {
                        owner.State = EntityState.Detached;
                    }
                }

                await import.CompleteAsync();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static Task WriteAsync(NpgsqlBinaryImporter import, object? value) => value switch
    {
        null => import.WriteNullAsync(),
        int i => import.WriteAsync(i, NpgsqlDbType.Integer),
        long l => import.WriteAsync(l, NpgsqlDbType.Bigint),
        bool b => import.WriteAsync(b, NpgsqlDbType.Boolean),
        decimal d => import.WriteAsync(d, NpgsqlDbType.Numeric),
        string s => import.WriteAsync(s, NpgsqlDbType.Text),
        DateTime t => import.WriteAsync(t, NpgsqlDbType.TimestampTz),
        DateOnly d => import.WriteAsync(d, NpgsqlDbType.Date),
        _ => throw new NotSupportedException($"No COPY mapping for {value.GetType()}"),
    };
}

/// <summary>Rows of <paramref name="Type"/> to copy: owned by <paramref name="Owner"/> through <paramref name="OwnerKey"/>, or aggregates of their own (both null).</summary>
internal sealed record PendingLeaves(IEntityType Type, IForeignKey? OwnerKey, EntityEntry? Owner, IReadOnlyList<object> Leaves);
