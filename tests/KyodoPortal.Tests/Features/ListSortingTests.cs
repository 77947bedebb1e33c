using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Meetings;
using KyodoPortal.Domain.Organizations;
using KyodoPortal.Domain.Themes;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// Issue 13 item 10: long lists sort by a column (sort/dir in the query, aria-sort on the header)
/// and search (q), both kept by the pager and the header links. One app; the fixture's rows are
/// named so that Japanese order is the same on SQLite (code points) and PostgreSQL.
/// </summary>
[Trait("Category", "Database")]
public sealed class ListSortingTests(ListSortingTests.Factory factory) : IClassFixture<ListSortingTests.Factory>
{
    public sealed class Factory : KyodoWebFactory, IAsyncLifetime
    {
        public ProjectScenario Aozora { get; private set; } = null!;

        public ProjectScenario Kamome { get; private set; } = null!;

        public ProjectScenario Sakura { get; private set; } = null!;

        public PageClient Office { get; private set; } = null!;

        public PageClient Administrator { get; private set; } = null!;

        /// <summary>A committee member on the evaluation rounds of あおぞら (last year) and かもめ (this year) and on two screening panels.</summary>
        public PageClient Member { get; private set; } = null!;

        /// <summary>A group member whose group has the proposals 並べ替え提案か and 並べ替え提案あ (with a suffix).</summary>
        public PageClient Proposer { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Aozora = await ProjectScenario.CreateAsync(this, yearsAgo: 1, title: "あおぞら子ども食堂");
            Kamome = await ProjectScenario.CreateAsync(this, title: "かもめ農園の就労体験");
            Sakura = await ProjectScenario.CreateAsync(this, agreementSigned: false, title: "さくら学習塾");

            var now = DateTime.UtcNow;
            foreach (var (name, year) in new[] { ("並べ替え募集さ", 2024), ("並べ替え募集あ", 2026), ("並べ替え募集か", 2025) })
            {
                var call = new Call(name, ProposalType.GroupProposal, year, now.AddDays(-5), now.AddDays(5), 900_000, 300_000, 3, null);
                call.ReplaceCriteria([new ScreeningCriterionDraft("公益性", null, 1, 5)]);
                call.Publish();
                await AddAsync(call);
            }

            foreach (var (name, daysAgo) in new[] { ("並べ替え報告会か", 30), ("並べ替え報告会さ", 60), ("並べ替え報告会あ", 10) })
            {
                var heldOn = DateOnly.FromDateTime(now).AddDays(-daysAgo);
                await AddAsync(ReportMeeting.Schedule(new ReportMeetingDetails(name, heldOn, new TimeOnly(13, 30), null, "市役所", 2025, IsPublic: true), "seed", now));
            }

            for (var i = 1; i <= 22; i++)
            {
                await AddDepartmentAsync($"頁送り課{i:00}");
                var call = new Call($"頁送り募集{i:00}", ProposalType.GroupProposal, 2025, now.AddDays(-5), now.AddDays(5), 900_000, 300_000, 3, null);
                call.ReplaceCriteria([new ScreeningCriterionDraft("公益性", null, 1, 5)]);
                call.Publish();
                await AddAsync(call);
                var heldOn = DateOnly.FromDateTime(now).AddDays(-100 - i);
                await AddAsync(ReportMeeting.Schedule(new ReportMeetingDetails($"頁送り報告会{i:00}", heldOn, new TimeOnly(13, 30), null, "市役所", 2025, IsPublic: true), "seed", now));
            }

            foreach (var (name, area) in new[] { ("並べ替え団体か", "おおふな"), ("並べ替え団体さ", "こしごえ"), ("並べ替え団体あ", "ふかさわ") })
            {
                await AddAsync(new CitizenGroup(name, null, LegalForm.NpoCorporation, null, area));
            }

            var department = await AddDepartmentAsync("並べ替え担当課");
            foreach (var (title, year) in new[] { ("並べ替え課題か", 2025), ("並べ替え課題あ", 2024), ("並べ替え課題さ", 2026) })
            {
                await AddAsync(new Theme(new ThemeDraft(title, "並べ替えの内容", null, department.Id, year, ThemeStatus.Open, true, [1]), "seed", now));
            }

            foreach (var user in new[] { "sortuser-b", "sortuser-c", "sortuser-a" })
            {
                await CreateUserAsync($"{user}@example.jp", KyodoRoles.CommitteeMember);
            }

            Office = await SignedInAsync(KyodoRoles.Coordinator);
            Administrator = await SignedInAsync(KyodoRoles.Administrator);

            var memberEmail = $"sortmember-{Guid.NewGuid():N}@example.jp";
            var member = await CreateUserAsync(memberEmail, KyodoRoles.CommitteeMember);
            Member = CreatePageClient();
            await Member.SignInAsync(memberEmail, Password);
            await EvaluationScenario.RoundAsync(Aozora, member.Id);
            await EvaluationScenario.RoundAsync(Kamome, member.Id);
            foreach (var name in new[] { "審査順の募集か", "審査順の募集あ" })
            {
                var screening = await ScreeningScenario.For(this).Named(name).WithProposals("並べ替え審査提案").BuildAsync();
                await screening.StartScreeningAsync([member.Id]);
            }

            var proposals = await ScreeningScenario.For(this).Named("提案順の募集").WithProposals("並べ替え提案か", "並べ替え提案あ").BuildAsync();
            var (proposerEmail, _) = await proposals.AddProposerAccountsAsync();
            Proposer = CreatePageClient();
            await Proposer.SignInAsync(proposerEmail, Password);
        }

