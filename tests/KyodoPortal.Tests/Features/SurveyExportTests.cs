using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Web.Data;

namespace KyodoPortal.Tests.Features;

/// <summary>Issue 16: the raw answers and the results table downloaded over HTTP, and what an anonymous survey's order reveals.</summary>
[Trait("Category", "Database")]
public sealed class SurveyExportTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    /// <summary>The first sheet's rows.</summary>
    private static List<List<string>> Rows(byte[] xlsx) => Sheets(xlsx)[0].Rows;

    /// <summary>Every sheet, in the workbook's order, with its name and rows.</summary>
    private static List<(string Name, List<List<string>> Rows)> Sheets(byte[] xlsx)
    {
        using var document = XlsxFile.OpenValid(xlsx);
        var workbook = document.WorkbookPart!;
        return [.. workbook.Workbook.Sheets!.Elements<Sheet>().Select(sheet => (
            sheet.Name!.Value!,
            ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
                .Select(row => row.Elements<Cell>().Select(XlsxFile.CellText).ToList()).ToList()))];
    }

    private static List<string[]> CsvRows(byte[] bytes)
    {
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        using var reader = new CsvReader(new StringReader(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Parser.Record!);
        }

        return rows;
    }

    /// <summary>Seed 001 with its 25 answers recorded in the reverse of the seed's order (the last respondent first).</summary>
    private async Task<KyodoPortal.Domain.Surveys.Survey> Seed001ReversedAsync(bool anonymous = true)
    {
        var survey = await SurveyScenario.Seed001Async(factory, anonymous: anonymous);
        await SurveyScenario.RecordAsync(factory, survey, Seed001Survey.Answers(survey).Reverse());
        return survey;
    }

    [Fact]
    public async Task The_raw_answers_of_an_anonymous_survey_download_as_xlsx_one_row_per_response_without_accounts_in_content_order()
    {
        var survey = await Seed001ReversedAsync();
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        using var response = await coordinator.Http.GetAsync($"/surveys/{survey.Id}/export/answers?format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Rows(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(1 + Seed001Survey.Respondents, rows.Count);
        Assert.Equal("【問6】", Sheets(await response.Content.ReadAsByteArrayAsync())[^1].Name);
        var header = rows[0];
        Assert.Equal("回答方法", header[0]);
        Assert.DoesNotContain("回答者", header);
        Assert.DoesNotContain("回答番号", header);
        var q1 = header.IndexOf("【問1】あなたの役職を教えてください。");
        Assert.True(q1 > 0, string.Join(" | ", header));
        Assert.Equal(8, rows.Skip(1).Count(r => r[q1] == "課長"));
        Assert.Equal(16, rows.Skip(1).Count(r => r[q1] == "係長"));
        // Recorded last respondent first (主事・事務職員), but listed by content: the first option's rows first.
        Assert.Equal("課長", rows[1][q1]);
        Assert.Equal("主事・事務職員", rows[^1][q1]);
        var q5Other = header.IndexOf("【問5】その他の内容");
        var q2Reason = header.IndexOf("【問2】理由");
        Assert.Contains(rows, r => r[q5Other] == "他部署にも協働の利点について理解を深めてもらい、担当課はアドバイザー的な役割をしてみてはどうか。");
        Assert.Contains(rows, r => r[q2Reason] == "市長の考えもよくわかり、とても感銘を受けた。");
    }

    [Fact]
    public async Task The_raw_answers_of_a_named_survey_download_as_CSV_with_the_respondent_of_an_online_answer()
    {
        var survey = await Seed001ReversedAsync(anonymous: false);
        var email = $"survey-export-{Guid.NewGuid():N}@example.jp";
        await factory.CreateUserAsync(email, KyodoRoles.CommitteeMember);
        using (var person = factory.CreatePageClient())
        {
            await person.SignInAsync(email, KyodoWebFactory.Password);
            var page = await person.GetPageAsync($"/surveys/{survey.Id}/answer");
            var values = Enumerable.Range(1, 6).Select(n => Choose(page, n, 2)).ToArray();
            await person.SubmitAndFollowAsync(page, "#answer-form", values);
        }

        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        using var response = await coordinator.Http.GetAsync($"/surveys/{survey.Id}/export/answers?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = CsvRows(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["回答番号", "回答者", "メールアドレス", "回答方法"], rows[0][..4]);
        Assert.Equal(2 + Seed001Survey.Respondents, rows.Count);
        var online = Assert.Single(rows, r => r[2] == email);
        Assert.Equal("オンライン", online[3]);
        Assert.Equal("係長", online[4]);
        Assert.All(rows.Skip(1).Where(r => r != online), r => Assert.Equal(("", "他システムから取込"), (r[2], r[3])));
    }

    [Fact]
    public async Task The_results_table_downloads_as_xlsx_with_the_seeds_counts_and_shares()
    {
        var survey = await Seed001ReversedAsync();
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        var results = await coordinator.GetPageAsync($"/surveys/{survey.Id}/results");
        using var response = await coordinator.Http.GetAsync(results.QuerySelector("#result-downloads a[href$='/export/results']")!.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Rows(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["設問番号", "設問", "設問の種類", "この設問の回答者数", "選択肢", "回答数", "割合（%）"], rows[0]);
        Assert.Equal(["【問1】", "あなたの役職を教えてください。", "単一選択", "25", "1．課長", "8", "32"], rows[1]);
        Assert.Equal(["25", "1．非常に理解できた", "3", "12"], rows.Single(r => r[0] == "【問2】" && r[4] == "1．非常に理解できた")[3..]);
        Assert.Contains(rows, r => r[0] == "【問7】" && r[4] == "");

        // Then a sheet per choice question (the free-text 【問7】 has none), as seed 001 tabulates it.
        var sheets = Sheets(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["【問1】", "【問2】", "【問3】", "【問4】", "【問5】", "【問6】"], sheets.Skip(1).Select(s => s.Name));
        var q1 = sheets[1].Rows;
        Assert.Equal(["【問1】 あなたの役職を教えてください。", "回答数", "割合（%）"], q1[0]);
        Assert.Equal(["1．課長", "8", "32"], q1[1]);
        Assert.Equal(["2．係長", "16", "64"], q1[2]);
        Assert.Equal(["この設問の回答者数", "25", ""], q1[^1]);
    }

    [Fact]
    public async Task Downloads_are_for_the_office_wait_for_five_anonymous_answers_and_refuse_an_unknown_format()
    {
        var few = await SurveyScenario.Seed001Async(factory);
        await SurveyScenario.RecordAsync(factory, few, Seed001Survey.Answers(few).Take(2));
        var draft = await SurveyScenario.Seed001Async(factory, open: false);
        var enough = await Seed001ReversedAsync();
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        using var member = await factory.SignedInAsync(KyodoRoles.CommitteeMember);

        using var withheld = await coordinator.Http.GetAsync($"/surveys/{few.Id}/export/answers?format=xlsx");
        using var withheldResults = await coordinator.Http.GetAsync($"/surveys/{few.Id}/export/results");
        using var ofDraft = await coordinator.Http.GetAsync($"/surveys/{draft.Id}/export/results");
        using var unknown = await coordinator.Http.GetAsync($"/surveys/{enough.Id}/export/answers?format=pdf");
        using var notOffice = await member.Http.GetAsync($"/surveys/{enough.Id}/export/answers?format=csv");

        Assert.Equal(HttpStatusCode.Redirect, withheld.StatusCode);
        Assert.Equal($"/surveys/{few.Id}/results", withheld.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, withheldResults.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ofDraft.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notOffice.StatusCode);
        var page = await coordinator.GetPageAsync($"/surveys/{few.Id}/results");
        Assert.Null(page.QuerySelector("#result-downloads"));
    }

    [Fact]
    public async Task An_anonymous_surveys_results_page_lists_the_reasons_by_content_not_in_the_order_they_came_in()
    {
        var survey = await Seed001ReversedAsync();
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        var results = await coordinator.GetPageAsync($"/surveys/{survey.Id}/results");

        // Recorded 市長… first (the reversed order); listed in the texts' order.
        var texts = results.Texts("#result-2 .survey-texts")[0];
        Assert.True(texts.IndexOf("協働とは", StringComparison.Ordinal) < texts.IndexOf("市長の考え", StringComparison.Ordinal), texts);
    }

    [Fact]
    public async Task The_printable_report_linked_from_the_results_follows_seed_001s_layout()
    {
        var survey = await Seed001ReversedAsync();
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var results = await coordinator.GetPageAsync($"/surveys/{survey.Id}/results");

        var print = await coordinator.GetPageAsync(results.QuerySelector("#print-link")!.GetAttribute("href")!);

        Assert.EndsWith("（印刷用） | 協働ポータル", print.Title, StringComparison.Ordinal);
        Assert.Equal("■" + survey.Title, print.Text("h1"));
        Assert.Equal("92.6%", print.Text("#print-rate"));
        Assert.Equal("n = 25", print.Text("#n"));
        Assert.Equal(["【問１】", "【問２】", "【問３】", "【問４】", "【問５】", "【問６】", "【問７】"], print.Texts(".survey-print__question > h2"));
        Assert.Equal(["１．課長 8 32.0%", "２．係長 16 64.0%", "３．主事・事務職員 1 4.0%"], print.Texts("#print-table-1 tbody tr"));
        Assert.Equal(3, print.QuerySelectorAll("#print-1 svg rect").Length);
        var reasons = print.QuerySelector("#print-2")!;
        Assert.Equal(["【非常に理解できた】", "【理解できた】", "【あまり理解できなかった】"], reasons.Texts("h3"));
        Assert.Contains("市長の考えもよくわかり、とても感銘を受けた。", reasons.QuerySelectorAll("ul")[0].TextContent, StringComparison.Ordinal);
        Assert.NotNull(print.QuerySelector(".no-print a[href$='/results']"));
    }

    [Fact]
    public async Task The_printable_report_is_for_whoever_may_read_the_results()
    {
        var survey = await Seed001ReversedAsync();
        using var member = await factory.SignedInAsync(KyodoRoles.CommitteeMember);

        await member.GetPageAsync($"/surveys/{survey.Id}/results/print", HttpStatusCode.NotFound);
        await SurveyScenario.MoveAsync(factory, survey, KyodoPortal.Domain.Surveys.SurveyStatus.ResultsPublished, KyodoPortal.Domain.Surveys.SurveyResultsScope.Public);
        var print = await member.GetPageAsync($"/surveys/{survey.Id}/results/print");

        Assert.Equal("92.6%", print.Text("#print-rate"));
    }

    private static (string Key, string Value) Choose(IHtmlDocument page, int number, int option)
    {
        var input = page.QuerySelectorAll($"#q-{number} input[type=radio], #q-{number} input[type=checkbox]")[option - 1];
        return (input.GetAttribute("name")!, input.GetAttribute("value")!);
    }
}
