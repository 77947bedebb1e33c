using Microsoft.AspNetCore.Mvc;

namespace KyodoPortal.Web.Infrastructure.Export;

/// <summary>
/// A CSV or xlsx download whose rows are read as the file is written. The file goes to a temporary file first (deleted
/// when it has been sent), then to the browser: memory stays bounded whatever the number of rows, the response carries
/// its length, a failure half-way is an error page instead of a truncated file, and the zip inside an xlsx gets the
/// sizes in its local headers (a zip written to a stream that cannot seek needs data descriptors, which not every
/// spreadsheet program reads).
/// </summary>
public sealed class ExportResult : IActionResult
{
    private const int FileBufferSize = 64 * 1024;

    private readonly IReadOnlyList<ExportTable> _tables;

    internal ExportResult(IReadOnlyList<ExportTable> tables, ExportFormat format, string fileDownloadName)
    {
        if (format != ExportFormat.Xlsx && tables.Count != 1)
        {
            throw new ArgumentException("Only a workbook holds several tables.", nameof(tables));
        }

        _tables = tables;
        Format = format;
        ContentType = ExportFileResult.ContentType(format);
        FileDownloadName = fileDownloadName;
    }

    public ExportFormat Format { get; }

    public string ContentType { get; }

    public string FileDownloadName { get; }

    /// <summary>Writes the file to <paramref name="stream"/> (left open).</summary>
    public Task WriteAsync(Stream stream, CancellationToken cancellationToken) => Format switch
    {
        ExportFormat.Xlsx => XlsxExporter.WriteAsync(_tables, stream, cancellationToken),
        ExportFormat.Csv => CsvExporter.WriteAsync(_tables[0], stream, cancellationToken),
        _ => throw new InvalidOperationException($"Unknown export format {Format}."),
    };

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var path = Path.Combine(Path.GetTempPath(), "kyodo-export-" + Path.GetRandomFileName());
        // The FileStreamResult below disposes the stream, and DeleteOnClose removes the file then (also on failure).
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileBufferSize,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            await WriteAsync(file, context.HttpContext.RequestAborted);
            await file.FlushAsync(context.HttpContext.RequestAborted);
            file.Position = 0;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }

        await new FileStreamResult(file, ContentType) { FileDownloadName = FileDownloadName }
            .ExecuteResultAsync(context);
    }
}