        Task IAsyncLifetime.DisposeAsync()
        {
            Office.Dispose();
            Administrator.Dispose();
            Member.Dispose();
            Proposer.Dispose();
            return Task.CompletedTask;
        }
    }

    private static List<string> RowTitles(IHtmlDocument page, string table) =>
        page.QuerySelectorAll($"{table} tbody tr").Select(r => r.Children[0].TextContent.Trim()).ToList();

    private static IElement Header(IHtmlDocument page, string table, string label) =>
        page.QuerySelectorAll($"{table} thead th").Single(th => th.TextContent.Contains(label, StringComparison.Ordinal));

    private static List<string> SortedHeaders(IHtmlDocument page, string table) =>
        page.QuerySelectorAll($"{table} thead th[aria-sort]").Select(th => th.GetAttribute("aria-sort") + ":" + th.QuerySelector("a")!.FirstChild!.TextContent.Trim()).ToList();

    private static string Href(IElement header) => WebUtility.HtmlDecode(header.QuerySelector("a")!.GetAttribute("href")!);

    [Fact]
    public async Task Projects_sort_by_title_both_ways_and_the_sorted_header_says_so()
    {
        var ascending = await factory.Office.GetPageAsync("/projects?sort=title&dir=asc");
        Assert.Equal(["あおぞら子ども食堂", "かもめ農園の就労体験", "さくら学習塾"], RowTitles(ascending, "#projects"));
        Assert.Equal(["ascending:事業名"], SortedHeaders(ascending, "#projects"));

        var descending = await factory.Office.GetPageAsync("/projects?sort=title&dir=desc");
        Assert.Equal(["さくら学習塾", "かもめ農園の就労体験", "あおぞら子ども食堂"], RowTitles(descending, "#projects"));
        Assert.Equal(["descending:事業名"], SortedHeaders(descending, "#projects"));
    }

