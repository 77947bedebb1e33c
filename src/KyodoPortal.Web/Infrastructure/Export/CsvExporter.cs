using System.Buffers;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace KyodoPortal.Web.Infrastructure.Export;

/// <summary>
/// Writes an <see cref="ExportTable"/> as CSV that Japanese Excel opens correctly by double-click:
/// UTF-8 with a BOM (without it Excel assumes Shift_JIS), CRLF, RFC 4180 quoting.
/// </summary>
public static class CsvExporter
{
    // OWASP "CSV injection": spreadsheet apps evaluate a cell starting with these as a formula.
    private static readonly SearchValues<char> FormulaTriggers = SearchValues.Create("=+-@\t\r");

    // RFC 4180: a field with a quote, comma, CR or LF is quoted. CsvHelper's default checks only for the
    // configured NewLine ("\r\n") once one is set, so a bare LF in a value would break the record apart.
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create("\",\r\n");

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\r\n",
        ShouldQuote = args => args.Field is { } field && field.AsSpan().ContainsAny(NeedsQuotes),
        // Escaping is done per column kind below: CsvHelper's own escaping would also hit negative numbers.
        InjectionOptions = InjectionOptions.None,
    };

    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>Writes the CSV to <paramref name="stream"/>, which is left open, reading the table's rows as it goes.</summary>
    public static async Task WriteAsync(ExportTable table, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(stream);

        // Written by hand: StreamWriter silently drops the BOM on a seekable stream that is not at position 0.
        await stream.WriteAsync(ByteOrderMark, cancellationToken);
        await using var writer = new StreamWriter(stream, Utf8, leaveOpen: true);
        await using var csv = new CsvWriter(writer, Configuration);
        foreach (var column in table.Columns)
        {
            csv.WriteField(EscapeText(column.Text));
        }

        await csv.NextRecordAsync();
        await foreach (var row in table.Rows.WithCancellation(cancellationToken))
        {
            for (var i = 0; i < row.Length; i++)
            {
                csv.WriteField(Format(table.Columns[i].Kind, row[i]));
            }

            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
    }

    private static string Format(ExportColumnKind kind, object? value) => value switch
    {
        null => string.Empty,
        _ => kind switch
        {
            ExportColumnKind.Text => EscapeText((string)value),
            ExportColumnKind.Number => ((decimal)value).ToString(CultureInfo.InvariantCulture),
            ExportColumnKind.Yen => ((long)value).ToString(CultureInfo.InvariantCulture),
            ExportColumnKind.Date => ((DateOnly)value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ExportColumnKind.DateTime => ((DateTime)value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        },
    };

    private static string EscapeText(string text) =>
        text.Length > 0 && FormulaTriggers.Contains(text[0]) ? "'" + text : text;
}
