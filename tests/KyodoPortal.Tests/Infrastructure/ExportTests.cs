using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using KyodoPortal.Tests.Support;
using KyodoPortal.Web.Infrastructure.Export;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoPortal.Tests.Infrastructure;

public class ExportTests
{
    private static readonly DateOnly ExportDate = new(2026, 11, 22);

    private sealed record ProposalRow(
        string? Title,
        string Proposer,
        long? CityShareTotal,
        int Participants,
        DateOnly? SubmittedOn,
        DateTime? UpdatedAt);

    private static readonly ProposalRow[] Proposals =
    [
        new("子ども食堂の地域展開", "NPO法人𠮷田ネット", 1_200_000, 12, new DateOnly(2026, 4, 1), new DateTime(2026, 4, 1, 17, 30, 0)),
        new("=SUM(A1)", "@cmd", -120_000, 0, null, null),
        new("-1+2", "a, \"quoted\"\nsecond line", null, 3, new DateOnly(2026, 5, 10), null),
        new(null, "+81 3", 0, 1, null, new DateTime(2026, 5, 10, 9, 5, 0)),
    ];

    private static ExportTable ProposalTable(string title = "提案一覧") =>
        ExportTable.Create(title, Proposals, c => c
            .Text("提案名", r => r.Title)
            .Text("提案者", r => r.Proposer)
            .Yen("市負担金合計", r => r.CityShareTotal)
            .Number("参加者数", r => r.Participants)
            .Date("提出日", r => r.SubmittedOn)
            .DateTime("更新日時", r => r.UpdatedAt));

    // ---- model ----

    [Fact]
    public void Columns_can_also_be_declared_one_by_one_with_the_row_type_spelled_out()
    {
        var table = ExportTable.Create(
            "提案一覧",
            Proposals,
            ExportColumn.Text("提案名", (ProposalRow r) => r.Title),
            ExportColumn.Yen("市負担金合計", (ProposalRow r) => r.CityShareTotal));

        Assert.Equal(["提案名", "市負担金合計"], table.Columns.Select(c => c.Text));
        Assert.Equal([ExportColumnKind.Text, ExportColumnKind.Yen], table.Columns.Select(c => c.Kind));
    }

    [Fact]
    public async Task Utc_instants_and_offsets_are_written_in_Japan_time()
    {
        var instant = new DateTime(2026, 3, 31, 15, 30, 0, DateTimeKind.Unspecified);
        var table = ExportTable.Create("t", [instant], c => c
            .UtcDateTime("UTC", r => r)
            .DateTime("offset", r => new DateTimeOffset(r, TimeSpan.Zero))
            .DateTime("marked UTC", r => DateTime.SpecifyKind(r, DateTimeKind.Utc))
            .DateTime("Japan", r => r));

        var line = Lines(Decode(await CsvAsync(table)))[1];

        Assert.Equal("2026-04-01 00:30,2026-04-01 00:30,2026-04-01 00:30,2026-03-31 15:30", line);
    }

    // ---- CSV ----

    [Fact]
    public async Task Csv_starts_with_the_utf8_byte_order_mark_so_Excel_reads_Japanese()
    {
        var bytes = await CsvAsync(ProposalTable());

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
    }

    [Fact]
    public async Task Csv_writes_the_byte_order_mark_even_into_a_stream_that_already_has_content()
    {
        using var stream = new MemoryStream();
        stream.Write("x"u8);

        await CsvExporter.WriteAsync(ProposalTable(), stream);

        Assert.Equal(new byte[] { (byte)'x', 0xEF, 0xBB, 0xBF }, stream.ToArray()[..4]);
    }

    [Fact]
    public async Task Csv_ends_every_record_with_crlf()
    {
        var text = Decode(await CsvAsync(ProposalTable()));

        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        // A header and 4 records end in CRLF; the one other LF is the value's own, inside its quotes.
        Assert.Equal(5, text.Split("\r\n").Length - 1);
        Assert.Equal(6, text.Count(c => c == '\n'));
    }

