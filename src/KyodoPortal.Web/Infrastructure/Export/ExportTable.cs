namespace KyodoPortal.Web.Infrastructure.Export;

/// <summary>A titled table ready for <see cref="CsvExporter"/> or <see cref="XlsxExporter"/>; the rows are read once, here.</summary>
public sealed class ExportTable
{
    private ExportTable(string title, IReadOnlyList<ExportColumnHeader> columns, IReadOnlyList<object?[]> rows)
    {
        Title = title;
        Columns = columns;
        Rows = rows;
    }

    /// <summary>Names the worksheet and the downloaded file (both sanitized by the exporters).</summary>
    public string Title { get; }

    public IReadOnlyList<ExportColumnHeader> Columns { get; }

    /// <summary>Cell values per row, in column order, typed as <see cref="ExportColumn{TRow}"/> describes.</summary>
    internal IReadOnlyList<object?[]> Rows { get; }

    /// <summary>
    /// Declares the columns with the row type inferred from <paramref name="rows"/>:
    /// <code>ExportTable.Create("提案一覧", rows, c =&gt; c.Text("提案名", r =&gt; r.Title).Yen("市負担金合計", r =&gt; r.CityShareTotal))</code>
    /// </summary>
    public static ExportTable Create<TRow>(string title, IEnumerable<TRow> rows, Action<ExportColumns<TRow>> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var declared = new ExportColumns<TRow>();
        columns(declared);
        return Create(title, rows, [.. declared.Columns]);
    }

    public static ExportTable Create<TRow>(string title, IEnumerable<TRow> rows, params ExportColumn<TRow>[] columns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0)
        {
            throw new ArgumentException("An export needs at least one column.", nameof(columns));
        }

        var headers = columns.Select(c => new ExportColumnHeader(c.Header, c.Kind)).ToArray();
        var values = rows.Select(row => columns.Select(c => c.Read(row)).ToArray()).ToArray();
        return new ExportTable(title, headers, values);
    }
}

public sealed record ExportColumnHeader(string Text, ExportColumnKind Kind);
