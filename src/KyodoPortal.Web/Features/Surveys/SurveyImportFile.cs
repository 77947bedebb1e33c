using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace KyodoPortal.Web.Features.Surveys;

/// <summary>The text encodings an import file may be in; <see cref="Detect"/> tells UTF-8 from Shift_JIS.</summary>
public enum ImportEncoding
{
    Detect,
    Utf8,
    ShiftJis,
}

/// <summary>A CSV file read for an import: the header, the data rows, and the encoding that was used (said to the user).</summary>
public sealed record SurveyImportTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, ImportEncoding UsedEncoding)
{
    public string EncodingName => UsedEncoding == ImportEncoding.ShiftJis ? "Shift_JIS" : "UTF-8";
}

/// <summary>
/// Reads a CSV exported by another system. Cities export Shift_JIS as often as UTF-8: a file with
/// a UTF-8 byte-order mark, or one that decodes as strict UTF-8, is UTF-8; anything else is read
/// as Shift_JIS (code page 932), unless the user chose the encoding.
/// </summary>
public static class SurveyImportFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        HasHeaderRecord = false,
        DetectDelimiter = false,
        BadDataFound = null,
        MissingFieldFound = null,
    };

    static SurveyImportFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static SurveyImportTable ReadCsv(byte[] bytes, ImportEncoding encoding = ImportEncoding.Detect)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var (text, used) = Decode(bytes, encoding);
        var records = new List<IReadOnlyList<string>>();
        using (var reader = new StringReader(text))
        using (var csv = new CsvReader(reader, Configuration))
        {
            while (csv.Read())
            {
                var record = csv.Parser.Record ?? [];
                if (record.Any(cell => !string.IsNullOrWhiteSpace(cell)))
                {
                    records.Add(record);
                }
            }
        }

        return records.Count == 0
            ? new SurveyImportTable([], [], used)
            : new SurveyImportTable(records[0], records.Skip(1).ToList(), used);
    }

    /// <summary>
    /// The first worksheet of an .xlsx (shared strings and inline strings read as text, numbers as
    /// written), or null when the file is not a spreadsheet.
    /// </summary>
    public static SurveyImportTable? ReadXlsx(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(stream, isEditable: false);
            var workbook = document.WorkbookPart;
            var sheet = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || sheet?.Id?.Value is not { } partId || workbook.GetPartById(partId) is not WorksheetPart worksheet)
            {
                return null;
            }

            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var records = new List<IReadOnlyList<string>>();
            foreach (var row in worksheet.Worksheet.Descendants<Row>())
            {
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < column)
                    {
                        cells.Add(string.Empty);
                    }

                    cells.Add(CellText(cell, shared));
                }

                if (cells.Any(c => !string.IsNullOrWhiteSpace(c)))
                {
                    records.Add(cells);
                }
            }

            return records.Count == 0
                ? new SurveyImportTable([], [], ImportEncoding.Utf8)
                : new SurveyImportTable(records[0], records.Skip(1).ToList(), ImportEncoding.Utf8);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException)
        {
            return null;
        }
    }

    private static string CellText(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(cell.CellValue?.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : string.Empty;
        }

        return cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? string.Empty : cell.CellValue?.Text ?? string.Empty;
    }

    /// <summary>The zero-based column of a reference such as "C7".</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference) || !char.IsAsciiLetterUpper(reference[0]))
        {
            return null;
        }

        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetterUpper))
        {
            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }

    private static (string Text, ImportEncoding Used) Decode(byte[] bytes, ImportEncoding encoding)
    {
        var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        if (encoding == ImportEncoding.ShiftJis)
        {
            return (Encoding.GetEncoding(932).GetString(bytes), ImportEncoding.ShiftJis);
        }

        if (hasBom)
        {
            return (Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), ImportEncoding.Utf8);
        }

        if (encoding == ImportEncoding.Utf8)
        {
            return (Encoding.UTF8.GetString(bytes), ImportEncoding.Utf8);
        }

        try
        {
            return (StrictUtf8.GetString(bytes), ImportEncoding.Utf8);
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding(932).GetString(bytes), ImportEncoding.ShiftJis);
        }
    }
}
