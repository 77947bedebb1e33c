using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace KyodoPortal.Tests.Support;

/// <summary>Opens a downloaded workbook after checking that Excel would open it without a repair prompt.</summary>
public static class XlsxFile
{
    // The oldest Excel that reads .xlsx and today's: the schema grew in between, and a file must suit both.
    private static readonly FileFormatVersions[] ExcelVersions = [FileFormatVersions.Office2007, FileFormatVersions.Microsoft365];

    public static SpreadsheetDocument OpenValid(byte[] content)
    {
        var document = SpreadsheetDocument.Open(new MemoryStream(content), false);
        var errors = ValidationErrors(document);
        if (errors.Count > 0)
        {
            document.Dispose();
            Assert.Fail("The workbook is not valid Office Open XML:\n" + string.Join("\n", errors));
        }

        return document;
    }

    public static List<string> ValidationErrors(SpreadsheetDocument document) =>
        ExcelVersions
            .SelectMany(version => new OpenXmlValidator(version).Validate(document)
                .Select(e => $"{version}: {e.Part?.Uri} {e.Path?.XPath}: {e.Description}"))
            .ToList();

    /// <summary>What a cell shows: its inline text or its value; an empty cell (no value) is "".</summary>
    public static string CellText(Cell cell) => cell.DataType?.Value == CellValues.InlineString
        ? cell.InlineString?.InnerText ?? string.Empty
        : cell.CellValue?.Text ?? string.Empty;
}
