using System.Buffers;
using System.Globalization;

namespace KyodoPortal.Web.Infrastructure.Export;

/// <summary>
/// Download results for export actions. A Japanese file name survives because ASP.NET Core adds
/// <c>filename*=UTF-8''…</c> (RFC 6266) to Content-Disposition whenever the name is not plain ASCII.
/// </summary>
public static class ExportFileResult
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Japan has not observed daylight saving time since 1951, so a fixed offset is exact.
    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    // Forbidden in Windows file names; browsers would otherwise rename the download unpredictably.
    private static readonly SearchValues<char> ForbiddenFileNameChars = SearchValues.Create("\\/:*?\"<>|");

    /// <summary>The file for <c>?format=xlsx|csv</c>; <paramref name="date"/> (the Japan date of the export) ends the file name.</summary>
    public static ExportResult Create(ExportTable table, ExportFormat format, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new ExportResult([table], format, FileName(table.Title, format, date));
    }

    /// <summary>An xlsx workbook of several sheets, one per table in order, named after the first table.</summary>
    public static ExportResult Workbook(IReadOnlyList<ExportTable> sheets, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        ArgumentNullException.ThrowIfNull(clock);
        return new ExportResult(sheets, ExportFormat.Xlsx, FileName(sheets[0].Title, ExportFormat.Xlsx, Today(clock)));
    }

    /// <summary>As <see cref="Create(ExportTable, ExportFormat, DateOnly)"/>, dated with today's date in Japan whatever the server's zone.</summary>
    public static ExportResult Create(ExportTable table, ExportFormat format, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Create(table, format, Today(clock));
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(JapanOffset).DateTime);

    /// <summary>The content type of a download in <paramref name="format"/>.</summary>
    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Xlsx => XlsxContentType,
        ExportFormat.Csv => CsvContentType,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary><c>提案一覧_2026-11-22.csv</c>: the title made safe for any file system, the date, the extension.</summary>
    public static string FileName(string title, ExportFormat format, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(title);

        var stem = string.Create(title.Length, title, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = ForbiddenFileNameChars.Contains(source[i]) || char.IsControl(source[i]) ? '_' : source[i];
            }
        }).Trim().TrimEnd('.');
        if (stem.Length == 0)
        {
            stem = "export";
        }

        var extension = format switch
        {
            ExportFormat.Xlsx => "xlsx",
            ExportFormat.Csv => "csv",
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
        return $"{stem}_{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{extension}";
    }
}
