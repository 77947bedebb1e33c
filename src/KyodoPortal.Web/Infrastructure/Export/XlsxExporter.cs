using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace KyodoPortal.Web.Infrastructure.Export;

/// <summary>
/// Writes an <see cref="ExportTable"/> as a one-sheet workbook: a bold, filled, frozen header row with an auto filter,
/// real numbers and dates (so Excel can sum and sort them) and text only ever as string cells, never formulas.
/// </summary>
public static partial class XlsxExporter
{
    public const int MaxSheetNameLength = 31;

    public const string YenFormat = "#,##0\"円\"";

    public const string DateFormat = "yyyy/mm/dd";

    public const string DateTimeFormat = "yyyy/mm/dd hh:mm";

    // Excel refuses longer cell text with a repair prompt.
    private const int MaxCellTextLength = 32_767;

    // Custom number formats must use ids from 164 up; lower ids are Excel's built-in formats.
    private const uint YenFormatId = 164;
    private const uint DateFormatId = 165;
    private const uint DateTimeFormatId = 166;

    // Indexes into CellFormats below; 0 is the default style Excel requires first.
    private const uint DefaultStyle = 0;
    private const uint HeaderStyle = 1;
    private const uint YenStyle = 2;
    private const uint DateStyle = 3;
    private const uint DateTimeStyle = 4;

    // Japanese Excel's own default font: CJK text renders with proper glyphs instead of a fallback.
    private const string DefaultFontName = "游ゴシック";

    private const double MinColumnWidth = 8;
    private const double MaxColumnWidth = 60;

    // Room for the auto filter's drop-down button beside the header text.
    private const int FilterButtonWidth = 3;

    private static readonly SearchValues<char> ForbiddenSheetNameChars = SearchValues.Create("[]:*?/\\");

