using KyodoPortal.Tests.Support.Scenarios;
using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Spreadsheet;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Meetings;
using KyodoPortal.Tests.Domain.Meetings;
using KyodoPortal.Tests.Support;
using KyodoPortal.Web.Features.Minutes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// 議事録（質疑応答）: the coordinator writes rows while the minutes are a draft; the project's
/// parties check their own answers while circulated; published minutes are read-only and public;
/// a correction is version 2.
/// </summary>
[Trait("Category", "Database")]
public sealed class MinutesTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task The_coordinator_adds_edits_and_reorders_rows_while_the_minutes_are_a_draft()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var held = await MeetingScenario.HeldMeetingAsync(s);
        using var office = await s.CoordinatorAsync();
        var page = await office.GetPageAsync(held.MinutesUrl);
        page = await office.SubmitAndFollowAsync(page, $"form[action='{held.MinutesUrl}/start']");
        Assert.Equal("下書き", page.Text("#minutes-status"));

        var missing = await office.SubmitAndFollowAsync(page, "#row-form", ("Row.Asker", held.MemberId), ("Row.Question", ""));
        Assert.Contains("'質問' を入力してください。", missing.Text("#add-row"));

        var row = await office.SubmitAndFollowAsync(missing, "#row-form", ("Row.Asker", held.MemberId), ("Row.Question", MeetingBuilder.Question2));
        Assert.Equal("質疑応答を編集", row.Text("h1"));
        var noParty = await office.SubmitAndFollowAsync(row, "#answer-form", ("Answer.Party", ""), ("Answer.Text", MeetingBuilder.Answer2));
        Assert.Contains("'回答した当事者' を入力してください。", noParty.Text("#answers"));
        Assert.Equal(MeetingBuilder.Answer2, noParty.QuerySelector("#Answer_Text")!.TextContent);
        var forged = await office.SubmitAndFollowAsync(noParty, "#answer-form", ("Answer.Party", "Department|よその課"));
        Assert.Contains("回答した当事者をこの協働事業の当事者から選択してください。", forged.Text(".validation-summary-errors"));
        row = await office.SubmitAndFollowAsync(forged, "#answer-form", ("Answer.Party", $"Department|{s.Department.Name}"), ("Answer.SpeakerRole", "課長"));
        Assert.Contains($"（{s.Department.Name}課長）", row.Text("#answers h3"));

        page = await office.GetPageAsync(held.MinutesUrl);
        page = await office.SubmitAndFollowAsync(page, "#row-form", ("Row.Asker", RowInput.Floor), ("Row.Question", "最初の質問（仮）"));
        page = await office.SubmitAndFollowAsync(page, "#row-form", ("Row.Question", MeetingBuilder.Question1));
        page = await office.GetPageAsync(held.MinutesUrl);
        Assert.Equal([MeetingBuilder.Question2, MeetingBuilder.Question1], Questions(page));

        page = await office.SubmitAndFollowAsync(page, $"form[action='{held.MinutesUrl}/rows/2/move']");
        Assert.Equal([MeetingBuilder.Question1, MeetingBuilder.Question2], Questions(page));
        Assert.Contains("会場", page.Text("#row-2 .qa__question"));
        Assert.Contains($"（{s.Department.Name}課長）{MeetingBuilder.Answer2}", page.Text("#row-1"));
    }

    [Fact]
    public async Task While_circulated_each_party_suggests_corrections_only_to_its_own_answers_and_the_coordinator_accepts()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var held = await MeetingScenario.HeldMeetingAsync(s);
        await MeetingScenario.SeedMinutesAsync(s, held);
        using var office = await s.CoordinatorAsync();
        var page = await office.GetPageAsync(held.MinutesUrl);
        page = await office.SubmitAndFollowAsync(page, "#circulate-form");
        Assert.Equal("確認中", page.Text("#minutes-status"));
        var mails = PickupMail.ReadAll(factory.DataFolder).Where(m => m.Subject.Contains("議事録（質疑応答）の確認のお願い", StringComparison.Ordinal) && m.Body.Contains(s.Project.Title, StringComparison.Ordinal)).ToList();
        Assert.Contains(mails, m => m.To.Contains(s.GroupMemberEmail, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(mails, m => m.To.Contains(s.DepartmentStaffEmail, StringComparison.OrdinalIgnoreCase));

        using var group = await s.GroupMemberAsync();
        var groupPage = await group.GetPageAsync(held.MinutesUrl);
        Assert.Contains(MeetingBuilder.Question4, groupPage.Text("main"));
        Assert.NotNull(groupPage.QuerySelector($"form[action='{held.MinutesUrl}/answers/3/suggest']"));
        Assert.Null(groupPage.QuerySelector($"form[action='{held.MinutesUrl}/answers/1/suggest']"));

        using var refused = await group.PostWithTokenAsync(groupPage, $"{held.MinutesUrl}/answers/1/suggest", ("version", Version(groupPage, 3)), ("Suggestion.Text", "団体の言い分"));
        var refusedPage = await PageClient.ReadAsync(refused, HttpStatusCode.OK);
        Assert.Contains("修正を提案できるのは自分の回答だけです。", refusedPage.Text(".validation-summary-errors"));

        var suggested = await group.SubmitAndFollowAsync(groupPage, $"form[action='{held.MinutesUrl}/answers/3/suggest']", ("Suggestion.Text", "就労人員をKPIにするのが妥当かどうかを検討してきた。"));
        Assert.Contains("修正提案を確認中です。", suggested.Text("#answer-3"));

        using var other = await s.OtherGroupMemberAsync();
        await other.GetPageAsync(held.MinutesUrl, HttpStatusCode.NotFound);
        var otherHome = await other.GetPageAsync("/");
        using var otherPost = await other.PostWithTokenAsync(otherHome, $"{held.MinutesUrl}/answers/3/suggest", ("version", "0"), ("Suggestion.Text", "よその団体"));
        Assert.Equal(HttpStatusCode.NotFound, otherPost.StatusCode);

        using var department = await s.DepartmentStaffAsync();
        var departmentPage = await department.GetPageAsync(held.MinutesUrl);
        Assert.NotNull(departmentPage.QuerySelector($"form[action='{held.MinutesUrl}/answers/1/suggest']"));
        Assert.Null(departmentPage.QuerySelector($"form[action='{held.MinutesUrl}/answers/3/suggest']"));
        using var forbidden = await department.PostWithTokenAsync(departmentPage, $"{held.MinutesUrl}/approve", ("version", Version(departmentPage, 1)));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        page = await office.GetPageAsync(held.MinutesUrl);
        Assert.Contains("就労人員をKPIにするのが妥当かどうかを検討してきた。", page.Text("#suggestions"));
        page = await office.SubmitAndFollowAsync(page, $"form[action='{held.MinutesUrl}/suggestions/1/accept']");
        Assert.Contains("（団体代表）就労人員をKPIにするのが妥当かどうかを検討してきた。", page.Text("#answer-3"));
        Assert.Equal(SuggestionStatus.Accepted, (await MeetingScenario.VersionsAsync(s, held)).Single().Suggestions.Single().Status);
    }

    [Fact]
    public async Task With_a_third_party_on_the_agreement_each_party_suggests_corrections_only_under_its_own_answers()
    {
        var s = await ProjectScenario.CreateAsync(factory, thirdParties: true);
        var held = await MeetingScenario.HeldMeetingAsync(s);
        await MeetingScenario.SeedMinutesAsync(s, held);
        await MeetingScenario.AdvanceAsync(s, held, MinutesStatus.Circulated);

        using var lecturer = await s.LecturerMemberAsync();
        var lecturerPage = await lecturer.GetPageAsync(held.MinutesUrl);
        Assert.Contains(MeetingBuilder.Answer4, lecturerPage.Text("main"));
        Assert.Equal([4], SuggestableAnswers(lecturerPage));
        using var onGroupAnswer = await lecturer.PostWithTokenAsync(lecturerPage, $"{held.MinutesUrl}/answers/3/suggest", ("version", Version(lecturerPage, 1)), ("Suggestion.Text", "講師の団体が書き換えた団体の回答"));
        Assert.Contains("修正を提案できるのは自分の回答だけです。", (await PageClient.ReadAsync(onGroupAnswer, HttpStatusCode.OK)).Text(".validation-summary-errors"));
        var lecturerDone = await lecturer.SubmitAndFollowAsync(lecturerPage, $"form[action='{held.MinutesUrl}/answers/4/suggest']", ("Suggestion.Text", "講師の人脈と商工会議所の紹介で、子育て中の社員がいる企業に声をかけた。"));
        Assert.Contains("修正提案を確認中です。", lecturerDone.Text("#answer-4"));

        using var group = await s.GroupMemberAsync();
        var groupPage = await group.GetPageAsync(held.MinutesUrl);
        Assert.Equal([3], SuggestableAnswers(groupPage));
        var groupDone = await group.SubmitAndFollowAsync(groupPage, $"form[action='{held.MinutesUrl}/answers/3/suggest']", ("Suggestion.Text", "就労人員をKPIにするのが妥当かどうかを検討してきた。"));
        Assert.Contains("修正提案を確認中です。", groupDone.Text("#answer-3"));

        using var department = await s.DepartmentStaffAsync();
        Assert.Equal([1, 2], SuggestableAnswers(await department.GetPageAsync(held.MinutesUrl)));
        using var coSigning = await s.CoSigningStaffAsync();
        Assert.Equal([5], SuggestableAnswers(await coSigning.GetPageAsync(held.MinutesUrl)));
        var suggestions = (await MeetingScenario.VersionsAsync(s, held)).Single().Suggestions;
        Assert.Equal([(4, AnswerParty.OtherParty), (3, AnswerParty.Group)], suggestions.OrderBy(x => x.Number).Select(x => (x.AnswerNumber, x.Party)));
    }

    [Fact]
    public async Task Draft_minutes_are_invisible_to_the_public_other_groups_and_even_the_parties()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var held = await MeetingScenario.HeldMeetingAsync(s);
        await MeetingScenario.SeedMinutesAsync(s, held);
        using var anonymous = factory.CreatePageClient();
        using var other = await s.OtherGroupMemberAsync();
        using var group = await s.GroupMemberAsync();

        await anonymous.GetPageAsync($"/minutes/{held.Id}", HttpStatusCode.NotFound);
        await other.GetPageAsync(held.MinutesUrl, HttpStatusCode.NotFound);
        await group.GetPageAsync(held.MinutesUrl, HttpStatusCode.NotFound);
        var list = await anonymous.GetPageAsync("/minutes");
        Assert.DoesNotContain(held.Id.ToString(CultureInfo.InvariantCulture), list.QuerySelectorAll("#published-minutes a").Select(a => a.GetAttribute("href")!.Split('/')[^1]));

        await MeetingScenario.AdvanceAsync(s, held, MinutesStatus.Circulated);
        await anonymous.GetPageAsync($"/minutes/{held.Id}", HttpStatusCode.NotFound);
        await other.GetPageAsync(held.MinutesUrl, HttpStatusCode.NotFound);
        await group.GetPageAsync(held.MinutesUrl);
    }

    [Fact]
    public async Task Published_minutes_are_read_only_and_on_the_public_site()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var held = await MeetingScenario.HeldMeetingAsync(s);
        await MeetingScenario.SeedMinutesAsync(s, held);
        await MeetingScenario.AdvanceAsync(s, held, MinutesStatus.Circulated);
        using var office = await s.CoordinatorAsync();
        var page = await office.GetPageAsync(held.MinutesUrl);
        page = await office.SubmitAndFollowAsync(page, "#approve-form");
        page = await office.SubmitAndFollowAsync(page, "#publish-form");
        Assert.Equal("公開", page.Text("#minutes-status"));
        Assert.Null(page.QuerySelector("#row-form"));
        Assert.Null(page.QuerySelector($"a[href='{held.MinutesUrl}/rows/1']"));

        using var addRow = await office.PostWithTokenAsync(page, $"{held.MinutesUrl}/rows", ("version", Version(page, 1)), ("Row.AgendaProjectId", s.Project.Id.ToString(CultureInfo.InvariantCulture)), ("Row.Asker", RowInput.Floor), ("Row.Question", "追加の質問"));
        Assert.Contains(KyodoPortal.Domain.Meetings.Minutes.PublishedMessage, (await PageClient.ReadAsync(addRow, HttpStatusCode.OK)).Text(".validation-summary-errors"));
        using var editAnswer = await office.PostWithTokenAsync(page, $"{held.MinutesUrl}/rows/1/answers/1", ("version", Version(page, 1)), ("Edit.Party", $"Department|{s.Department.Name}"), ("Edit.Text", "書き換え"));
        Assert.Equal(HttpStatusCode.Redirect, editAnswer.StatusCode);
        var after = await office.GetPageAsync(editAnswer.Headers.Location!.OriginalString);
        Assert.Contains(KyodoPortal.Domain.Meetings.Minutes.PublishedMessage, after.Text("main"));
        Assert.Equal(MeetingBuilder.Answer1, (await MeetingScenario.VersionsAsync(s, held)).Single().Answer(1).Text);

        using var anonymous = factory.CreatePageClient();
        var list = await anonymous.GetPageAsync("/minutes");
        Assert.Contains($"/minutes/{held.Id}", list.QuerySelectorAll("#published-minutes a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(list.QuerySelector(".page-summary"));
        var meetingName = await factory.QueryAsync(db => db.ReportMeetings.Where(m => m.Id == held.Id).Select(m => m.Name).SingleAsync());
        var found = await anonymous.GetPageAsync("/minutes?q=" + Uri.EscapeDataString(meetingName));
        Assert.Contains($"/minutes/{held.Id}", found.QuerySelectorAll("#published-minutes a").Select(a => a.GetAttribute("href")));
        var none = await anonymous.GetPageAsync("/minutes?q=" + Uri.EscapeDataString("該当しない報告会名"));
        Assert.Empty(none.QuerySelectorAll("#published-minutes a"));
        Assert.Contains("該当しない報告会名", none.Text("main"));
        var publicPage = await anonymous.GetPageAsync($"/minutes/{held.Id}");
        var text = publicPage.Text("main");
        Assert.Contains($"「{s.Project.Title}」", text);
        Assert.Contains($"（{s.Group.Name}／{s.Department.Name}）", text);
        Assert.Contains($"Ｑ {MeetingBuilder.Question2}", text);
        Assert.Contains($"Ａ （{s.Department.Name}課長）{MeetingBuilder.Answer1}", text);
        Assert.Contains($"Ａ （団体代表）{MeetingBuilder.Answer4}", text);
        Assert.Null(publicPage.QuerySelector("main form"));
    }

    [Fact]
    public async Task A_published_version_is_composed_once_and_its_page_then_costs_one_statement()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var held = await MeetingScenario.HeldMeetingAsync(s);
        await MeetingScenario.SeedMinutesAsync(s, held);
        await MeetingScenario.AdvanceAsync(s, held, MinutesStatus.Circulated, MinutesStatus.Approved, MinutesStatus.Published);
        using var anonymous = factory.CreatePageClient();
        var first = await anonymous.GetPageAsync($"/minutes/{held.Id}");
        using var office = await s.CoordinatorAsync();

        factory.SqlCommands.Reset();
        var again = await anonymous.GetPageAsync($"/minutes/{held.Id}");
        Assert.Equal(0, factory.SqlCommands.Count); // the public page as the public sees it is kept whole (PublicPageCache)
        Assert.Equal(first.Text("main"), again.Text("main"));

        factory.SqlCommands.Reset();
        var signedIn = await office.GetPageAsync($"/minutes/{held.Id}");
        Assert.Equal(2, factory.SqlCommands.Count); // the session check, then one statement finds the composed version
        Assert.Equal(first.Text("main"), signedIn.Text("main"));
    }

    [Fact]
    public async Task A_correction_after_publication_is_version_2_with_its_reason_and_the_public_page_notes_it()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var held = await MeetingScenario.HeldMeetingAsync(s);
        await MeetingScenario.SeedMinutesAsync(s, held);
        await MeetingScenario.AdvanceAsync(s, held, MinutesStatus.Circulated, MinutesStatus.Approved, MinutesStatus.Published);
        using var office = await s.CoordinatorAsync();
        var page = await office.GetPageAsync(held.MinutesUrl);

        var noReason = await office.SubmitAndFollowAsync(page, "#correction-form", ("Correction.Reason", ""));
        Assert.Contains("'訂正の理由' を入力してください。", noReason.Text("#workflow"));
        page = await office.SubmitAndFollowAsync(noReason, "#correction-form", ("Correction.Reason", "回答者の役職の誤り"));

        Assert.Equal("下書き", page.Text("#minutes-status"));
        Assert.Equal("第2版", page.Text("#minutes-version"));
        Assert.Contains("回答者の役職の誤り", page.Text("#correction-reason"));
        var versions = await MeetingScenario.VersionsAsync(s, held);
        Assert.Equal([(1, MinutesStatus.Published), (2, MinutesStatus.Draft)], versions.Select(v => (v.VersionNumber, v.Status)));
        Assert.Equal(versions[0].Id, versions[1].CorrectionOfMinutesId);
        Assert.Equal(3, versions[1].Rows.Count);

        using var anonymous = factory.CreatePageClient();
        Assert.Null((await anonymous.GetPageAsync($"/minutes/{held.Id}")).QuerySelector("#correction-note"));

        await MeetingScenario.AdvanceAsync(s, held, MinutesStatus.Circulated, MinutesStatus.Approved, MinutesStatus.Published);
        var corrected = await anonymous.GetPageAsync($"/minutes/{held.Id}");
        Assert.Contains("第2版", corrected.Text("#correction-note"));
        Assert.Contains("回答者の役職の誤り", corrected.Text("#correction-note"));
    }

    [Fact]
    public async Task A_follow_up_stays_open_on_the_minutes_page_until_marked_done_even_after_publication()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var held = await MeetingScenario.HeldMeetingAsync(s);
        await MeetingScenario.SeedMinutesAsync(s, held);
        await MeetingScenario.AdvanceAsync(s, held, MinutesStatus.Circulated, MinutesStatus.Approved, MinutesStatus.Published);
        using var office = await s.CoordinatorAsync();
        var page = await office.GetPageAsync(held.MinutesUrl);
        Assert.Contains("未完了", page.Text("#follow-up-3"));

        page = await office.SubmitAndFollowAsync(page, $"form[action='{held.MinutesUrl}/rows/3/follow-up/done']");

        Assert.Contains("完了", page.Text("#follow-up-3"));
        var followUp = (await MeetingScenario.VersionsAsync(s, held)).Single().Row(3).FollowUp!;
        Assert.Equal(MeetingScenario.JapanToday, followUp.DoneOn);
        Assert.NotNull(followUp.DoneByUserId);
    }

    [Fact]
    public async Task The_minutes_export_to_word_friendly_html_and_to_excel_with_the_exchanges()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var held = await MeetingScenario.HeldMeetingAsync(s);
        await MeetingScenario.SeedMinutesAsync(s, held);
        using var office = await s.CoordinatorAsync();

        using var doc = await office.Http.GetAsync($"{held.MinutesUrl}/export/doc");
        Assert.Equal(HttpStatusCode.OK, doc.StatusCode);
        Assert.Equal("application/msword", doc.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", doc.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith(".doc", doc.Content.Headers.ContentDisposition.FileNameStar, StringComparison.Ordinal);
        Assert.True(doc.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {doc.Headers.CacheControl}");
        var html = await doc.Content.ReadAsStringAsync();
        Assert.Contains($"Ｑ {MeetingBuilder.Question2}", html);
        Assert.Contains($"Ａ （団体代表）{MeetingBuilder.Answer4}", html);

        using var xlsx = await office.Http.GetAsync($"{held.MinutesUrl}/export/xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var document = XlsxFile.OpenValid(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => r.Elements<Cell>().Select(XlsxFile.CellText).ToList()).ToList();
        Assert.Equal(["協働事業", "当事者", "番号", "区分", "質問者", "内容"], rows[0]);
        Assert.Equal(1 + 3 + 3, rows.Count);
        Assert.Equal(["Ｑ", $"{held.MemberName}委員", $"Ｑ {MeetingBuilder.Question1}"], rows[1].Skip(3));
        Assert.Equal(["3", "Ａ"], rows[6].Skip(2).Take(2));

        using var group = await s.GroupMemberAsync();
        using var refused = await group.Http.GetAsync($"{held.MinutesUrl}/export/xlsx");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task The_print_and_the_word_export_open_with_the_meeting_header_and_name_who_asked_each_question()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var held = await MeetingScenario.HeldMeetingAsync(s);
        await MeetingScenario.SeedMinutesAsync(s, held);
        using var office = await s.CoordinatorAsync();

        var print = await office.GetPageAsync($"{held.MinutesUrl}/print");
        using var doc = await office.Http.GetAsync($"{held.MinutesUrl}/export/doc");
        var word = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await doc.Content.ReadAsStringAsync());

        foreach (var document in new[] { print, word })
        {
            Assert.Equal(
                new Dictionary<string, string>
                {
                    ["会議名"] = held.Name,
                    ["報告対象年度"] = new FiscalYear(s.FirstYear).ToJapaneseLabel(),
                    ["日時"] = $"{MeetingDate()}13:30〜16:00",
                    ["会場"] = "市役所 第3会議室",
                    ["出席者"] = $"{held.MemberName}（委員）",
                },
                Header(document));
            Assert.Equal([$"（{held.MemberName}委員）", "（会場）", $"（{held.MemberName}委員）"], document.Texts(".minutes-document__asker"));
            Assert.Contains($"Ａ （{s.Department.Name}課長）{MeetingBuilder.Answer1}", document.Texts(".minutes-document__answer"));
            Assert.Contains($"Ａ （団体代表）{MeetingBuilder.Answer4}", document.Texts(".minutes-document__answer"));
        }
    }

    [Fact]
    public async Task The_public_minutes_show_the_year_reported_on_the_date_and_venue_and_name_committee_members_only_of_a_public_meeting()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var held = await MeetingScenario.HeldMeetingAsync(s);
        await MeetingScenario.SeedMinutesAsync(s, held);
        await MeetingScenario.AdvanceAsync(s, held, MinutesStatus.Circulated, MinutesStatus.Approved, MinutesStatus.Published);
        using var anonymous = factory.CreatePageClient();

        var page = await anonymous.GetPageAsync($"/minutes/{held.Id}");

        var header = Header(page);
        Assert.Equal(new FiscalYear(s.FirstYear).ToJapaneseLabel(), header["報告対象年度"]);
        Assert.Equal($"{MeetingDate()}13:30〜16:00", header["日時"]);
        Assert.Equal("市役所 第3会議室", header["会場"]);
        Assert.Equal($"{held.MemberName}（委員）", header["出席者"]);
        Assert.Equal([$"（{held.MemberName}委員）", "（会場）", $"（{held.MemberName}委員）"], page.Texts(".minutes-document__asker"));

        // A closed meeting (非公開): the public page says how many members attended, not who.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KyodoPortal.Web.Data.KyodoDbContext>();
            var meeting = await db.ReportMeetings.SingleAsync(m => m.Id == held.Id);
            meeting.Update(meeting.ToDetails() with { IsPublic = false }, DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        var closed = await anonymous.GetPageAsync($"/minutes/{held.Id}");
        Assert.Equal("委員 1名", Header(closed)["出席者"]);
        Assert.Equal(["（委員）", "（会場）", "（委員）"], closed.Texts(".minutes-document__asker"));
        Assert.DoesNotContain(held.MemberName, closed.Text("main"), StringComparison.Ordinal);
    }

    /// <summary>The meeting day (today) as the header writes it: 令和8年12月2日（水）.</summary>
    private static string MeetingDate()
    {
        var today = MeetingScenario.JapanToday;
        return $"{JapaneseFormat.WarekiDate(today)}（{"日月火水木金土"[(int)today.DayOfWeek]}）";
    }

    /// <summary>The header block of the minutes: each row's heading and its value.</summary>
    private static Dictionary<string, string> Header(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("#minutes-header tr").ToDictionary(tr => tr.Text("th")!, tr => tr.Text("td")!);

    private static List<string> Questions(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".qa__question .prewrap").Select(e => e.TextContent.Trim())];

    /// <summary>The answers the page offers 「この回答の修正を提案」 under, by number.</summary>
    private static List<int> SuggestableAnswers(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("form[action$='/suggest']").Select(f => int.Parse(f.GetAttribute("action")!.Split('/')[^2], CultureInfo.InvariantCulture)).Order()];

    private static string Version(AngleSharp.Html.Dom.IHtmlDocument page, int fallback) =>
        page.QuerySelector("input[name=version]")?.GetAttribute("value") ?? fallback.ToString(CultureInfo.InvariantCulture);

}

/// <summary>The check requests cannot be sent (the relay is down): the minutes are circulated and the coordinator warned.</summary>
[Trait("Category", "Database")]
public sealed class MinutesMailFailureTests(UnreachableRelayFactory factory) : IClassFixture<UnreachableRelayFactory>
{
    [Fact]
    public async Task A_failed_check_request_is_a_warning_and_the_minutes_stay_circulated()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var held = await MeetingScenario.HeldMeetingAsync(s);
        await MeetingScenario.SeedMinutesAsync(s, held);
        using var office = await s.CoordinatorAsync();
        var page = await office.GetPageAsync(held.MinutesUrl);

        page = await office.SubmitAndFollowAsync(page, "#circulate-form");

        Assert.Equal("操作は記録しましたが、通知メールを送信できませんでした。相手に別の方法でお知らせください。", page.Text("[data-flash=warning]"));
        Assert.Equal("確認中", page.Text("#minutes-status"));
        Assert.Equal(MinutesStatus.Circulated, (await MeetingScenario.VersionsAsync(s, held)).Single().Status);
    }
}
