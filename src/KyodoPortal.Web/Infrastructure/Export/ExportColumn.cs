namespace KyodoPortal.Web.Infrastructure.Export;

/// <summary>One column of an <see cref="ExportTable"/>: a header (already localized) and how to read a row's value.</summary>
public sealed class ExportColumn<TRow>
{
    private readonly Func<TRow, object?> _read;

    internal ExportColumn(string header, ExportColumnKind kind, Func<TRow, object?> read)
    {
        ArgumentNullException.ThrowIfNull(header);
        Header = header;
        Kind = kind;
        _read = read;
    }

    public string Header { get; }

    public ExportColumnKind Kind { get; }

    /// <summary>
    /// The value as the exporters expect it for <see cref="Kind"/>: <see cref="string"/>, <see cref="decimal"/>,
    /// <see cref="long"/>, <see cref="DateOnly"/> or a Japan-time <see cref="System.DateTime"/>; null for an empty cell.
    /// </summary>
    internal object? Read(TRow row) => _read(row);
}

/// <summary>
/// Column factories. Each lambda needs its row type spelled out (<c>(ProposalRow r) =&gt; r.Title</c>) because C# does not
/// infer it from the surrounding call; <see cref="ExportTable.Create{TRow}(string, IEnumerable{TRow}, Action{ExportColumns{TRow}})"/>
/// avoids that by inferring the row type from the rows.
/// </summary>
public static class ExportColumn
{
    // Japan has not observed daylight saving time since 1951, so a fixed offset is exact and needs no tz database.
    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    public static ExportColumn<TRow> Text<TRow>(string header, Func<TRow, string?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(header, ExportColumnKind.Text, row => value(row));
    }

    /// <summary>A plain number (counts, scores); <c>int</c> and <c>long</c> properties convert implicitly.</summary>
    public static ExportColumn<TRow> Number<TRow>(string header, Func<TRow, decimal?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(header, ExportColumnKind.Number, row => value(row));
    }

    /// <summary>An amount in whole yen: a plain integer in CSV, <c>#,##0"円"</c> in Excel so sums still work.</summary>
    public static ExportColumn<TRow> Yen<TRow>(string header, Func<TRow, long?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(header, ExportColumnKind.Yen, row => value(row));
    }

    public static ExportColumn<TRow> Date<TRow>(string header, Func<TRow, DateOnly?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(header, ExportColumnKind.Date, row => value(row));
    }

    /// <summary>
    /// A date and time already in Japan time. A value marked <see cref="DateTimeKind.Utc"/> is converted to Japan time;
    /// for stored UTC instants that come back unmarked (as EF Core returns them), use <see cref="UtcDateTime{TRow}"/>.
    /// </summary>
    public static ExportColumn<TRow> DateTime<TRow>(string header, Func<TRow, DateTime?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(header, ExportColumnKind.DateTime, row => value(row) is { } v
            ? v.Kind == DateTimeKind.Utc ? FromUtc(v) : System.DateTime.SpecifyKind(v, DateTimeKind.Unspecified)
            : null);
    }

    /// <summary>An instant with an offset, written as Japan time.</summary>
    public static ExportColumn<TRow> DateTime<TRow>(string header, Func<TRow, DateTimeOffset?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(header, ExportColumnKind.DateTime, row => value(row) is { } v ? v.ToOffset(JapanOffset).DateTime : null);
    }

    /// <summary>A stored UTC instant (whatever its <see cref="DateTimeKind"/> says), written as Japan time.</summary>
    public static ExportColumn<TRow> UtcDateTime<TRow>(string header, Func<TRow, DateTime?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(header, ExportColumnKind.DateTime, row => value(row) is { } v
            ? FromUtc(v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v)
            : null);
    }

    private static DateTime FromUtc(DateTime utc) =>
        System.DateTime.SpecifyKind(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc) + JapanOffset, DateTimeKind.Unspecified);
}

/// <summary>Collects columns for <see cref="ExportTable.Create{TRow}(string, IEnumerable{TRow}, Action{ExportColumns{TRow}})"/>.</summary>
public sealed class ExportColumns<TRow>
{
    private readonly List<ExportColumn<TRow>> _columns = [];

    internal IReadOnlyList<ExportColumn<TRow>> Columns => _columns;

    public ExportColumns<TRow> Add(ExportColumn<TRow> column)
    {
        ArgumentNullException.ThrowIfNull(column);
        _columns.Add(column);
        return this;
    }

    public ExportColumns<TRow> Text(string header, Func<TRow, string?> value) => Add(ExportColumn.Text(header, value));

    public ExportColumns<TRow> Number(string header, Func<TRow, decimal?> value) => Add(ExportColumn.Number(header, value));

    public ExportColumns<TRow> Yen(string header, Func<TRow, long?> value) => Add(ExportColumn.Yen(header, value));

    public ExportColumns<TRow> Date(string header, Func<TRow, DateOnly?> value) => Add(ExportColumn.Date(header, value));

    /// <inheritdoc cref="ExportColumn.DateTime{TRow}(string, Func{TRow, DateTime?})"/>
    public ExportColumns<TRow> DateTime(string header, Func<TRow, DateTime?> value) => Add(ExportColumn.DateTime(header, value));

    public ExportColumns<TRow> DateTime(string header, Func<TRow, DateTimeOffset?> value) => Add(ExportColumn.DateTime(header, value));

    /// <inheritdoc cref="ExportColumn.UtcDateTime{TRow}(string, Func{TRow, DateTime?})"/>
    public ExportColumns<TRow> UtcDateTime(string header, Func<TRow, DateTime?> value) => Add(ExportColumn.UtcDateTime(header, value));
}
