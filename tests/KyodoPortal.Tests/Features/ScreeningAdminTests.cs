using KyodoPortal.Tests.Support.Scenarios;
using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Spreadsheet;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// The coordinating office's side of screening: start, settings, members, progress, recusal,
/// ranking, export and closing. The rubric is 公益性 (weight 3), 実現性 (weight 2) and 協働の効果
/// (weight 1), each scored 0–5, so a member's score is 100 × Σ(weight × points) / 30.
/// </summary>
[Trait("Category", "Database")]
public sealed class ScreeningAdminTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    private const string RecusalReason = "提案団体の理事を務めているため";

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_dashboard_lists_the_ten_newest_declarations_and_links_to_the_whole_history_fifty_a_page()
    {
        var titles = Enumerable.Range(1, 11).Select(i => $"申告履歴の提案{i}").ToArray();
        var scenario = await ScreeningScenario.For(factory).Named("申告履歴の募集").WithProposals(titles).BuildAsync();
        var members = await scenario.AddCommitteeMembersAsync(5);
        await scenario.StartScreeningAsync(members.Select(m => m.Id));
        await scenario.ScoreAsync(score =>
        {
            foreach (var member in members)
            {
                foreach (var proposal in scenario.Proposals)
                {
                    score.Submitted(member.Id, proposal.Id, 3, 3, 3);
                }
            }
        });
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        var dashboard = await coordinator.GetPageAsync($"/calls/{scenario.Call.Id}/screening");
        Assert.Equal(10, dashboard.QuerySelectorAll("#declaration-history tbody tr").Length);
        Assert.Equal("申告の履歴をすべて見る（55 件）", dashboard.Text("#all-declarations"));

        factory.SqlCommands.Reset();
        var first = await coordinator.FollowLinkAsync(dashboard, "#all-declarations");
        Assert.True(factory.SqlCommands.Count <= 9, $"The history ran {factory.SqlCommands.Count} SQL commands.");
        Assert.Equal("申告履歴の募集 の利害関係の申告の履歴", first.Text("h1"));
        Assert.Equal(50, first.QuerySelectorAll("#declaration-history tbody tr").Length);
        Assert.Equal("55 件中 1–50 件を表示", first.Text(".page-summary"));
        Assert.All(first.QuerySelectorAll("#declaration-history tbody tr"), tr => Assert.Equal("未申告 → 利害関係なし", tr.Texts("td")[2]));

        var second = await coordinator.FollowLinkAsync(first, "a[rel=next]");
        Assert.Equal(5, second.QuerySelectorAll("#declaration-history tbody tr").Length);
        Assert.Equal("55 件中 51–55 件を表示", second.Text(".page-summary"));
        var named = first.QuerySelectorAll("#declaration-history tbody tr th").Concat(second.QuerySelectorAll("#declaration-history tbody tr th")).Select(th => th.TextContent.Trim()).ToHashSet();
        Assert.Equal(members.Select(m => m.DisplayName).ToHashSet(), named);
    }

    [Fact]
    public async Task The_coordinator_starts_screening_proposals_become_under_screening_and_the_criteria_are_locked()
    {
        var seed = await SeedAsync(windowClosed: true);
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        var callPage = await coordinator.GetPageAsync($"/calls/{seed.Call.Id}");
        Assert.NotNull(callPage.QuerySelector($"a[href='/calls/{seed.Call.Id}/screening']"));
        var start = await coordinator.GetPageAsync($"/calls/{seed.Call.Id}/screening");
        Assert.Null(start.QuerySelector("#start-blocked"));
        var dashboard = await coordinator.SubmitAndFollowAsync(start, $"form[action='/calls/{seed.Call.Id}/screening/start']");

        Assert.Contains("審査を開始しました。3 件の提案が審査中になりました。", dashboard.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Equal("審査中", dashboard.Text("#panel-status"));
        var statuses = await factory.QueryAsync(db => db.Proposals.Where(p => p.CallId == seed.Call.Id).OrderBy(p => p.Id).Select(p => p.Status).ToListAsync());
        Assert.Equal([ProposalStatus.UnderScreening, ProposalStatus.UnderScreening, ProposalStatus.UnderScreening, ProposalStatus.Draft], statuses);
        var panel = await factory.QueryAsync(db => db.ScreeningPanels.AsNoTracking().SingleAsync(p => p.CallId == seed.Call.Id));
        Assert.Equal(OtherSheetsVisibility.AfterOwnSubmission, panel.OtherSheetsVisibility);
        Assert.Equal(3, panel.MinimumSheets);
        Assert.Null(panel.PassingScoreTenths);
    }

    [Fact]
    public async Task Starting_twice_is_a_message_and_the_criteria_can_no_longer_be_edited()
    {
        var seed = await SeedAsync(windowClosed: true);
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var start = await coordinator.GetPageAsync($"/calls/{seed.Call.Id}/screening");
        await coordinator.SubmitAndFollowAsync(start, $"form[action='/calls/{seed.Call.Id}/screening/start']");

        // The same (now stale) start form posted again.
        var again = await coordinator.SubmitAndFollowAsync(start, $"form[action='/calls/{seed.Call.Id}/screening/start']");
        Assert.Equal("この募集の審査はすでに開始されています。", again.Text("[role=alert]"));
        Assert.Equal(1, await factory.QueryAsync(db => db.ScreeningPanels.CountAsync(p => p.CallId == seed.Call.Id)));

        var edit = await coordinator.GetPageAsync($"/calls/{seed.Call.Id}/edit");
        using var response = await coordinator.SubmitAsync(edit, "main form", ("Input.Criteria[0].Name", "書き換えた基準"));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);
        Assert.Contains("審査が始まっているため、募集内容と審査基準は変更できません。", page.Text("main"), StringComparison.Ordinal);
        var names = await factory.QueryAsync(db => db.Calls.Where(c => c.Id == seed.Call.Id).SelectMany(c => c.Criteria).OrderBy(c => c.SortOrder).Select(c => c.Name).ToListAsync());
        Assert.Equal(["公益性", "実現性", "協働の効果"], names);
    }

    [Fact]
    public async Task Screening_cannot_start_while_the_window_is_open_and_nothing_changes()
    {
        var seed = await SeedAsync(windowClosed: false);
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        var start = await coordinator.GetPageAsync($"/calls/{seed.Call.Id}/screening");
        Assert.Contains("が終了するまで審査を開始できません。", start.Text("#start-blocked"), StringComparison.Ordinal);
        Assert.Null(start.QuerySelector($"form[action='/calls/{seed.Call.Id}/screening/start']"));

        // Posted anyway (a token from another form of the same session).
        var token = start.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")?.Value
            ?? (await coordinator.GetPageAsync($"/calls/{seed.Call.Id}")).QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        using var response = await coordinator.Http.PostAsync($"/calls/{seed.Call.Id}/screening/start", content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await coordinator.GetPageAsync(response.Headers.Location!.OriginalString);

        Assert.Equal("募集期間が終了するまで審査を開始できません。", after.Text("[role=alert]"));
        Assert.False(await factory.QueryAsync(db => db.ScreeningPanels.AnyAsync(p => p.CallId == seed.Call.Id)));
        Assert.Null(await factory.QueryAsync(db => db.Calls.Where(c => c.Id == seed.Call.Id).Select(c => c.ScreeningStartedAtUtc).SingleAsync()));
        Assert.Equal(3, await factory.QueryAsync(db => db.Proposals.CountAsync(p => p.CallId == seed.Call.Id && p.Status == ProposalStatus.Submitted)));
    }

    [Fact]
    public async Task The_coordinator_assigns_three_committee_members_and_changes_the_settings()
    {
        var seed = await SeedAsync(windowClosed: true);
        var panelId = (await seed.StartScreeningAsync([], minimumSheets: 3)).Id;
        var members = await seed.AddCommitteeMembersAsync(3);
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        var dashboard = await coordinator.GetPageAsync($"/calls/{seed.Call.Id}/screening");
        var labels = dashboard.Texts("#members-form label.checkbox");
        Assert.All(members, m => Assert.Contains(labels, l => l.Contains(m.DisplayName, StringComparison.Ordinal) && l.Contains(m.Email!, StringComparison.Ordinal)));
        var assigned = await coordinator.SubmitAndFollowAsync(dashboard, "#members-form", [.. members.Select(m => new KeyValuePair<string, string>("memberUserIds", m.Id))]);

        Assert.Contains("評価委員を更新しました（追加 3 名、解除 0 名）。", assigned.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(members.Select(m => m.DisplayName).Order(StringComparer.Ordinal), assigned.Texts("#progress tbody th"));
        Assert.All(assigned.Texts("#progress .progress-total"), t => Assert.Equal("0/3 提出", t));
        var panel = await LoadPanelAsync(seed.Call.Id);
        Assert.Equal(members.Select(m => m.Id).Order(StringComparer.Ordinal), panel.Members.Select(m => m.MemberUserId).Order(StringComparer.Ordinal));

        // Unchecking one unassigns them.
        var removed = await coordinator.SubmitAndFollowAsync(assigned, "#members-form", [.. members.Take(2).Select(m => new KeyValuePair<string, string>("memberUserIds", m.Id))]);
        Assert.Contains("追加 0 名、解除 1 名", removed.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(2, (await LoadPanelAsync(seed.Call.Id)).Members.Count);

        var settings = await coordinator.SubmitAndFollowAsync(removed, "#settings-form",
            ("Settings.Visibility", nameof(OtherSheetsVisibility.AfterScreeningCloses)), ("Settings.MinimumSheets", "2"), ("Settings.PassingScore", "72.5"));
        Assert.Equal("審査の設定を保存しました。", settings.Text("[role=status]"));
        Assert.Equal("72.5", settings.QuerySelector<IHtmlInputElement>("#Settings_PassingScore")!.Value);
        panel = await LoadPanelAsync(seed.Call.Id);
        Assert.Equal((OtherSheetsVisibility.AfterScreeningCloses, 2, (int?)725), (panel.OtherSheetsVisibility, panel.MinimumSheets, panel.PassingScoreTenths));

        var invalid = await coordinator.SubmitAndFollowAsync(settings, "#settings-form", ("Settings.PassingScore", "72.55"), ("Settings.MinimumSheets", "0"));
        Assert.Equal("合格ラインは小数第1位までで入力してください。", invalid.QuerySelector("#Settings_PassingScore")!.ParentElement!.Text(".field-validation-error"));
        Assert.Equal(725, (await LoadPanelAsync(seed.Call.Id)).PassingScoreTenths);
        Assert.Equal(panelId, panel.Id);
    }

    [Fact]
    public async Task Progress_recusal_ranking_and_closing()
    {
        var seed = await SeedAsync(windowClosed: true);
        var members = await seed.AddCommitteeMembersAsync(3);
        var (m1, m2, m3) = (members[0].Id, members[1].Id, members[2].Id);
        var (a, b, c) = (seed.Proposals[0].Id, seed.Proposals[1].Id, seed.Proposals[2].Id);
        await seed.StartScreeningAsync([m1, m2, m3], minimumSheets: 3);
        await seed.ScoreAsync(score => score
            // A: 100.0, 80.0, 60.0 → 80.0 (spread √(800/3) = 16.3).
            .Submitted(m1, a, 5, 5, 5)
            .Submitted(m2, a, 4, 4, 4)
            .Submitted(m3, a, 3, 3, 3)

            // B: (15+8+3)/30 = 86.67 and 60.0 → 73.3; m3's draft is not counted.
            .Submitted(m1, b, 5, 4, 3)
            .Submitted(m2, b, 3, 3, 3)
            .Draft(m3, b, 5, 5, 5)

            // C: only m1 (80.0); m2 has not declared, m3 will be recused by the coordinator.
            .Submitted(m1, c, 4, 4, 4));
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        // Minimum 2 sheets, passing score 75.0.
        var dashboard = await coordinator.GetPageAsync($"/calls/{seed.Call.Id}/screening");
        dashboard = await coordinator.SubmitAndFollowAsync(dashboard, "#settings-form", ("Settings.MinimumSheets", "2"), ("Settings.PassingScore", "75"));

        var recused = await coordinator.SubmitAndFollowAsync(dashboard, "#recusal-form",
            ("Recusal.MemberUserId", m3), ("Recusal.ProposalId", S(c)), ("Recusal.Reason", RecusalReason));
        Assert.Equal("評価委員をこの提案の審査から回避させました。", recused.Text("[role=status]"));
        var recusalRow = recused.QuerySelector("#recusals tbody tr")!;
        Assert.Equal(members[2].DisplayName, recusalRow.Text("th"));
        Assert.Equal([seed.Proposals[2].Title, RecusalReason], recusalRow.Texts("td").Take(2));
        Assert.StartsWith("事務局が記録", recusalRow.Texts("td")[2], StringComparison.Ordinal);
        var declaration = (await LoadPanelAsync(seed.Call.Id)).DeclarationOf(m3, c)!;
        Assert.True(declaration.IsCoordinatorRecusal);
        Assert.Equal(RecusalReason, declaration.Reason);

        factory.SqlCommands.Reset();
        var page = await coordinator.GetPageAsync($"/calls/{seed.Call.Id}/screening");
        var commands = factory.SqlCommands.Count;

        // Progress board.
        Assert.Equal(["提出済み", "提出済み", "提出済み", "3/3 提出"], ProgressRow(page, m1));
        Assert.Equal(["提出済み", "提出済み", "未申告", "2/3 提出"], ProgressRow(page, m2));
        Assert.Equal(["提出済み", "下書き", "回避", "1/2 提出"], ProgressRow(page, m3));
        Assert.Equal(["3/3 提出", "2/3 提出", "1/2 提出 回避 1 名"], page.Texts("#progress .proposal-total"));

        // Ranking: A and C tie at 80.0 (rank 1, lower id first), B third.
        var ranking = page.QuerySelectorAll("#ranking tbody tr").Select(tr => tr.Texts("td, th")).ToList();
        Assert.Equal(["1位", seed.Proposals[0].Title, seed.GroupName, "300,000円", "80.0", "60.0", "100.0", "16.3", "3/3", "", $"内訳（{seed.Proposals[0].Title}）"], ranking[0]);
        Assert.Equal(["1位", seed.Proposals[2].Title, seed.GroupName, "300,000円", "80.0", "80.0", "80.0", "0.0", "1/2", "評価票不足", $"内訳（{seed.Proposals[2].Title}）"], ranking[1]);
        Assert.Equal(["3位", seed.Proposals[1].Title, seed.GroupName, "300,000円", "73.3", "60.0", "86.7", "13.3", "2/3", "合格ライン未満", $"内訳（{seed.Proposals[1].Title}）"], ranking[2]);
        Assert.NotNull(page.QuerySelector($"#ranking a[href='/proposals/{a}']"));
        // 13: the panel's split query includes its declaration history (issue 13.5).
        Assert.True(commands <= 13, $"The dashboard ran {commands} SQL commands.");

        // Per criterion of A, on its own page from the ranking: 公益性 5, 4, 3 → mean 4.0, spread √(2/3) = 0.8.
        factory.SqlCommands.Reset();
        var breakdown = await coordinator.FollowLinkAsync(page, $"#ranking a[href='/calls/{seed.Call.Id}/screening/proposals/{a}']");
        Assert.True(factory.SqlCommands.Count <= 13, $"The breakdown ran {factory.SqlCommands.Count} SQL commands.");
        Assert.Equal($"{seed.Proposals[0].Title} の審査基準ごとの評価", breakdown.Text("h1"));
        Assert.Equal(["1位", "80.0", "3/3"], breakdown.Texts("#breakdown-summary dd"));
        var criteriaOfA = breakdown.QuerySelectorAll("#criteria tbody tr").Select(tr => tr.Texts("th, td")).ToList();
        Assert.Equal(["公益性", "3", "5", "4.0", "3", "5", "0.8", "0"], criteriaOfA[0]);
        await coordinator.GetPageAsync($"/calls/{seed.Call.Id}/screening/proposals/{seed.Proposals[1].Id + 1000}", HttpStatusCode.NotFound);

        // Closing.
        Assert.Contains("まだ提出されていない評価票が 2 件あります。", page.Text("main"), StringComparison.Ordinal);
        var closed = await coordinator.SubmitAndFollowAsync(page, "#close-form");
        Assert.Equal("審査終了", closed.Text("#panel-status"));
        Assert.Null(closed.QuerySelector("#close-form"));
        Assert.Null(closed.QuerySelector("#recusal-form"));
        Assert.NotNull(closed.QuerySelector("#settings-form fieldset[disabled]"));
        Assert.Equal(ScreeningPanelStatus.Closed, (await LoadPanelAsync(seed.Call.Id)).Status);

        // A stale form posted after closing is refused by the domain.
        var late = await coordinator.SubmitAndFollowAsync(page, "#members-form", ("memberUserIds", m1));
        Assert.Equal("審査終了後は審査委員を変更できません。", late.Text("[role=alert]"));
        Assert.Equal(3, (await LoadPanelAsync(seed.Call.Id)).Members.Count);
    }

    [Fact]
    public async Task The_ranking_downloads_as_Excel_and_as_CSV_with_a_BOM()
    {
        var seed = await SeedAsync(windowClosed: true);
        var members = await seed.AddCommitteeMembersAsync(2);
        var (a, b) = (seed.Proposals[0].Id, seed.Proposals[1].Id);
        await seed.StartScreeningAsync([members[0].Id, members[1].Id], minimumSheets: 3);
        await seed.ScoreAsync(score => score
            .Submitted(members[0].Id, a, 5, 5, 5)
            .Submitted(members[1].Id, a, 4, 4, 4)
            .Submitted(members[0].Id, b, 3, 3, 3));
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        using var xlsx = await coordinator.Http.GetAsync($"/calls/{seed.Call.Id}/screening/export?format=xlsx");
        using var csv = await coordinator.Http.GetAsync($"/calls/{seed.Call.Id}/screening/export?format=csv");
        using var bad = await coordinator.Http.GetAsync($"/calls/{seed.Call.Id}/screening/export?format=pdf");

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var document = XlsxFile.OpenValid(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => r.Elements<Cell>().Select(XlsxFile.CellText).ToList()).ToList();
        Assert.Equal(["順位", "事業名", "提案者", "市負担金合計", "得点", "最低点", "最高点", "ばらつき（標準偏差）", "集計した評価票", "予定の評価票", "注意"], rows[0]);
        Assert.Equal(4, rows.Count);
        Assert.Equal(["1", seed.Proposals[0].Title, seed.GroupName, "300000"], rows[1].Take(4));
        Assert.Equal(90.0m, decimal.Parse(rows[1][4], CultureInfo.InvariantCulture));
        Assert.Equal(10.0m, decimal.Parse(rows[1][7], CultureInfo.InvariantCulture));
        Assert.Equal(["2", "2", "評価票不足"], rows[1].Skip(8));
        Assert.Equal(["2", seed.Proposals[1].Title], rows[2].Take(2));
        Assert.Equal(60.0m, decimal.Parse(rows[2][4], CultureInfo.InvariantCulture));

        // The third proposal has no sheet: no rank, listed last.
        Assert.Contains(seed.Proposals[2].Title, rows[3]);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("順位,事業名,提案者,市負担金合計,得点,", lines[0], StringComparison.Ordinal);
        Assert.Contains(seed.Proposals[0].Title, lines[1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Theory]
    [InlineData(KyodoRoles.GroupMember)]
    [InlineData(KyodoRoles.DepartmentStaff)]
    [InlineData(KyodoRoles.CommitteeMember)]
    public async Task Others_than_the_coordinating_office_get_403(string role)
    {
        var seed = await SeedAsync(windowClosed: true);
        using var client = await factory.SignedInAsync(role);

        using var page = await client.Http.GetAsync($"/calls/{seed.Call.Id}/screening");
        using var export = await client.Http.GetAsync($"/calls/{seed.Call.Id}/screening/export?format=csv");
        using var history = await client.Http.GetAsync($"/calls/{seed.Call.Id}/screening/declarations");
        using var breakdown = await client.Http.GetAsync($"/calls/{seed.Call.Id}/screening/proposals/{seed.Proposals[0].Id}");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, history.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, breakdown.StatusCode);
    }

    private static IReadOnlyList<string> ProgressRow(IHtmlDocument page, string memberUserId) =>
        page.QuerySelector($"#progress tr[data-member='{memberUserId}']")!.Texts("td");


    private Task<ScreeningPanel> LoadPanelAsync(int callId) =>
        factory.QueryAsync(db => db.ScreeningPanels.AsNoTracking().AsSplitQuery().SingleAsync(p => p.CallId == callId));

    /// <summary>
    /// Three complete proposals submitted inside the window (市負担金 300,000円 each) and a draft,
    /// on a call whose window closed yesterday or closes in a month.
    /// </summary>
    private Task<ScreeningScenario> SeedAsync(bool windowClosed) =>
        ScreeningScenario.For(factory)
            .WindowClosed(windowClosed)
            .WithProposals("公園の花壇づくり", "子育て相談サロン", "防災マップ作り")
            .WithDraftProposal("書きかけの提案")
            .BuildAsync();
}
