using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Surveys;
using KyodoPortal.Tests.Domain.Surveys;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// Issue 16, the import half of "paper and imported answers": the coordinator uploads another
/// system's CSV (Shift_JIS or UTF-8) or .xlsx, maps columns and values, previews and saves — through
/// the pages, with their antiforgery tokens — and bad files leave the data as it was.
/// </summary>
[Trait("Category", "Database")]
public sealed class SurveyImportPageTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    static SurveyImportPageTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private async Task<PageClient> CoordinatorAsync()
    {
        var email = $"survey-import-{Guid.NewGuid():N}@example.jp";
        await factory.CreateUserAsync(email, KyodoRoles.Coordinator);
        var client = factory.CreatePageClient();
        await client.SignInAsync(email, KyodoWebFactory.Password);
        return client;
    }

    /// <summary>Posts the upload form as a browser would: its hidden fields, the encoding, and the file (none when null).</summary>
    internal static async Task<HttpResponseMessage> UploadAsync(PageClient client, IHtmlDocument page, byte[]? bytes, string fileName, string encoding = "Detect")
    {
        var form = page.QuerySelector<IHtmlFormElement>("#import-form") ?? throw new InvalidOperationException("No import form on " + page.Url);
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]"))
        {
            content.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        content.Add(new StringContent(encoding), "encoding");
        if (bytes is not null)
        {
            content.Add(new ByteArrayContent(bytes), "file", fileName);
        }

        return await client.Http.PostAsync(form.GetAttribute("action"), content);
    }

    private static async Task<IHtmlDocument> UploadAndFollowAsync(PageClient client, IHtmlDocument page, byte[]? bytes, string fileName, string encoding = "Detect")
    {
        using var response = await UploadAsync(client, page, bytes, fileName, encoding);
        return response.StatusCode == HttpStatusCode.Redirect
            ? await client.GetPageAsync(response.Headers.Location!.OriginalString)
            : await PageClient.ReadAsync(response, response.StatusCode);
    }

    /// <summary>The mapping form's fields as they stand, with <paramref name="overrides"/>.</summary>
    private static List<KeyValuePair<string, string>> Fields(IHtmlDocument page, string selector, params (string Key, string Value)[] overrides)
    {
        var form = page.QuerySelector<IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"No {selector} on {page.Url}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            if (element is IHtmlInputElement { Name.Length: > 0 } input && input.Type == "hidden")
            {
                fields.Add(new(input.Name!, input.Value));
            }
            else if (element is IHtmlSelectElement { Name.Length: > 0 } select)
            {
                fields.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(select.Name!, o.Value)));
            }
        }

        fields.RemoveAll(f => overrides.Any(o => o.Key == f.Key));
        fields.AddRange(overrides.Select(o => new KeyValuePair<string, string>(o.Key, o.Value)));
        return fields;
    }

    /// <summary>Submits the mapping form (a GET: the preview changes nothing).</summary>
    internal static Task<IHtmlDocument> MapAsync(PageClient client, IHtmlDocument page, params (string Key, string Value)[] overrides)
    {
        var action = page.QuerySelector("#mapping-form")!.GetAttribute("action");
        var query = string.Join('&', Fields(page, "#mapping-form", overrides).Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        return client.GetPageAsync(action + "?" + query);
    }

    /// <summary>The field that chooses the option for a value no option matches.</summary>
    internal static string ValueField(IHtmlDocument page, string value) =>
        page.QuerySelectorAll<IHtmlInputElement>("#mapping-form input[type=hidden]").Single(i => i.Name!.EndsWith(".Value", StringComparison.Ordinal) && i.Value == value)
            .Name!.Replace(".Value", ".OptionId", StringComparison.Ordinal);

    private static byte[] Csv(Survey survey, Encoding encoding, Func<string, string>? edit = null, bool extras = false) =>
        encoding.GetBytes((edit ?? (s => s))(SurveyImportTests.Seed001Csv(survey, extras)));

    private Task<int> ImportedAsync(Survey survey) =>
        factory.QueryAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == survey.Id));

    private static void AssertSeedTable(IHtmlDocument results)
    {
        Assert.Equal("25人", results.Text("#respondents"));
        Assert.Equal("92.6%", results.Text("#response-rate"));
        Assert.Equal(["1．課長 8 32.0%", "2．係長 16 64.0%", "3．主事・事務職員 1 4.0%"], results.Texts("#table-1 tbody tr"));
        Assert.Equal(["1．非常に理解できた 3 12.0%", "2．理解できた 17 68.0%", "3．あまり理解できなかった 5 20.0%", "4．理解できなかった 0 0.0%"], results.Texts("#table-2 tbody tr"));
    }

    [Fact]
    public async Task Seed_001_imported_from_a_Shift_JIS_CSV_with_a_column_and_a_value_mapped_by_hand_reproduces_the_citys_table()
    {
        var survey = await SurveyScenario.Seed001Async(factory, method: SurveyMethod.Imported);
        var q1 = survey.QuestionNumbered(1);
        using var coordinator = await CoordinatorAsync();
        var details = await coordinator.GetPageAsync($"/surveys/{survey.Id}");
        Assert.Equal("0件 ファイルから回答を取り込む", details.Text("#imported-rows"));

        // The e-application service wrote 課長級 where the survey says 課長.
        var bytes = Csv(survey, Encoding.GetEncoding(932), csv => csv.Replace(",課長,", ",課長級,", StringComparison.Ordinal));
        var mapping = await UploadAndFollowAsync(coordinator, await coordinator.GetPageAsync($"/surveys/{survey.Id}/import"), bytes, "回答一覧.csv");
        Assert.Contains("「回答一覧.csv」を Shift_JIS として読み込みました（回答25行）。", mapping.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Equal("Shift_JIS", mapping.Text("#import-encoding"));
        Assert.Contains("【問1】に対応する列がありません。", mapping.Text("#mapping-problems"), StringComparison.Ordinal);
        Assert.Null(mapping.QuerySelector("#import-save-form"));

        mapping = await MapAsync(coordinator, mapping, ($"Columns[{q1.Id}]", "1"), ($"Columns[{survey.QuestionNumbered(7).Id}]", "7"));
        Assert.Null(mapping.QuerySelector("#mapping-problems"));
        Assert.Contains("【問1】の「課長級」に合う選択肢がありません", mapping.Text("#import-errors"), StringComparison.Ordinal);
        Assert.Equal(8, mapping.QuerySelectorAll("#import-errors tbody tr").Length);
        Assert.All(mapping.Texts("#import-errors tbody tr"), row => Assert.Matches(@"^\d+ 役職 課長級 【問1】の「課長級」に合う選択肢がありません", row));
        Assert.Null(mapping.QuerySelector("#import-save-form"));

        mapping = await MapAsync(coordinator, mapping, (ValueField(mapping, "課長級"), q1.Options[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Null(mapping.QuerySelector("#import-errors"));
        Assert.Equal("25行のうち、正しい行 25行、誤りのある行 0行。", mapping.Text("#import-summary"));
        Assert.Equal(["【問1】 1．課長 8", "【問1】 2．係長 16", "【問1】 3．主事・事務職員 1"], mapping.Texts("#import-counts tbody tr").Take(3));
        Assert.Equal(0, await ImportedAsync(survey));

        var saved = await coordinator.SubmitAndFollowAsync(mapping, "#import-save-form");
        Assert.Contains("「回答一覧.csv」から25件の回答を取り込みました。", saved.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Equal("25件", saved.Text("#imported-rows")?.Split(' ')[0]);
        AssertSeedTable(await coordinator.GetPageAsync($"/surveys/{survey.Id}/results"));
        Assert.Equal(25, await factory.QueryAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == survey.Id && r.Source == SurveyMethod.Imported)));
        Assert.Equal(25, await factory.QueryAsync(db => db.SurveyImportedRows.CountAsync(r => r.SurveyId == survey.Id)));
        Assert.Equal(0, await factory.QueryAsync(db => db.SurveyImportUploads.CountAsync(u => u.SurveyId == survey.Id)));
        Assert.Equal(0, await factory.QueryAsync(db => db.SurveyParticipations.CountAsync(p => p.SurveyId == survey.Id)));
    }

    [Fact]
    public async Task Seed_001_imported_from_a_UTF_8_CSV_reproduces_the_table_and_the_same_file_again_is_refused_naming_the_rows()
    {
        var survey = await SurveyScenario.Seed001Async(factory, method: SurveyMethod.Imported);
        var q1 = survey.QuestionNumbered(1);
        using var coordinator = await CoordinatorAsync();
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Csv(survey, Encoding.UTF8, extras: true)];
        var q2 = survey.QuestionNumbered(2);

        async Task<IHtmlDocument> PreviewAsync()
        {
            var page = await UploadAndFollowAsync(coordinator, await coordinator.GetPageAsync($"/surveys/{survey.Id}/import"), bytes, "export.csv");
            Assert.Equal("UTF-8", page.Text("#import-encoding"));

            // The reason and その他 columns are found by their headers (問2 理由, 問5 その他).
            Assert.Equal("9列目：問2 理由", page.QuerySelector($"#ReasonColumns-{q2.Id} option[selected]")?.TextContent);
            Assert.Equal("2", page.QuerySelector<IHtmlSelectElement>($"#column-{q2.Id}")?.Value);
            Assert.NotNull(page.QuerySelector($"#OtherColumns-{survey.QuestionNumbered(5).Id}"));
            return await MapAsync(coordinator, page, ($"Columns[{q1.Id}]", "1"));
        }

        var first = await PreviewAsync();
        var saved = await coordinator.SubmitAndFollowAsync(first, "#import-save-form");
        Assert.Contains("25件の回答を取り込みました", saved.Text("[role=status]"), StringComparison.Ordinal);
        var results = await coordinator.GetPageAsync($"/surveys/{survey.Id}/results");
        AssertSeedTable(results);

        // The reasons read from the file, under the option each respondent chose (the seed's layout).
        Assert.Equal(["【非常に理解できた】", "【理解できた】", "【あまり理解できなかった】"], results.Texts("#result-2 h3"));
        Assert.Contains("市長の考えもよくわかり、とても感銘を受けた。", results.QuerySelectorAll("#result-2 ul.survey-texts")[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(
            Seed001Survey.Answers(survey).SelectMany(a => a).Count(a => a.Reason is not null || a.OtherText is not null),
            await factory.QueryAsync(db => db.Set<SurveyAnswer>().CountAsync(a => survey.Questions.Select(q => q.Id).Contains(a.QuestionId) && (a.Reason != null || a.OtherText != null))));

        var again = await PreviewAsync();
        Assert.Equal("このファイルの25行は既に取り込まれています。回答が二重に数えられないよう、ファイル全体を取り込みませんでした。", again.Text("#already-imported"));
        Assert.Null(again.QuerySelector("#import-save-form"));

        // Sent anyway (the first page's save form, or a forged post): refused, nothing doubled.
        var refused = await coordinator.SubmitAndFollowAsync(first, "#import-save-form", (KyodoPortal.Web.Infrastructure.Forms.FormOnce.FieldName, Guid.NewGuid().ToString()));
        using var forged = await coordinator.PostWithTokenAsync(again, again.QuerySelector("#mapping-form")!.GetAttribute("action")!, [.. Fields(again, "#mapping-form").Select(f => (f.Key, f.Value))]);
        var forgedPage = await PageClient.ReadAsync(forged, HttpStatusCode.OK);
        Assert.Contains("既に取り込まれています", refused.Text("[role=alert]") + forgedPage.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Contains("このファイルの25行は既に取り込まれています。", forgedPage.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(25, await ImportedAsync(survey));
    }

    [Fact]
    public async Task Seed_001_imported_from_an_xlsx_whose_headers_name_the_questions_needs_no_mapping()
    {
        var survey = await SurveyScenario.Seed001Async(factory, method: SurveyMethod.Imported);
        using var coordinator = await CoordinatorAsync();
        var csv = KyodoPortal.Web.Features.Surveys.SurveyImportFile.ReadCsv(Csv(survey, Encoding.UTF8, c => c.Replace("受付番号,役職,", "受付番号,あなたの役職を教えてください。,", StringComparison.Ordinal)));
        using var stream = new MemoryStream();
        await using (var spreadsheet = await SpreadCheetah.Spreadsheet.CreateNewAsync(stream))
        {
            await spreadsheet.StartWorksheetAsync("回答");
            foreach (var row in new[] { csv.Header }.Concat(csv.Rows))
            {
                await spreadsheet.AddRowAsync([.. row.Select(c => new SpreadCheetah.Cell(c))]);
            }

            await spreadsheet.FinishAsync();
        }

        var preview = await UploadAndFollowAsync(coordinator, await coordinator.GetPageAsync($"/surveys/{survey.Id}/import"), stream.ToArray(), "回答.xlsx");
        Assert.Contains("「回答.xlsx」を読み込みました（回答25行）。", preview.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Equal("Excel (.xlsx)", preview.Text("#import-encoding"));
        Assert.Equal("25行のうち、正しい行 25行、誤りのある行 0行。", preview.Text("#import-summary"));

        await coordinator.SubmitAndFollowAsync(preview, "#import-save-form");
        AssertSeedTable(await coordinator.GetPageAsync($"/surveys/{survey.Id}/results"));
    }

    [Fact]
    public async Task Bad_files_are_refused_with_their_message_and_leave_the_data_as_it_was()
    {
        var survey = await SurveyScenario.Seed001Async(factory, method: SurveyMethod.Imported);
        using var coordinator = await CoordinatorAsync();
        var form = await coordinator.GetPageAsync($"/surveys/{survey.Id}/import");

        async Task<string?> RefusalAsync(byte[]? bytes, string name)
        {
            var page = await UploadAndFollowAsync(coordinator, form, bytes, name);
            Assert.NotNull(page.QuerySelector("#import-form"));
            return page.Text("[role=alert]");
        }

        Assert.Contains("取り込むファイルを選択してください。", await RefusalAsync(null, "x.csv"), StringComparison.Ordinal);
        Assert.Contains("ファイルが空です。", await RefusalAsync([], "空.csv"), StringComparison.Ordinal);
        Assert.Contains("このファイルは Excel のブック（.xlsx）として読み取れません。", await RefusalAsync(Encoding.UTF8.GetBytes("受付番号,役職\r\nR1,課長\r\n"), "偽物.xlsx"), StringComparison.Ordinal);
        Assert.Contains("このファイルは Excel のブック（.xlsx）として読み取れません。", await RefusalAsync([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01], "壊れた.xlsx"), StringComparison.Ordinal);
        Assert.Contains("ファイルに見出しの行しかありません。", await RefusalAsync(Encoding.UTF8.GetBytes("受付番号,問1\r\n"), "見出しだけ.csv"), StringComparison.Ordinal);
        Assert.Contains("ファイルに表がありません。", await RefusalAsync([0xEF, 0xBB, 0xBF, 0x0D, 0x0A], "改行だけ.csv"), StringComparison.Ordinal);
        Assert.Contains("取り込めるのは CSV（.csv）か Excel のブック（.xlsx）です。", await RefusalAsync([0x25, 0x50, 0x44, 0x46], "回答.pdf"), StringComparison.Ordinal);

        var tooBig = new byte[50 * 1024 * 1024];
        using (var response = await UploadAsync(coordinator, form, tooBig, "大きすぎる.csv"))
        {
            var page = await PageClient.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
            Assert.Contains("ファイルが大きすぎます（上限 10 MB）。", page.Texts("main p"));
        }

        var justOver = Encoding.UTF8.GetBytes(SurveyImportTests.Seed001Csv(survey)).Concat(new byte[(10 * 1024 * 1024) + 10]).ToArray();
        Assert.Contains("ファイルが大きすぎます（上限 10 MB）。", await RefusalAsync(justOver, "少し大きい.csv"), StringComparison.Ordinal);

        Assert.Equal(0, await ImportedAsync(survey));
        Assert.Equal(0, await factory.QueryAsync(db => db.SurveyImportUploads.CountAsync(u => u.SurveyId == survey.Id)));
    }

    [Fact]
    public async Task A_missing_column_or_a_value_no_option_matches_blocks_the_save_even_when_posted_anyway()
    {
        var survey = await SurveyScenario.Seed001Async(factory, method: SurveyMethod.Imported);
        var q1 = survey.QuestionNumbered(1);
        using var coordinator = await CoordinatorAsync();
        var csv = SurveyImportTests.Seed001Csv(survey).Replace("受付番号,役職,", "受付番号,問1,", StringComparison.Ordinal);
        var withoutQ3 = string.Join("\r\n", csv.Split("\r\n").Select(line => string.Join(',', line.Split(',').Where((_, i) => i != 3))));
        var missing = await UploadAndFollowAsync(coordinator, await coordinator.GetPageAsync($"/surveys/{survey.Id}/import"), Encoding.UTF8.GetBytes(withoutQ3), "問3なし.csv");
        Assert.Contains("【問3】に対応する列がありません。必須の設問なので、列を選択してください。", missing.Text("#mapping-problems"), StringComparison.Ordinal);
        Assert.Null(missing.QuerySelector("#import-save-form"));
        using var forced = await coordinator.PostWithTokenAsync(missing, missing.QuerySelector("#mapping-form")!.GetAttribute("action")!, [.. Fields(missing, "#mapping-form").Select(f => (f.Key, f.Value))]);
        Assert.Contains("【問3】に対応する列がありません。", (await PageClient.ReadAsync(forced, HttpStatusCode.OK)).Text("[role=alert]"), StringComparison.Ordinal);

        var badValue = await UploadAndFollowAsync(coordinator, await coordinator.GetPageAsync($"/surveys/{survey.Id}/import"), Encoding.UTF8.GetBytes(csv.Replace(",課長,", ",部長,", StringComparison.Ordinal)), "部長.csv");
        Assert.Equal(8, badValue.QuerySelectorAll("#import-errors tbody tr").Length);
        Assert.All(badValue.Texts("#import-errors tbody tr"), row => Assert.Matches(@"^\d+ 問1 部長 【問1】の「部長」に合う選択肢がありません（選択肢の番号か文言を指定してください）。$", row));
        Assert.Null(badValue.QuerySelector("#import-save-form"));
        using var forcedAgain = await coordinator.PostWithTokenAsync(badValue, badValue.QuerySelector("#mapping-form")!.GetAttribute("action")!, [.. Fields(badValue, "#mapping-form").Select(f => (f.Key, f.Value))]);
        Assert.Contains("誤りのある行が8行あります。すべての行が正しくなるまで、1行も取り込みません。", (await PageClient.ReadAsync(forcedAgain, HttpStatusCode.OK)).Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(0, await ImportedAsync(survey));
        Assert.Equal(q1.Id, survey.QuestionNumbered(1).Id);
    }

    [Fact]
    public async Task An_upload_of_another_coordinator_or_for_another_survey_is_refused_and_closed_or_draft_surveys_take_no_import()
    {
        var survey = await SurveyScenario.Seed001Async(factory, method: SurveyMethod.Imported);
        var other = await SurveyScenario.Seed001Async(factory, method: SurveyMethod.Imported);
        var online = await SurveyScenario.Seed001Async(factory);
        var draft = await SurveyScenario.Seed001Async(factory, open: false, method: SurveyMethod.Imported);
        using var owner = await CoordinatorAsync();
        using var someoneElse = await CoordinatorAsync();
        var mapping = await UploadAndFollowAsync(owner, await owner.GetPageAsync($"/surveys/{survey.Id}/import"), Encoding.UTF8.GetBytes(SurveyImportTests.Seed001Csv(survey)), "回答.csv");
        var path = new Uri(mapping.Url).AbsolutePath;

        using (var response = await someoneElse.Http.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var page = await someoneElse.GetPageAsync(response.Headers.Location!.OriginalString);
            Assert.Contains("この取込のファイルは見つかりません", page.Text("[role=alert]"), StringComparison.Ordinal);
        }

        using (var response = await owner.Http.GetAsync(path.Replace($"/surveys/{survey.Id}/", $"/surveys/{other.Id}/", StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var page = await owner.GetPageAsync(response.Headers.Location!.OriginalString);
            Assert.Contains("この取込のファイルは見つかりません", page.Text("[role=alert]"), StringComparison.Ordinal);
        }

        using var forged = await someoneElse.PostWithTokenAsync(await someoneElse.GetPageAsync($"/surveys/{survey.Id}/import"), path, ("Mapped", "true"), ($"Columns[{survey.QuestionNumbered(1).Id}]", "1"));
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Contains("この取込のファイルは見つかりません", (await someoneElse.GetPageAsync(forged.Headers.Location!.OriginalString)).Text("[role=alert]"), StringComparison.Ordinal);

        await SurveyScenario.MoveAsync(factory, online, SurveyStatus.Closed);
        await SurveyScenario.MoveAsync(factory, other, SurveyStatus.ResultsPublished);
        foreach (var (refused, status) in new[] { (online, "締切"), (draft, "下書き"), (other, "結果公開") })
        {
            using var response = await owner.Http.GetAsync($"/surveys/{refused.Id}/import");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var page = await owner.GetPageAsync(response.Headers.Location!.OriginalString);
            Assert.Contains($"「{status}」のアンケートには回答を取り込めません。", page.Text("[role=alert]"), StringComparison.Ordinal);
        }

        await SurveyScenario.MoveAsync(factory, survey, SurveyStatus.Closed);
        using var closedImport = await owner.Http.GetAsync($"/surveys/{survey.Id}/import");
        Assert.Equal(HttpStatusCode.OK, closedImport.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == survey.Id || r.SurveyId == other.Id || r.SurveyId == online.Id || r.SurveyId == draft.Id)));
    }

    [Fact]
    public async Task The_file_of_an_abandoned_import_is_deleted_by_the_next_upload_a_day_on()
    {
        var survey = await SurveyScenario.Seed001Async(factory, method: SurveyMethod.Imported);
        using var coordinator = await CoordinatorAsync();
        var csv = Encoding.UTF8.GetBytes(SurveyImportTests.Seed001Csv(survey));
        var abandoned = await factory.AddAsync(new KyodoPortal.Web.Features.Surveys.SurveyImportUpload(survey.Id, "someone", "古い.csv", KyodoPortal.Web.Features.Surveys.ImportFileFormat.Csv, KyodoPortal.Web.Features.Surveys.ImportEncoding.Utf8, csv, DateTime.UtcNow.AddHours(-25)));
        var recent = await factory.AddAsync(new KyodoPortal.Web.Features.Surveys.SurveyImportUpload(survey.Id, "someone", "新しい.csv", KyodoPortal.Web.Features.Surveys.ImportFileFormat.Csv, KyodoPortal.Web.Features.Surveys.ImportEncoding.Utf8, csv, DateTime.UtcNow.AddHours(-1)));

        await UploadAndFollowAsync(coordinator, await coordinator.GetPageAsync($"/surveys/{survey.Id}/import"), csv, "回答.csv");

        var left = await factory.QueryAsync(db => db.SurveyImportUploads.Where(u => u.SurveyId == survey.Id).Select(u => u.FileName).OrderBy(n => n).ToListAsync());
        Assert.Equal(["回答.csv", "新しい.csv"], left);
        Assert.DoesNotContain(abandoned.Id, await factory.QueryAsync(db => db.SurveyImportUploads.Select(u => u.Id).ToListAsync()));
        Assert.NotEqual(abandoned.Id, recent.Id);
    }

    [Fact]
    public async Task The_English_interface_says_the_refusals_in_English()
    {
        var survey = await SurveyScenario.Seed001Async(factory, method: SurveyMethod.Imported);
        using var coordinator = await CoordinatorAsync();
        await coordinator.FollowLinkAsync(await coordinator.GetPageAsync($"/surveys/{survey.Id}"), ".language-switch a");
        var form = await coordinator.GetPageAsync($"/surveys/{survey.Id}/import");

        var refused = await UploadAndFollowAsync(coordinator, form, Encoding.UTF8.GetBytes("x"), "fake.xlsx");
        var mapping = await UploadAndFollowAsync(coordinator, form, Encoding.UTF8.GetBytes(SurveyImportTests.Seed001Csv(survey)), "answers.csv");

        Assert.Contains("This file cannot be read as an Excel workbook (.xlsx).", refused.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Contains("\"answers.csv\" was read as UTF-8 (25 answer rows).", mapping.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Contains("Question 1: no column matches it.", mapping.Text("#mapping-problems"), StringComparison.Ordinal);
    }
}