    [Fact]
    public async Task Csv_writes_the_header_and_rows_in_column_order()
    {
        var lines = Lines(Decode(await CsvAsync(ProposalTable())));

        Assert.Equal("提案名,提案者,市負担金合計,参加者数,提出日,更新日時", lines[0]);
        Assert.Equal("子ども食堂の地域展開,NPO法人𠮷田ネット,1200000,12,2026-04-01,2026-04-01 17:30", lines[1]);
    }

    [Fact]
    public async Task Csv_quotes_values_with_a_comma_a_quote_or_a_newline()
    {
        var text = Decode(await CsvAsync(ProposalTable()));

        Assert.Contains("'-1+2,\"a, \"\"quoted\"\"\nsecond line\",,3,2026-05-10,\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_escapes_text_that_a_spreadsheet_would_run_as_a_formula()
    {
        var lines = Lines(Decode(await CsvAsync(ProposalTable())));

        Assert.Equal("'=SUM(A1),'@cmd,-120000,0,,", lines[2]);
        Assert.StartsWith("'-1+2,", lines[3], StringComparison.Ordinal);
        Assert.Equal(",'+81 3,0,1,,2026-05-10 09:05", lines[^1]);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public async Task Csv_escapes_each_formula_trigger_only_at_the_start_of_text(string value, string expected)
    {
        var table = ExportTable.Create("t", [value], c => c.Text("v", r => r).Text("w", _ => "x"));

        Assert.Equal(expected + ",x", Lines(Decode(await CsvAsync(table)))[1]);
    }

    [Fact]
    public async Task Csv_escapes_a_leading_carriage_return_inside_the_quotes()
    {
        var table = ExportTable.Create("t", ["\rcmd"], c => c.Text("v", r => r));

        Assert.Equal("v\r\n\"'\rcmd\"\r\n", Decode(await CsvAsync(table)));
    }

    [Theory]
    [InlineData("a\nb", "\"a\nb\"")]
    [InlineData("a\rb", "\"a\rb\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData(" padded ", " padded ")]
    public async Task Csv_quotes_exactly_the_fields_RFC_4180_requires(string value, string expected)
    {
        var table = ExportTable.Create("t", [value], c => c.Text("v", r => r));

        Assert.Equal($"v\r\n{expected}\r\n", Decode(await CsvAsync(table)));
    }

    [Fact]
    public async Task Csv_escapes_formula_triggers_in_headers_too()
    {
        var table = ExportTable.Create("t", [1], c => c.Number("=HYPERLINK()", r => r));

        Assert.Equal("'=HYPERLINK()", Lines(Decode(await CsvAsync(table)))[0]);
    }

    [Fact]
    public async Task Csv_writes_numbers_as_plain_invariant_numbers_even_under_a_Japanese_or_German_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var table = ExportTable.Create("t", [1234567.5m], c => c.Number("n", r => r).Yen("yen", r => -1_234_567L));

            Assert.Equal("1234567.5,-1234567", Lines(Decode(await CsvAsync(table)))[1]);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task Csv_round_trips_Japanese_including_characters_outside_the_basic_plane()
    {
        var bytes = await CsvAsync(ProposalTable());
        var text = Decode(bytes);

        Assert.Equal("NPO法人𠮷田ネット", Lines(text)[1].Split(',')[1]);
        Assert.Equal("子ども食堂の地域展開", Lines(text)[1].Split(',')[0]);
        // One 4-byte UTF-8 sequence, not two encoded surrogate halves (CESU-8), which Excel would show as garbage.
        Assert.True(bytes.AsSpan().IndexOf("𠮷"u8) > 0);
    }

    [Fact]
    public async Task Csv_writes_null_as_an_empty_field()
    {
        var lines = Lines(Decode(await CsvAsync(ProposalTable())));

        Assert.StartsWith(",'+81 3,", lines[^1], StringComparison.Ordinal);
        Assert.EndsWith("-120000,0,,", lines[2], StringComparison.Ordinal);
    }

    // ---- XLSX ----

    [Fact]
    public async Task Xlsx_is_a_valid_package_with_one_sheet_named_after_the_title()
    {
        using var document = await OpenXlsxAsync(ProposalTable());

        Assert.Empty(XlsxFile.ValidationErrors(document));
        var sheet = Assert.Single(document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal("提案一覧", sheet.Name?.Value);
    }

    [Fact]
    public async Task Xlsx_of_several_tables_has_a_sheet_each_in_order_with_names_made_unique()
    {
        var long31 = new string('長', XlsxExporter.MaxSheetNameLength);
        using var stream = new MemoryStream();
        await XlsxExporter.WriteAsync([ProposalTable(), ProposalTable("一覧"), ProposalTable("提案一覧"), ProposalTable(long31), ProposalTable(long31)], stream);
        using var document = SpreadsheetDocument.Open(new MemoryStream(stream.ToArray()), false);

        Assert.Empty(XlsxFile.ValidationErrors(document));
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["提案一覧", "一覧", "提案一覧 (2)", long31, new string('長', XlsxExporter.MaxSheetNameLength - 4) + " (2)"], sheets.Select(s => s.Name!.Value));
        var third = (WorksheetPart)document.WorkbookPart.GetPartById(sheets[2].Id!.Value!);
        Assert.Equal(1 + Proposals.Length, third.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Count());
    }

    [Fact]
    public async Task Xlsx_header_row_holds_the_column_texts_in_bold_with_a_fill()
    {
        using var document = await OpenXlsxAsync(ProposalTable());
        var header = Rows(document)[0];

        Assert.Equal(["提案名", "提案者", "市負担金合計", "参加者数", "提出日", "更新日時"], header.Elements<Cell>().Select(XlsxFile.CellText));
        var style = CellFormat(document, header.Elements<Cell>().First());
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        Assert.NotNull(stylesheet.Fonts!.Elements<Font>().ElementAt((int)style.FontId!.Value).GetFirstChild<Bold>());
        var fill = stylesheet.Fills!.Elements<Fill>().ElementAt((int)style.FillId!.Value).PatternFill!;
        Assert.Equal(PatternValues.Solid, fill.PatternType!.Value);
    }

    [Fact]
    public async Task Xlsx_stylesheet_starts_with_the_defaults_Excel_requires()
    {
        using var document = await OpenXlsxAsync(ProposalTable());
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;

        var fills = stylesheet.Fills!.Elements<Fill>().Select(f => f.PatternFill!.PatternType!.Value).Take(2);
        Assert.Equal([PatternValues.None, PatternValues.Gray125], fills);
        var first = stylesheet.CellFormats!.Elements<CellFormat>().First();
        Assert.Equal(0U, first.NumberFormatId!.Value);
        Assert.Equal(0U, first.FontId!.Value);
        Assert.Equal(0U, first.FillId!.Value);
    }

    [Fact]
    public async Task Xlsx_writes_text_values_as_text_and_Japanese_unchanged()
    {
        using var document = await OpenXlsxAsync(ProposalTable());
        var row = Rows(document)[1];

        Assert.Equal("子ども食堂の地域展開", XlsxFile.CellText(Cell(row, "A2")));
        Assert.Equal("NPO法人𠮷田ネット", XlsxFile.CellText(Cell(row, "B2")));
    }

    [Fact]
    public async Task Xlsx_writes_yen_as_a_number_with_the_yen_format()
    {
        using var document = await OpenXlsxAsync(ProposalTable());

        var cell = Cell(Rows(document)[2], "C3");

        Assert.True(cell.DataType is null || cell.DataType.Value == CellValues.Number);
        Assert.Equal(-120000m, decimal.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal("#,##0\"円\"", NumberFormatCode(document, cell));
    }

    [Fact]
    public async Task Xlsx_writes_plain_numbers_as_numeric_cells()
    {
        using var document = await OpenXlsxAsync(ProposalTable());

        var cell = Cell(Rows(document)[1], "D2");

        Assert.True(cell.DataType is null || cell.DataType.Value == CellValues.Number);
        Assert.Equal("12", cell.CellValue!.Text);
    }

    [Fact]
    public async Task Xlsx_writes_dates_and_times_as_serial_numbers_with_date_formats()
    {
        using var document = await OpenXlsxAsync(ProposalTable());
        var row = Rows(document)[1];

        var date = Cell(row, "E2");
        Assert.True(date.DataType is null || date.DataType.Value == CellValues.Number);
        Assert.Equal(new DateTime(2026, 4, 1), DateTime.FromOADate(double.Parse(date.CellValue!.Text, CultureInfo.InvariantCulture)));
        Assert.Equal("yyyy/mm/dd", NumberFormatCode(document, date));

        var dateTime = Cell(row, "F2");
        Assert.Equal(new DateTime(2026, 4, 1, 17, 30, 0), DateTime.FromOADate(double.Parse(dateTime.CellValue!.Text, CultureInfo.InvariantCulture)));
        Assert.Equal("yyyy/mm/dd hh:mm", NumberFormatCode(document, dateTime));
    }

    [Fact]
    public async Task Xlsx_leaves_null_cells_empty()
    {
        using var document = await OpenXlsxAsync(ProposalTable());
        var row = Rows(document)[2];

        Assert.Equal(["A3", "B3", "C3", "D3"], row.Elements<Cell>().Where(c => c.CellValue is not null || c.InlineString is not null).Select(c => c.CellReference!.Value));
        Assert.Null(Cell(row, "E3").CellValue);
        Assert.Null(Cell(row, "F3").CellValue);
    }

    [Fact]
    public async Task Xlsx_never_writes_a_formula_even_for_text_that_looks_like_one()
    {
        var table = ExportTable.Create("t", ["=1+1", "=SUM(A1:A2)", "@cmd"], c => c.Text("=HYPERLINK(\"x\")", r => r));
        using var document = await OpenXlsxAsync(table);
        var worksheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;

        Assert.Empty(worksheet.Descendants<CellFormula>());
        var cell = Cell(Rows(document)[1], "A2");
        Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
        Assert.Equal("=1+1", XlsxFile.CellText(cell));
    }

    [Fact]
    public async Task Xlsx_freezes_the_header_row_and_filters_it()
    {
        using var document = await OpenXlsxAsync(ProposalTable());
        var worksheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;

        var pane = worksheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1D, pane.VerticalSplit!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        Assert.Contains("ySplit=\"1\"", worksheet.OuterXml, StringComparison.Ordinal);
        // The header row: Excel filters the rows below it (the file is written before the last row is known).
        Assert.Equal("A1:F1", worksheet.Elements<AutoFilter>().Single().Reference!.Value);
    }

    [Fact]
    public async Task Xlsx_sizes_columns_by_content_counting_full_width_characters_double()
    {
        var table = ExportTable.Create("t", ["ab", "あいうえおかきくけこさしすせそ"], c => c.Text("x", r => r).Text("y", _ => "abc"));
        using var document = await OpenXlsxAsync(table);
        var widths = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Column>().Select(c => c.Width!.Value).ToList();

        Assert.Equal(2, widths.Count);
        Assert.True(widths[0] >= 30, $"15 full-width characters need about 30 units, got {widths[0]}.");
        Assert.InRange(widths[1], 8, 12);
        Assert.Equal(6, XlsxExporter.DisplayWidth("提案𠮷"));
        Assert.Equal(6, XlsxExporter.DisplayWidth("ｶﾅ円ab"));
    }

    [Fact]
    public async Task Xlsx_stays_valid_with_control_characters_unpaired_surrogates_and_no_rows()
    {
        string[] values = ["a\u0001b", "x\uD800y", " spaced \r\nline _x0041_ "];
        var table = ExportTable.Create("['History']", values, c => c.Text("v", r => r));
        using var document = await OpenXlsxAsync(table);

        Assert.Empty(XlsxFile.ValidationErrors(document));
        var cells = Rows(document).Skip(1).Select(r => XlsxFile.CellText(r.Elements<Cell>().Single())).ToList();
        Assert.Equal(["a\uFFFDb", "x\uFFFDy", " spaced \nline _x005F_x0041_ "], cells);

        var empty = ExportTable.Create("空", Array.Empty<ProposalRow>(), c => c.Text("提案名", r => r.Title));
        using var emptyDocument = await OpenXlsxAsync(empty);
        Assert.Empty(XlsxFile.ValidationErrors(emptyDocument));
        Assert.Single(Rows(emptyDocument));
    }

    // ---- sheet names ----

    [Theory]
    [InlineData("提案一覧", "提案一覧")]
    [InlineData("令和8年度[前期]: 提案*一覧?/審査\\結果", "令和8年度_前期__ 提案_一覧__審査_結果")]
    [InlineData("'quoted'", "quoted")]
    [InlineData("   ", "Sheet1")]
    [InlineData("history", "history_")]
    public void Sheet_names_drop_characters_Excel_forbids(string title, string expected)
    {
        Assert.Equal(expected, XlsxExporter.SheetName(title));
    }

    [Fact]
    public void Sheet_names_are_cut_to_31_characters_without_splitting_a_surrogate_pair()
    {
        var longName = new string('あ', 40);
        Assert.Equal(new string('あ', 31), XlsxExporter.SheetName(longName));

        var surrogateAtTheCut = new string('a', 30) + "𠮷𠮷";
        Assert.Equal(new string('a', 30), XlsxExporter.SheetName(surrogateAtTheCut));
    }

    [Fact]
    public async Task A_long_title_still_makes_a_valid_workbook()
    {
        using var document = await OpenXlsxAsync(ProposalTable("令和8年度 協働事業提案制度 第1回募集 提案一覧（審査用・部外秘）"));

        Assert.Empty(XlsxFile.ValidationErrors(document));
        var name = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single().Name!.Value!;
        Assert.Equal(31, name.Length);
    }

    // ---- file results ----

    [Theory]
    [InlineData(ExportFormat.Csv, "text/csv; charset=utf-8", "提案一覧_2026-11-22.csv")]
    [InlineData(ExportFormat.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "提案一覧_2026-11-22.xlsx")]
    public void File_results_carry_the_content_type_and_a_dated_file_name(ExportFormat format, string contentType, string fileName)
    {
        var result = ExportFileResult.Create(ProposalTable(), format, ExportDate);

        Assert.Equal(contentType, result.ContentType);
        Assert.Equal(fileName, result.FileDownloadName);
    }

    [Fact]
    public void File_names_are_dated_in_Japan_time()
    {
        // 2026-11-21 15:30 UTC is already 11/22 in Japan.
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 21, 15, 30, 0, TimeSpan.Zero));

        var result = ExportFileResult.Create(ProposalTable(), ExportFormat.Csv, clock);

        Assert.Equal("提案一覧_2026-11-22.csv", result.FileDownloadName);
    }

    [Fact]
    public void File_names_replace_characters_that_file_systems_forbid()
    {
        Assert.Equal("A_B_C__2026-11-22.csv", ExportFileResult.FileName("A/B:C?", ExportFormat.Csv, ExportDate));
        Assert.Equal("export_2026-11-22.xlsx", ExportFileResult.FileName(" . ", ExportFormat.Xlsx, ExportDate));
    }

    [Fact]
    public async Task A_Japanese_file_name_reaches_the_browser_as_an_RFC_6266_utf8_file_name_with_the_file_and_its_length()
    {
        var result = ExportFileResult.Create(ProposalTable(), ExportFormat.Csv, ExportDate);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IActionResultExecutor<FileStreamResult>, FileStreamResultExecutor>()
            .BuildServiceProvider();
        var body = new MemoryStream();
        var httpContext = new DefaultHttpContext { RequestServices = services };
        httpContext.Response.Body = body;

        await result.ExecuteResultAsync(new ActionContext(httpContext, new RouteData(), new ActionDescriptor()));

        var disposition = httpContext.Response.Headers.ContentDisposition.ToString();
        Assert.StartsWith("attachment;", disposition, StringComparison.Ordinal);
        var encoded = Uri.EscapeDataString("提案一覧_2026-11-22.csv");
        Assert.Contains($"filename*=UTF-8''{encoded}", disposition, StringComparison.Ordinal);
        Assert.Equal("text/csv; charset=utf-8", httpContext.Response.ContentType);
        var expected = await CsvAsync(ProposalTable());
        Assert.Equal(expected, body.ToArray());
        Assert.Equal(expected.Length, httpContext.Response.ContentLength);
    }

    // ---- many rows ----

    [Theory]
    [InlineData(ExportFormat.Xlsx)]
    [InlineData(ExportFormat.Csv)]
    public async Task A_hundred_thousand_rows_are_written_as_they_are_read_not_held_until_the_last(ExportFormat format)
    {
        const int rowCount = 100_000;
        var output = new MemoryStream();
        long writtenWhenTheLastRowWasRead = -1;

        async IAsyncEnumerable<int> Source()
        {
            for (var i = 1; i <= rowCount; i++)
            {
                if (i == rowCount)
                {
                    writtenWhenTheLastRowWasRead = output.Length;
                }

                yield return i;
                if (i % 10_000 == 0)
                {
                    await Task.Yield();
                }
            }
        }

        var table = ExportTable.Create("大量", Source(), c => c
            .Number("番号", r => r)
            .Text("事業名", r => $"協働事業 {r} 子ども食堂の地域展開")
            .Yen("金額", r => r * 1_000L)
            .Date("日付", r => new DateOnly(2026, 4, 1).AddDays(r % 365)));
        var result = ExportFileResult.Create(table, format, ExportDate);

        await result.WriteAsync(output, CancellationToken.None);

        // Everything but the last buffer (SpreadCheetah's and the compressor's, CsvHelper's) was already out.
        Assert.InRange(writtenWhenTheLastRowWasRead, output.Length * 9 / 10, output.Length);
        output.Position = 0;
        if (format == ExportFormat.Xlsx)
        {
            using var document = SpreadsheetDocument.Open(output, false);
            var rows = Rows(document);
            Assert.Equal(rowCount + 1, rows.Count);
            Assert.Equal("協働事業 100000 子ども食堂の地域展開", XlsxFile.CellText(Cell(rows[^1], "B100001")));
        }
        else
        {
            var lines = Lines(Decode(output.ToArray()));
            Assert.Equal(rowCount + 1, lines.Length);
            Assert.StartsWith("100000,協働事業 100000", lines[^1], StringComparison.Ordinal);
        }
    }

    // ---- helpers ----

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static string Decode(byte[] bytes) =>
        new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3);

    // Splits records, not the LF inside a quoted value.
    private static string[] Lines(string csv) => csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    private static async Task<byte[]> CsvAsync(ExportTable table)
    {
        using var stream = new MemoryStream();
        await CsvExporter.WriteAsync(table, stream);
        return stream.ToArray();
    }

    private static async Task<SpreadsheetDocument> OpenXlsxAsync(ExportTable table)
    {
        var stream = new MemoryStream();
        await XlsxExporter.WriteAsync(table, stream);
        stream.Position = 0;
        return SpreadsheetDocument.Open(stream, false);
    }

    private static List<Row> Rows(SpreadsheetDocument document) =>
        document.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();

    private static Cell Cell(Row row, string reference) =>
        row.Elements<Cell>().Single(c => c.CellReference?.Value == reference);


    private static CellFormat CellFormat(SpreadsheetDocument document, Cell cell) =>
        document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>()
            .ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    private static string NumberFormatCode(SpreadsheetDocument document, Cell cell)
    {
        var id = CellFormat(document, cell).NumberFormatId!.Value;
        return document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .Single(f => f.NumberFormatId!.Value == id).FormatCode!.Value!;
    }
}
