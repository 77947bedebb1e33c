using System.Runtime.CompilerServices;

namespace KyodoPortal.Web.Infrastructure.Export;

/// <summary>
/// A titled table ready for <see cref="CsvExporter"/> or <see cref="XlsxExporter"/>. Its rows are read as the file is
/// written, one at a time: a table over a database query read with <c>AsAsyncEnumerable()</c> (or one that reads in
/// batches) exports any number of rows in bounded memory.
/// </summary>
public sealed class ExportTable
{
    private ExportTable(string title, IReadOnlyList<ExportColumnHeader> columns, IAsyncEnumerable<object?[]> rows)
    {
        Title = title;
        Columns = columns;
        Rows = rows;
    }

    /// <summary>Names the worksheet and the downloaded file (both sanitized by the exporters).</summary>
    public string Title { get; }

    public IReadOnlyList<ExportColumnHeader> Columns { get; }

    /// <summary>Cell values per row, in column order, typed as <see cref="ExportColumn{TRow}"/> describes; read once per file.</summary>
    internal IAsyncEnumerable<object?[]> Rows { get; }

    /// <summary>
    /// Declares the columns with the row type inferred from <paramref name="rows"/>:
    /// <code>ExportTable.Create("提案一覧", rows, c =&gt; c.Text("提案名", r =&gt; r.Title).Yen("市負担金合計", r =&gt; r.CityShareTotal))</code>
    /// </summary>
    public static ExportTable Create<TRow>(string title, IEnumerable<TRow> rows, Action<ExportColumns<TRow>> columns)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Create(title, rows.ToAsyncEnumerable(), columns);
    }

    /// <summary>As the overload for a list, for rows read as they are written (a query's <c>AsAsyncEnumerable()</c>).</summary>
    public static ExportTable Create<TRow>(string title, IAsyncEnumerable<TRow> rows, Action<ExportColumns<TRow>> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var declared = new ExportColumns<TRow>();
        columns(declared);
        return Create(title, rows, [.. declared.Columns]);
    }

    public static ExportTable Create<TRow>(string title, IEnumerable<TRow> rows, params ExportColumn<TRow>[] columns)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Create(title, rows.ToAsyncEnumerable(), columns);
    }

    private static ExportTable Create<TRow>(string title, IAsyncEnumerable<TRow> rows, ExportColumn<TRow>[] columns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0)
        {
            throw new ArgumentException("An export needs at least one column.", nameof(columns));
        }

        var headers = columns.Select(c => new ExportColumnHeader(c.Header, c.Kind)).ToArray();
        return new ExportTable(title, headers, Values(rows, columns));
    }

    private static async IAsyncEnumerable<object?[]> Values<TRow>(
        IAsyncEnumerable<TRow> rows, ExportColumn<TRow>[] columns, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var values = new object?[columns.Length];
            for (var c = 0; c < columns.Length; c++)
            {
                values[c] = columns[c].Read(row);
            }

            yield return values;
        }
    }
}

public sealed record ExportColumnHeader(string Text, ExportColumnKind Kind);