    public static byte[] Write(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = CreateStylesheet();

            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var lastColumn = ColumnName(table.Columns.Count);
            var lastRow = (table.Rows.Count + 1).ToString(CultureInfo.InvariantCulture);
            worksheetPart.Worksheet = CreateWorksheet(table, $"A1:{lastColumn}{lastRow}");

            var sheetName = SheetName(table.Title);
            workbookPart.Workbook = new Workbook(
                new BookViews(new WorkbookView()),
                new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = 1U, Name = sheetName }),
                // Excel keeps an auto filter's range in this hidden name and adds it on save if missing.
                new DefinedNames(new DefinedName($"{QuotedSheetName(sheetName)}!$A$1:${lastColumn}${lastRow}")
                {
                    Name = "_xlnm._FilterDatabase",
                    LocalSheetId = 0U,
                    Hidden = true,
                }));
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A name Excel accepts for a worksheet: at most 31 characters, none of <c>[]:*?/\</c>, no apostrophe at either end,
    /// not empty and not the reserved "History".
    /// </summary>
    public static string SheetName(string title)
    {
        ArgumentNullException.ThrowIfNull(title);

        var name = string.Create(title.Length, title, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = ForbiddenSheetNameChars.Contains(source[i]) || char.IsControl(source[i]) ? '_' : source[i];
            }
        });
        name = name.Trim().Trim('\'');
        if (name.Length > MaxSheetNameLength)
        {
            // Never split a surrogate pair (e.g. 𠮷): half a character is invalid XML.
            var length = char.IsHighSurrogate(name[MaxSheetNameLength - 1]) ? MaxSheetNameLength - 1 : MaxSheetNameLength;
            name = name[..length].TrimEnd().TrimEnd('\'');
        }

        if (name.Length == 0)
        {
            return "Sheet1";
        }

        return string.Equals(name, "History", StringComparison.OrdinalIgnoreCase) ? name + "_" : name;
    }

    private static Worksheet CreateWorksheet(ExportTable table, string range)
    {
        var sheetData = new SheetData();
        var header = new Row { RowIndex = 1U };
        for (var c = 0; c < table.Columns.Count; c++)
        {
            header.Append(TextCell(Reference(c, 1), table.Columns[c].Text, HeaderStyle));
        }

        sheetData.Append(header);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var rowIndex = (uint)r + 2;
            var row = new Row { RowIndex = rowIndex };
            var values = table.Rows[r];
            for (var c = 0; c < values.Length; c++)
            {
                // A missing cell is how a spreadsheet says "empty".
                if (values[c] is { } value)
                {
                    row.Append(ValueCell(Reference(c, rowIndex), table.Columns[c].Kind, value));
                }
            }

            sheetData.Append(row);
        }

        return new Worksheet(
            new SheetViews(new SheetView(
                new Pane
                {
                    VerticalSplit = 1D,
                    TopLeftCell = "A2",
                    ActivePane = PaneValues.BottomLeft,
                    State = PaneStateValues.Frozen,
                },
                new Selection
                {
                    Pane = PaneValues.BottomLeft,
                    ActiveCell = "A2",
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" },
                })
            {
                TabSelected = true,
                WorkbookViewId = 0U,
            }),
            CreateColumns(table),
            sheetData,
            new AutoFilter { Reference = range });
    }

    private static Cell ValueCell(string reference, ExportColumnKind kind, object value) => kind switch
    {
        ExportColumnKind.Text => TextCell(reference, (string)value, DefaultStyle),
        ExportColumnKind.Number => NumberCell(reference, ((decimal)value).ToString(CultureInfo.InvariantCulture), DefaultStyle),
        ExportColumnKind.Yen => NumberCell(reference, ((long)value).ToString(CultureInfo.InvariantCulture), YenStyle),
        ExportColumnKind.Date => NumberCell(reference, OADate(((DateOnly)value).ToDateTime(TimeOnly.MinValue)), DateStyle),
        ExportColumnKind.DateTime => NumberCell(reference, OADate((DateTime)value), DateTimeStyle),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string OADate(DateTime value) => value.ToOADate().ToString(CultureInfo.InvariantCulture);

    private static Cell NumberCell(string reference, string invariantNumber, uint style) => new()
    {
        CellReference = reference,
        StyleIndex = style == DefaultStyle ? null : style,
        CellValue = new CellValue(invariantNumber),
    };

    // An inline string is always a literal: whatever the text ("=1+1", "@cmd"), Excel never evaluates it.
    private static Cell TextCell(string reference, string text, uint style) => new()
    {
        CellReference = reference,
        StyleIndex = style == DefaultStyle ? null : style,
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(CellText(text)) { Space = SpaceProcessingModeValues.Preserve }),
    };

    /// <summary>Makes any string storable: XML 1.0 cannot carry most control characters or unpaired surrogates.</summary>
    private static string CellText(string text)
    {
        if (text.Length > MaxCellTextLength)
        {
            text = text[..(char.IsHighSurrogate(text[MaxCellTextLength - 1]) ? MaxCellTextLength - 1 : MaxCellTextLength)];
        }

        // Excel's own line break is LF; a CR would come back as the escape "_x000D_".
        text = text.ReplaceLineEndings("\n");
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text, i, 2);
                i++;
            }
            else
            {
                builder.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
            }
        }

        // Excel reads "_xHHHH_" as an escaped character; escaping its underscore keeps such text literal.
        return ExcelEscape().Replace(builder.ToString(), "_x005F$0");
    }

    [GeneratedRegex("_x[0-9A-Fa-f]{4}_", RegexOptions.CultureInvariant)]
    private static partial Regex ExcelEscape();

    private static Columns CreateColumns(ExportTable table)
    {
        var columns = new Columns();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var width = DisplayWidth(table.Columns[c].Text) + FilterButtonWidth;
            foreach (var row in table.Rows)
            {
                width = Math.Max(width, ValueWidth(table.Columns[c].Kind, row[c]));
            }

            columns.Append(new Column
            {
                Min = (uint)c + 1,
                Max = (uint)c + 1,
                Width = Math.Clamp(width + 2, MinColumnWidth, MaxColumnWidth),
                CustomWidth = true,
            });
        }

        return columns;
    }

    private static int ValueWidth(ExportColumnKind kind, object? value) => value switch
    {
        null => 0,
        _ => kind switch
        {
            ExportColumnKind.Text => ((string)value).Split('\n').Max(DisplayWidth),
            ExportColumnKind.Number => ((decimal)value).ToString(CultureInfo.InvariantCulture).Length,
            ExportColumnKind.Yen => ((long)value).ToString("#,##0", CultureInfo.InvariantCulture).Length + 2,
            ExportColumnKind.Date => DateFormat.Length,
            ExportColumnKind.DateTime => DateTimeFormat.Length,
            _ => 0,
        },
    };

    /// <summary>Width in Excel's units (one digit), counting full-width characters (kanji, kana, 円) as two.</summary>
    internal static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += IsWide(rune.Value) ? 2 : 1;
        }

        return width;
    }

    private static bool IsWide(int c) =>
        c is (>= 0x1100 and <= 0x115F)
            or (>= 0x2E80 and <= 0xA4CF and not 0x303F)
            or (>= 0xAC00 and <= 0xD7A3)
            or (>= 0xF900 and <= 0xFAFF)
            or (>= 0xFE30 and <= 0xFE4F)
            or (>= 0xFF00 and <= 0xFF60)
            or (>= 0xFFE0 and <= 0xFFE6)
            or (>= 0x1F300 and <= 0x1F64F)
            or (>= 0x20000 and <= 0x3FFFD);

    private static Stylesheet CreateStylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = YenFormatId, FormatCode = YenFormat },
            new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = DateFormat },
            new NumberingFormat { NumberFormatId = DateTimeFormatId, FormatCode = DateTimeFormat })
        { Count = 3U },
        new Fonts(CreateFont(bold: false), CreateFont(bold: true)) { Count = 2U },
        // Excel requires these two fills first, whatever the sheet uses.
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(
                new ForegroundColor { Rgb = "FFDDEBF7" },
                new BackgroundColor { Indexed = 64U })
            {
                PatternType = PatternValues.Solid,
            }))
        { Count = 3U },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder(),
                new RightBorder(),
                new TopBorder(),
                new BottomBorder(new Color { Indexed = 64U }) { Style = BorderStyleValues.Thin },
                new DiagonalBorder()))
        { Count = 2U },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
        new CellFormats(
            new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Center })
            {
                NumberFormatId = 0U,
                FontId = 1U,
                FillId = 2U,
                BorderId = 1U,
                FormatId = 0U,
                ApplyFont = true,
                ApplyFill = true,
                ApplyBorder = true,
                ApplyAlignment = true,
            },
            NumberStyle(YenFormatId),
            NumberStyle(DateFormatId),
            NumberStyle(DateTimeFormatId))
        { Count = 5U },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U },
        new DifferentialFormats { Count = 0U },
        new TableStyles { Count = 0U, DefaultTableStyle = "TableStyleMedium2", DefaultPivotStyle = "PivotStyleLight16" });

    private static CellFormat NumberStyle(uint numberFormatId) => new()
    {
        NumberFormatId = numberFormatId,
        FontId = 0U,
        FillId = 0U,
        BorderId = 0U,
        FormatId = 0U,
        ApplyNumberFormat = true,
    };

    private static Font CreateFont(bool bold)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        // family 2 (swiss) and charset 128 (Shift_JIS) are what Japanese Excel writes for its default font.
        font.Append(
            new FontSize { Val = 11D },
            new FontName { Val = DefaultFontName },
            new FontFamilyNumbering { Val = 2 },
            new FontCharSet { Val = 128 });
        return font;
    }

    private static string Reference(int columnIndex, uint rowIndex) =>
        ColumnName(columnIndex + 1) + rowIndex.ToString(CultureInfo.InvariantCulture);

    /// <summary>1 → A, 26 → Z, 27 → AA.</summary>
    private static string ColumnName(int number)
    {
        var name = string.Empty;
        while (number > 0)
        {
            var remainder = (number - 1) % 26;
            name = (char)('A' + remainder) + name;
            number = (number - 1) / 26;
        }

        return name;
    }

    private static string QuotedSheetName(string name) => "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";
}
