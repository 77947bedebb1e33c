using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace KyodoPortal.Web.Infrastructure.Export;

/// <summary>
/// Writes an <see cref="ExportTable"/> as a one-sheet workbook (or several tables as a workbook of several
/// sheets, each named from its table's title) with SpreadCheetah, forward only: rows go to the output
/// as they are read, so memory stays bounded whatever their number (the OpenXml SDK keeps a whole part in memory on
/// .NET, dotnet/Open-XML-SDK#807). A bold, filled, frozen header row with an auto filter, real numbers and dates (so
/// Excel can sum and sort them) and text only ever as inline string cells, never formulas.
/// </summary>
public static partial class XlsxExporter
{
    public const int MaxSheetNameLength = 31;

    public const string YenFormat = "#,##0\"円\"";

    public const string DateFormat = "yyyy/mm/dd";

    public const string DateTimeFormat = "yyyy/mm/dd hh:mm";

    /// <summary>Columns are sized on the first rows only: the file is written before the last row is read.</summary>
    public const int WidthSampleRows = 1_000;

    // Excel refuses longer cell text with a repair prompt.
    private const int MaxCellTextLength = 32_767;

    // Japanese Excel's own default font: CJK text renders with proper glyphs instead of a fallback.
    private const string DefaultFontName = "游ゴシック";

    private const double MinColumnWidth = 8;
    private const double MaxColumnWidth = 60;

    // Room for the auto filter's drop-down button beside the header text.
    private const int FilterButtonWidth = 3;

    private static readonly SearchValues<char> ForbiddenSheetNameChars = SearchValues.Create("[]:*?/\\");

    /// <summary>Writes the workbook to <paramref name="stream"/>, which is left open, reading the table's rows as it goes.</summary>
    public static Task WriteAsync(ExportTable table, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        return WriteAsync([table], stream, cancellationToken);
    }

    /// <summary>
    /// Writes one sheet per table, in order, to <paramref name="stream"/> (left open). Sheet names are the tables'
    /// titles made acceptable to Excel (<see cref="SheetName"/>) and unique in the workbook (「 (2)」 added, as Excel does).
    /// </summary>
    public static async Task WriteAsync(IReadOnlyList<ExportTable> tables, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(stream);
        if (tables.Count == 0)
        {
            throw new ArgumentException("A workbook needs at least one table.", nameof(tables));
        }

        var options = new SpreadCheetahOptions
        {
            DefaultFont = new DefaultFont { Name = DefaultFontName, Size = 11 },
            WriteCellReferenceAttributes = true,
            // Metadata would carry the server's clock and a generator name; an export is the table only.
            DocumentProperties = null,
        };
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(stream, options, cancellationToken);
        var styles = new CellStyles(spreadsheet);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in tables)
        {
            await WriteSheetAsync(spreadsheet, styles, table, UniqueSheetName(table.Title, names), cancellationToken);
        }

        await spreadsheet.FinishAsync(cancellationToken);
    }

    private static async Task WriteSheetAsync(Spreadsheet spreadsheet, CellStyles styles, ExportTable table, string name, CancellationToken cancellationToken)
    {
        await using var rows = table.Rows.GetAsyncEnumerator(cancellationToken);
        var sample = new List<object?[]>();
        while (sample.Count < WidthSampleRows && await rows.MoveNextAsync())
        {
            sample.Add(rows.Current);
        }

        await spreadsheet.StartWorksheetAsync(name, WorksheetOptions(table, sample), cancellationToken);
        var cells = new Cell[table.Columns.Count];
        for (var c = 0; c < cells.Length; c++)
        {
            cells[c] = new Cell(CellText(table.Columns[c].Text), styles.Header);
        }

        await spreadsheet.AddRowAsync(cells, cancellationToken);
        foreach (var values in sample)
        {
            await spreadsheet.AddRowAsync(RowCells(table, values, styles, cells), cancellationToken);
        }

        sample.Clear();
        while (await rows.MoveNextAsync())
        {
            await spreadsheet.AddRowAsync(RowCells(table, rows.Current, styles, cells), cancellationToken);
        }
    }

    /// <summary><see cref="SheetName"/>, with 「 (2)」, 「 (3)」… when the workbook already has a sheet of that name (Excel compares names ignoring case).</summary>
    private static string UniqueSheetName(string title, HashSet<string> taken)
    {
        var stem = SheetName(title);
        var name = stem;
        for (var n = 2; !taken.Add(name); n++)
        {
            var suffix = FormattableString.Invariant($" ({n})");
            var length = Math.Min(stem.Length, MaxSheetNameLength - suffix.Length);
            // Never split a surrogate pair (e.g. 𠮷).
            length -= length > 0 && length < stem.Length && char.IsHighSurrogate(stem[length - 1]) ? 1 : 0;
            name = stem[..length] + suffix;
        }

        return name;
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

    private static WorksheetOptions WorksheetOptions(ExportTable table, List<object?[]> sample)
    {
        var options = new WorksheetOptions
        {
            FrozenRows = 1,
            // The header row: Excel filters the rows below it down to the first empty one.
            AutoFilter = new AutoFilterOptions($"A1:{ColumnName(table.Columns.Count)}1"),
        };
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var width = DisplayWidth(table.Columns[c].Text) + FilterButtonWidth;
            foreach (var row in sample)
            {
                width = Math.Max(width, ValueWidth(table.Columns[c].Kind, row[c]));
            }

            options.Column(c + 1).Width = Math.Clamp(width + 2, MinColumnWidth, MaxColumnWidth);
        }

        return options;
    }

    // One array of cells reused for every row: SpreadCheetah copies what it writes.
    private static Cell[] RowCells(ExportTable table, object?[] values, CellStyles styles, Cell[] cells)
    {
        for (var c = 0; c < cells.Length; c++)
        {
            // An empty cell element is how a spreadsheet says "empty".
            cells[c] = values[c] is { } value ? ValueCell(table.Columns[c].Kind, value, styles) : new Cell((string?)null);
        }

        return cells;
    }

    private static Cell ValueCell(ExportColumnKind kind, object value, CellStyles styles) => kind switch
    {
        ExportColumnKind.Text => new Cell(CellText((string)value)),
        ExportColumnKind.Number => new Cell((decimal)value),
        ExportColumnKind.Yen => new Cell((long)value, styles.Yen),
        ExportColumnKind.Date => new Cell(((DateOnly)value).ToDateTime(TimeOnly.MinValue), styles.Date),
        ExportColumnKind.DateTime => new Cell((DateTime)value, styles.DateTime),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The styles of one workbook: a bold header on a light blue fill with a rule under it, yen and dates.</summary>
    private sealed class CellStyles(Spreadsheet spreadsheet)
    {
        public StyleId Header { get; } = spreadsheet.AddStyle(new Style
        {
            Font = { Bold = true },
            Fill = { Color = System.Drawing.Color.FromArgb(0xDD, 0xEB, 0xF7) },
            Border = { Bottom = { BorderStyle = BorderStyle.Thin } },
            Alignment = { Vertical = VerticalAlignment.Center },
        });

        public StyleId Yen { get; } = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom(YenFormat) });

        public StyleId Date { get; } = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom(DateFormat) });

        public StyleId DateTime { get; } = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom(DateTimeFormat) });
    }

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
}