    [Fact]
    public async Task A_project_header_link_sorts_ascending_first_then_toggles_and_keeps_the_search()
    {
        var list = await factory.Office.GetPageAsync("/projects?q=%E3%81%8B&page=1");
        var title = Href(Header(list, "#projects", "事業名"));
        Assert.StartsWith("/projects?", title, StringComparison.Ordinal);
        Assert.Contains("q=%E3%81%8B", title, StringComparison.Ordinal);
        Assert.Contains("sort=title&dir=asc", title, StringComparison.Ordinal);
        Assert.DoesNotContain("page=", title, StringComparison.Ordinal);

        var sorted = await factory.Office.GetPageAsync(title);
        Assert.Equal("ascending", Header(sorted, "#projects", "事業名").GetAttribute("aria-sort"));
        Assert.Contains("sort=title&dir=desc", Href(Header(sorted, "#projects", "事業名")), StringComparison.Ordinal);
        Assert.Contains("sort=group&dir=asc", Href(Header(sorted, "#projects", "団体")), StringComparison.Ordinal);
        Assert.Equal("か", sorted.QuerySelector("form[role=search] input[name=q]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Projects_sort_by_group_department_term_and_status()
    {
        var byGroup = await factory.Office.GetPageAsync("/projects?sort=group&dir=asc");
        var groups = byGroup.QuerySelectorAll("#projects tbody tr").Select(r => r.Children[1].TextContent.Trim()).ToList();
        Assert.Equal(groups.Order(StringComparer.Ordinal), groups);
        var byGroupDesc = await factory.Office.GetPageAsync("/projects?sort=group&dir=desc");
        Assert.Equal(groups.AsEnumerable().Reverse(), byGroupDesc.QuerySelectorAll("#projects tbody tr").Select(r => r.Children[1].TextContent.Trim()));

        var byDepartment = await factory.Office.GetPageAsync("/projects?sort=department&dir=desc");
        var departments = byDepartment.QuerySelectorAll("#projects tbody tr").Select(r => r.Children[2].TextContent.Trim()).ToList();
        Assert.Equal(departments.OrderDescending(StringComparer.Ordinal), departments);

        var byTerm = await factory.Office.GetPageAsync("/projects?sort=term&dir=asc");
        Assert.Equal("あおぞら子ども食堂", RowTitles(byTerm, "#projects")[0]);

        var byStatus = await factory.Office.GetPageAsync("/projects?sort=status&dir=asc");
        Assert.Equal(["さくら学習塾", "あおぞら子ども食堂", "かもめ農園の就労体験"], RowTitles(byStatus, "#projects"));
        var byStatusDesc = await factory.Office.GetPageAsync("/projects?sort=status&dir=desc");
        Assert.Equal(["かもめ農園の就労体験", "あおぞら子ども食堂", "さくら学習塾"], RowTitles(byStatusDesc, "#projects"));
    }

    [Theory]
    [InlineData("/projects?sort=Title%27%3B--&dir=asc")]
    [InlineData("/projects?sort=title&dir=sideways")]
    [InlineData("/projects?sort=&dir=")]
    public async Task An_unknown_project_sort_shows_the_default_order_newest_term_first(string url)
    {
        var page = await factory.Office.GetPageAsync(url);

        Assert.Equal(["さくら学習塾", "かもめ農園の就労体験", "あおぞら子ども食堂"], RowTitles(page, "#projects"));
        Assert.Equal(["descending:期間"], SortedHeaders(page, "#projects"));
    }

    [Fact]
    public async Task Project_search_matches_title_group_and_department_trimmed()
    {
        var byTitle = await factory.Office.GetPageAsync("/projects?q=" + Uri.EscapeDataString("  農園  "));
        Assert.Equal(["かもめ農園の就労体験"], RowTitles(byTitle, "#projects"));
        Assert.Equal("農園", byTitle.QuerySelector("#q")!.GetAttribute("value"));

        var byGroup = await factory.Office.GetPageAsync("/projects?q=" + Uri.EscapeDataString(factory.Aozora.Group.Name));
        Assert.Equal(["あおぞら子ども食堂"], RowTitles(byGroup, "#projects"));

        var byDepartment = await factory.Office.GetPageAsync("/projects?q=" + Uri.EscapeDataString(factory.Sakura.Department.Name));
        Assert.Equal(["さくら学習塾"], RowTitles(byDepartment, "#projects"));

        var blank = await factory.Office.GetPageAsync("/projects?q=%20%20");
        Assert.Equal(3, RowTitles(blank, "#projects").Count);
    }

    [Fact]
    public async Task A_project_search_that_finds_nothing_says_so_and_offers_to_clear_it()
    {
        var page = await factory.Office.GetPageAsync("/projects?q=%E5%AD%98%E5%9C%A8%E3%81%97%E3%81%AA%E3%81%84&sort=title&dir=desc");

        Assert.Empty(page.QuerySelectorAll("#projects tbody tr"));
        Assert.Contains("「存在しない」に合うものはありません。", page.Text(".no-matches"), StringComparison.Ordinal);
        var clear = WebUtility.HtmlDecode(page.QuerySelector(".no-matches a")!.GetAttribute("href")!);
        Assert.Equal("/projects?sort=title&dir=desc", clear);
        var all = await factory.Office.GetPageAsync(clear);
        Assert.Equal(["さくら学習塾", "かもめ農園の就労体験", "あおぞら子ども食堂"], RowTitles(all, "#projects"));
    }

    [Fact]
    public async Task Calls_sort_by_name_and_fiscal_year_both_ways_and_search_by_name()
    {
        var byName = await factory.Office.GetPageAsync("/calls?q=" + Uri.EscapeDataString("並べ替え") + "&sort=name&dir=asc");
        Assert.Equal(["並べ替え募集あ", "並べ替え募集か", "並べ替え募集さ"], RowTitles(byName, "#calls"));
        Assert.Equal(["ascending:募集名"], SortedHeaders(byName, "#calls"));
        var byNameDesc = await factory.Office.GetPageAsync("/calls?q=" + Uri.EscapeDataString("並べ替え") + "&sort=name&dir=desc");
        Assert.Equal(["並べ替え募集さ", "並べ替え募集か", "並べ替え募集あ"], RowTitles(byNameDesc, "#calls"));

        var byYear = await factory.Office.GetPageAsync("/calls?q=" + Uri.EscapeDataString("並べ替え") + "&sort=year&dir=asc");
        Assert.Equal(["並べ替え募集さ", "並べ替え募集か", "並べ替え募集あ"], RowTitles(byYear, "#calls"));
        Assert.Equal(["ascending:対象年度"], SortedHeaders(byYear, "#calls"));
        Assert.Contains("q=%E4%B8%A6", Href(Header(byYear, "#calls", "募集名")), StringComparison.Ordinal);

        var unknown = await factory.Office.GetPageAsync("/calls?q=" + Uri.EscapeDataString("並べ替え") + "&sort=nope&dir=asc");
        Assert.Equal(["並べ替え募集あ", "並べ替え募集か", "並べ替え募集さ"], RowTitles(unknown, "#calls"));
        Assert.Equal(["descending:対象年度"], SortedHeaders(unknown, "#calls"));

        var none = await factory.Office.GetPageAsync("/calls?q=" + Uri.EscapeDataString("該当なし"));
        Assert.NotNull(none.QuerySelector(".no-matches a"));
    }

    [Fact]
    public async Task Report_meetings_sort_by_date_and_name_both_ways_and_search_by_name()
    {
        var byDate = await factory.Office.GetPageAsync("/meetings?q=" + Uri.EscapeDataString("並べ替え") + "&sort=date&dir=asc");
        Assert.Equal(["並べ替え報告会さ", "並べ替え報告会か", "並べ替え報告会あ"], RowTitles(byDate, "#meetings"));
        Assert.Equal(["ascending:開催日"], SortedHeaders(byDate, "#meetings"));
        var byDateDesc = await factory.Office.GetPageAsync("/meetings?q=" + Uri.EscapeDataString("並べ替え") + "&sort=date&dir=desc");
        Assert.Equal(["並べ替え報告会あ", "並べ替え報告会か", "並べ替え報告会さ"], RowTitles(byDateDesc, "#meetings"));

        var byName = await factory.Office.GetPageAsync("/meetings?q=" + Uri.EscapeDataString("並べ替え") + "&sort=name&dir=asc");
        Assert.Equal(["並べ替え報告会あ", "並べ替え報告会か", "並べ替え報告会さ"], RowTitles(byName, "#meetings"));

        var unknown = await factory.Office.GetPageAsync("/meetings?sort=1%3D1&dir=desc");
        Assert.Equal(["descending:開催日"], SortedHeaders(unknown, "#meetings"));

        var none = await factory.Office.GetPageAsync("/meetings?q=" + Uri.EscapeDataString("該当なし"));
        Assert.Contains("「該当なし」に合うものはありません。", none.Text(".no-matches"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Department_search_and_sort_survive_the_pager()
    {
        var first = await factory.Office.GetPageAsync("/departments?q=" + Uri.EscapeDataString("頁送り") + "&sort=name&dir=desc");
        Assert.Equal("頁送り課22", RowTitles(first, "table.data")[0]);
        Assert.Equal(["descending:課名"], SortedHeaders(first, "table.data"));

        var next = WebUtility.HtmlDecode(first.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        var second = await factory.Office.GetPageAsync(next);
        Assert.Equal(["頁送り課02", "頁送り課01"], RowTitles(second, "table.data"));
        Assert.Equal(["descending:課名"], SortedHeaders(second, "table.data"));

        var ascending = await factory.Office.GetPageAsync("/departments?q=" + Uri.EscapeDataString("頁送り") + "&sort=name&dir=asc&page=2");
        Assert.Equal(["頁送り課21", "頁送り課22"], RowTitles(ascending, "table.data"));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{22} 件中 21–22 件を表示"), ascending.Text(".page-summary"));
    }

    [Theory]
    [InlineData("/calls", "頁送り募集", "#calls", "募集名")]
    [InlineData("/meetings", "頁送り報告会", "#meetings", "報告会の名称")]
    public async Task Calls_and_meetings_page_and_the_pager_keeps_search_and_sort(string list, string prefix, string table, string nameHeader)
    {
        var first = await factory.Office.GetPageAsync(list + "?q=" + Uri.EscapeDataString(prefix) + "&sort=name&dir=desc");
        var rows = RowTitles(first, table);
        Assert.Equal(20, rows.Count);
        Assert.Equal(prefix + "22", rows[0]);
        Assert.Equal(["descending:" + nameHeader], SortedHeaders(first, table));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{22} 件中 1–20 件を表示"), first.Text(".page-summary"));

        var next = WebUtility.HtmlDecode(first.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        Assert.Contains("sort=name", next, StringComparison.Ordinal);
        var second = await factory.Office.GetPageAsync(next);
        Assert.Equal([prefix + "02", prefix + "01"], RowTitles(second, table));
        Assert.Equal(["descending:" + nameHeader], SortedHeaders(second, table));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{22} 件中 21–22 件を表示"), second.Text(".page-summary"));
        Assert.DoesNotContain("page=", Href(Header(second, table, nameHeader)), StringComparison.Ordinal);

        var ascending = await factory.Office.GetPageAsync(list + "?q=" + Uri.EscapeDataString(prefix) + "&sort=name&dir=asc&page=2");
        Assert.Equal([prefix + "21", prefix + "22"], RowTitles(ascending, table));
        Assert.Equal(["ascending:" + nameHeader], SortedHeaders(ascending, table));
    }

    [Theory]
    [InlineData("office", "/evaluation-admin")]
    [InlineData("member", "/evaluations")]
    public async Task Evaluation_rounds_sort_by_project_and_year_both_ways_and_search_by_project(string who, string list)
    {
        var client = who == "office" ? factory.Office : factory.Member;
        var titles = new[] { "あおぞら子ども食堂", "かもめ農園の就労体験" };
        var reversed = new[] { "かもめ農園の就労体験", "あおぞら子ども食堂" };
        var byTitle = await client.GetPageAsync(list + "?sort=project&dir=asc");
        Assert.Equal(titles, RowTitles(byTitle, "#rounds").Where(titles.Contains));
        Assert.Equal(["ascending:事業名"], SortedHeaders(byTitle, "#rounds"));
        var byTitleDesc = await client.GetPageAsync(Href(Header(byTitle, "#rounds", "事業名")));
        Assert.Equal(reversed, RowTitles(byTitleDesc, "#rounds").Where(titles.Contains));
        Assert.Equal(["descending:事業名"], SortedHeaders(byTitleDesc, "#rounds"));

        var byYear = await client.GetPageAsync(list + "?sort=year&dir=asc");
        Assert.Equal(titles, RowTitles(byYear, "#rounds").Where(titles.Contains));
        var unknown = await client.GetPageAsync(list + "?sort=nope&dir=asc");
        Assert.Equal(reversed, RowTitles(unknown, "#rounds").Where(titles.Contains));
        Assert.Equal(["descending:対象年度"], SortedHeaders(unknown, "#rounds"));

        var search = await client.GetPageAsync(list + "?q=" + Uri.EscapeDataString(" かもめ ") + "&sort=project&dir=desc");
        Assert.Equal(["かもめ農園の就労体験"], RowTitles(search, "#rounds"));
        Assert.Contains("%E3%81%8B%E3%82%82%E3%82%81", Href(Header(search, "#rounds", "対象年度")), StringComparison.Ordinal);
        Assert.Equal("かもめ", search.QuerySelector("#q")!.GetAttribute("value"));
        var none = await client.GetPageAsync(list + "?q=" + Uri.EscapeDataString("該当なし"));
        Assert.Contains("「該当なし」に合うものはありません。", none.Text(".no-matches"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_members_screening_panels_sort_by_call_name_both_ways()
    {
        var byName = await factory.Member.GetPageAsync("/screening?sort=call&dir=asc");
        Assert.Equal(["審査順の募集あ", "審査順の募集か"], RowTitles(byName, "#panels"));
        Assert.Equal(["ascending:募集名"], SortedHeaders(byName, "#panels"));
        var byNameDesc = await factory.Member.GetPageAsync(Href(Header(byName, "#panels", "募集名")));
        Assert.Equal(["審査順の募集か", "審査順の募集あ"], RowTitles(byNameDesc, "#panels"));
        Assert.Equal(["descending:募集名"], SortedHeaders(byNameDesc, "#panels"));

        var unknown = await factory.Member.GetPageAsync("/screening?sort=x&dir=desc");
        Assert.Equal(["審査順の募集あ", "審査順の募集か"], RowTitles(unknown, "#panels"));
        Assert.Equal(["descending:対象年度"], SortedHeaders(unknown, "#panels"));
    }

    [Fact]
    public async Task A_proposers_own_proposals_sort_by_title_both_ways()
    {
        var byTitle = await factory.Proposer.GetPageAsync("/proposals?sort=title&dir=asc");
        var rows = RowTitles(byTitle, "#proposals");
        Assert.Equal(2, rows.Count);
        Assert.StartsWith("並べ替え提案あ", rows[0], StringComparison.Ordinal);
        Assert.Equal(["ascending:事業名"], SortedHeaders(byTitle, "#proposals"));

        var byTitleDesc = await factory.Proposer.GetPageAsync(Href(Header(byTitle, "#proposals", "事業名")));
        Assert.StartsWith("並べ替え提案か", RowTitles(byTitleDesc, "#proposals")[0], StringComparison.Ordinal);
        Assert.Equal(["descending:事業名"], SortedHeaders(byTitleDesc, "#proposals"));

        var unknown = await factory.Proposer.GetPageAsync("/proposals?sort=zzz&dir=asc");
        Assert.Equal(2, RowTitles(unknown, "#proposals").Count);
        Assert.Equal(["descending:更新日時"], SortedHeaders(unknown, "#proposals"));
    }

    [Fact]
    public async Task Groups_sort_by_name_and_area_both_ways_keeping_the_filters()
    {
        var byName = await factory.Office.GetPageAsync("/groups?q=" + Uri.EscapeDataString("並べ替え") + "&legalForm=NpoCorporation&sort=name&dir=desc");
        Assert.Equal(["並べ替え団体さ", "並べ替え団体か", "並べ替え団体あ"], RowTitles(byName, "#groups"));
        Assert.Equal(["descending:団体名"], SortedHeaders(byName, "#groups"));
        var area = Href(Header(byName, "#groups", "活動地域"));
        Assert.Contains("legalForm=NpoCorporation", area, StringComparison.Ordinal);
        Assert.Contains("sort=area&dir=asc", area, StringComparison.Ordinal);

        var byArea = await factory.Office.GetPageAsync(area);
        Assert.Equal(["並べ替え団体か", "並べ替え団体さ", "並べ替え団体あ"], RowTitles(byArea, "#groups"));
        var byAreaDesc = await factory.Office.GetPageAsync(Href(Header(byArea, "#groups", "活動地域")));
        Assert.Equal(["並べ替え団体あ", "並べ替え団体さ", "並べ替え団体か"], RowTitles(byAreaDesc, "#groups"));
        Assert.Equal(["descending:活動地域"], SortedHeaders(byAreaDesc, "#groups"));

        var none = await factory.Office.GetPageAsync("/groups?q=" + Uri.EscapeDataString("該当なし"));
        Assert.Equal("/groups", none.QuerySelector(".no-matches a.clear-search")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Themes_search_by_keyword_and_sort_by_title_and_year_both_ways()
    {
        var byTitle = await factory.Office.GetPageAsync("/themes?q=" + Uri.EscapeDataString(" 並べ替え課題 ") + "&sort=title&dir=asc");
        Assert.Equal(["並べ替え課題あ", "並べ替え課題か", "並べ替え課題さ"], RowTitles(byTitle, "#themes"));
        Assert.Equal("並べ替え課題", byTitle.QuerySelector("#q")!.GetAttribute("value"));
        var byTitleDesc = await factory.Office.GetPageAsync("/themes?q=" + Uri.EscapeDataString("並べ替え課題") + "&sort=title&dir=desc");
        Assert.Equal(["並べ替え課題さ", "並べ替え課題か", "並べ替え課題あ"], RowTitles(byTitleDesc, "#themes"));

        var byYear = await factory.Office.GetPageAsync("/themes?q=" + Uri.EscapeDataString("並べ替え課題") + "&sort=year&dir=asc");
        Assert.Equal(["並べ替え課題あ", "並べ替え課題か", "並べ替え課題さ"], RowTitles(byYear, "#themes"));
        var byDefault = await factory.Office.GetPageAsync("/themes?q=" + Uri.EscapeDataString("並べ替え課題") + "&sort=x&dir=y");
        Assert.Equal(["並べ替え課題さ", "並べ替え課題か", "並べ替え課題あ"], RowTitles(byDefault, "#themes"));
        Assert.Equal(["descending:年度"], SortedHeaders(byDefault, "#themes"));
    }

    [Fact]
    public async Task Users_sort_by_e_mail_both_ways_within_a_search()
    {
        var ascending = await factory.Administrator.GetPageAsync("/admin/users?q=sortuser&sort=email&dir=asc");
        Assert.Equal(["sortuser-a", "sortuser-b", "sortuser-c"], RowTitles(ascending, "#users"));
        Assert.Equal(["ascending:メールアドレス"], SortedHeaders(ascending, "#users"));

        var descending = await factory.Administrator.GetPageAsync("/admin/users?q=sortuser&sort=email&dir=desc");
        Assert.Equal(["sortuser-c", "sortuser-b", "sortuser-a"], RowTitles(descending, "#users"));
        Assert.Contains("q=sortuser", Href(Header(descending, "#users", "氏名")), StringComparison.Ordinal);
    }
}
