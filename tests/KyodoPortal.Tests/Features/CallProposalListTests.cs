using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Spreadsheet;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Tests.Domain;
using KyodoPortal.Tests.Support;

namespace KyodoPortal.Tests.Features;

[Trait("Category", "Database")]
public sealed class CallProposalListTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    private static readonly DateTime Now = DateTime.UtcNow;

    [Fact]
    public async Task The_coordinator_sees_every_proposal_of_the_call_with_its_proposer_status_and_city_share()
    {
        var seed = await SeedAsync();
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        factory.SqlCommands.Reset();
        var page = await coordinator.GetPageAsync($"/calls/{seed.Call.Id}/proposals");
        var commands = factory.SqlCommands.Count;

        Assert.Equal([seed.Draft.Title, seed.Submitted.Title, seed.Withdrawn.Title], page.Texts("table.data tbody th"));
        var submittedRow = Row(page, seed.Submitted.Id);
        Assert.Equal([seed.SecondGroupName, seed.DepartmentName, "提出済み", "300,000円"], submittedRow.Texts("td").Take(4));
        Assert.NotEqual("未提出", submittedRow.Texts("td")[4]);
        var draftRow = Row(page, seed.Draft.Id);
        Assert.Equal([seed.FirstGroupName, "未定", "下書き", "0円", "未提出"], draftRow.Texts("td").Take(5));
        Assert.Contains("取り下げ", page.Texts("table.data tbody .badge"));
        Assert.DoesNotContain(seed.OtherCallTitle, page.Texts("table.data tbody th"));

        // The withdrawn proposal asked for 300,000円 too, but no longer counts.
        var summary = page.QuerySelector("dl.summary")!;
        Assert.Equal(["3 件", "1 件", "1 件", "1 件", "300,000円"], summary.Texts("dd"));
        Assert.NotNull(page.QuerySelector($"a[href='/calls/{seed.Call.Id}/proposals/export?format=xlsx']"));
        Assert.NotNull(page.QuerySelector($"a[href='/calls/{seed.Call.Id}/proposals/export?format=csv']"));

        // Session check, call, rows, summary: whatever the number of proposals.
        Assert.True(commands <= 4, $"The list ran {commands} SQL commands.");
    }

    [Fact]
    public async Task The_list_filters_by_status_and_by_a_keyword_in_the_title_or_group_name_and_the_export_links_keep_the_filter()
    {
        var seed = await SeedAsync();
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        var submitted = await coordinator.GetPageAsync($"/calls/{seed.Call.Id}/proposals?status=Submitted");
        var byGroup = await coordinator.GetPageAsync($"/calls/{seed.Call.Id}/proposals?q={Uri.EscapeDataString(seed.FirstGroupName)}");
        var byTitle = await coordinator.GetPageAsync($"/calls/{seed.Call.Id}/proposals?q={Uri.EscapeDataString("相談サロン")}");
        var none = await coordinator.GetPageAsync($"/calls/{seed.Call.Id}/proposals?status=Selected");

        Assert.Equal([seed.Submitted.Title], submitted.Texts("table.data tbody th"));
        Assert.Equal("Submitted", submitted.QuerySelector("#status option[selected]")?.GetAttribute("value"));
        Assert.NotNull(submitted.QuerySelector($"a[href='/calls/{seed.Call.Id}/proposals/export?format=csv&status=Submitted']"));
        Assert.Equal([seed.Draft.Title, seed.Withdrawn.Title], byGroup.Texts("table.data tbody th"));
        Assert.Equal([seed.Submitted.Title], byTitle.Texts("table.data tbody th"));
        Assert.Null(none.QuerySelector("table.data"));
        Assert.StartsWith("条件に合う提案はありません。", none.Text("main p.no-matches"), StringComparison.Ordinal);
        Assert.Equal($"/calls/{seed.Call.Id}/proposals", none.QuerySelector("main p.no-matches a.clear-search")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_list_sorts_by_title_both_ways_and_the_export_link_keeps_the_order()
    {
        var seed = await SeedAsync();
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var all = (await coordinator.GetPageAsync($"/calls/{seed.Call.Id}/proposals")).Texts("table.data tbody th");

        var ascending = await coordinator.GetPageAsync($"/calls/{seed.Call.Id}/proposals?sort=title&dir=asc");
        var descending = await coordinator.GetPageAsync($"/calls/{seed.Call.Id}/proposals?sort=title&dir=desc");

        Assert.Equal(all.Order(StringComparer.Ordinal), ascending.Texts("table.data tbody th"));
        Assert.Equal(all.OrderDescending(StringComparer.Ordinal), descending.Texts("table.data tbody th"));
        Assert.NotEqual(ascending.Texts("table.data tbody th"), descending.Texts("table.data tbody th"));
        Assert.Equal("descending", descending.QuerySelectorAll("table.data thead th")[0].GetAttribute("aria-sort"));
        Assert.NotNull(descending.QuerySelector($"a[href='/calls/{seed.Call.Id}/proposals/export?format=csv&sort=title&dir=desc']"));
    }

    [Fact]
    public async Task A_call_without_proposals_says_so()
    {
        var call = await factory.AddAsync(OpenCall("提案のない募集"));
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        var page = await coordinator.GetPageAsync($"/calls/{call.Id}/proposals");

        Assert.Equal("この募集への提案はまだありません。", page.Text("main p.panel"));
        await coordinator.GetPageAsync("/calls/999999/proposals", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(KyodoRoles.GroupMember)]
    [InlineData(KyodoRoles.DepartmentStaff)]
    public async Task Proposers_cannot_see_the_list_or_download_it(string role)
    {
        var seed = await SeedAsync();
        using var client = await factory.SignedInAsync(role);

        using var list = await client.Http.GetAsync($"/calls/{seed.Call.Id}/proposals");
        using var export = await client.Http.GetAsync($"/calls/{seed.Call.Id}/proposals/export?format=xlsx");

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task An_export_is_never_kept_in_a_shared_or_browser_cache(string format)
    {
        var seed = await SeedAsync();
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        using var response = await coordinator.Http.GetAsync($"/calls/{seed.Call.Id}/proposals/export?format={format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task The_Excel_export_holds_every_row_with_Japanese_headers_localized_status_and_yen_as_numbers()
    {
        var seed = await SeedAsync();
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        using var response = await coordinator.Http.GetAsync($"/calls/{seed.Call.Id}/proposals/export?format=xlsx");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        using var document = XlsxFile.OpenValid(bytes);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(["提案番号", "事業名", "提案者", "担当課", "状態", "市負担金合計", "提出日時", "最終更新"], rows[0].Elements<Cell>().Select(XlsxFile.CellText));
        var submitted = rows.Single(r => r.Elements<Cell>().Select(XlsxFile.CellText).Contains(seed.Submitted.Title)).Elements<Cell>().ToList();
        Assert.Equal(seed.Submitted.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), XlsxFile.CellText(submitted[0]));
        Assert.Equal(seed.SecondGroupName, XlsxFile.CellText(submitted[2]));
        Assert.Equal("提出済み", XlsxFile.CellText(submitted[4]));
        Assert.Equal("300000", XlsxFile.CellText(submitted[5]));
    }

    [Fact]
    public async Task The_CSV_export_starts_with_the_UTF8_BOM_follows_the_filter_and_an_unknown_format_is_a_bad_request()
    {
        var seed = await SeedAsync();
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        using var response = await coordinator.Http.GetAsync($"/calls/{seed.Call.Id}/proposals/export?format=csv&status=Draft");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var unknown = await coordinator.Http.GetAsync($"/calls/{seed.Call.Id}/proposals/export?format=pdf");
        using var missing = await coordinator.Http.GetAsync($"/calls/{seed.Call.Id}/proposals/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("提案番号,事業名,提案者,担当課,状態,", lines[0], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
        Assert.Contains(seed.Draft.Title, lines[1], StringComparison.Ordinal);
        Assert.Contains(",下書き,", lines[1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    /// <summary>A published group-proposal call whose window is open now, for 令和9年度.</summary>
    internal static Call OpenCall(string name, ProposalType type = ProposalType.GroupProposal)
    {
        var call = new Call(name, type, 2027, DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(30), 900_000, 300_000, 3, null);
        call.Publish();
        return call;
    }

    /// <summary>A one-year proposal complete enough to submit (<see cref="Recipes.Complete"/>): 市負担金 300,000円.</summary>
    internal static Proposal CompleteProposal(Call call, string title, int? groupId, int? departmentId, string userId)
    {
        var proposal = Recipes.Complete(new Proposal(call, title, groupId, departmentId, userId, Now), call.FiscalYear, 1, groupId, departmentId, Now);
        return proposal;
    }

    private static AngleSharp.Dom.IElement Row(AngleSharp.Html.Dom.IHtmlDocument page, int proposalId) =>
        page.QuerySelectorAll("table.data tbody tr").Single(tr => tr.QuerySelector($"a[href='/proposals/{proposalId}']") is not null);


    private async Task<Seed> SeedAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var first = await factory.AddGroupAsync("みどりの会" + suffix);
        var second = await factory.AddGroupAsync("子育てネット" + suffix);
        var department = await factory.AddDepartmentAsync("市民協働課" + suffix);
        var call = await factory.AddAsync(OpenCall("令和9年度 団体提案" + suffix));
        var other = await factory.AddAsync(OpenCall("別の募集" + suffix));

        var draft = await factory.AddAsync(new Proposal(call, "公園の花壇づくり" + suffix, first.Id, null, "seed-user", Now));
        var submitted = CompleteProposal(call, "子育て相談サロン" + suffix, second.Id, department.Id, "seed-user");
        submitted.Submit(call, "seed-user", Now);
        await factory.AddAsync(submitted);
        var withdrawn = CompleteProposal(call, "防災マップ作り" + suffix, first.Id, department.Id, "seed-user");
        withdrawn.Withdraw("seed-user", null, Now);
        await factory.AddAsync(withdrawn);
        var elsewhere = await factory.AddAsync(new Proposal(other, "別の募集への提案" + suffix, first.Id, null, "seed-user", Now));

        return new Seed(call, draft, submitted, withdrawn, elsewhere.Title, first.Name, second.Name, department.Name);
    }

    private sealed record Seed(
        Call Call,
        Proposal Draft,
        Proposal Submitted,
        Proposal Withdrawn,
        string OtherCallTitle,
        string FirstGroupName,
        string SecondGroupName,
        string DepartmentName);
}
