using KyodoPortal.Tests.Support.Scenarios;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>The committee member's side of screening: declarations, score sheets, others' sheets.</summary>
[Trait("Category", "Database")]
public sealed class ScreeningMemberTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    private const string Background = ScreeningScenario.Background;

    private sealed record Screening(Call Call, ScreeningPanel Panel, Proposal First, Proposal Second);

    private sealed record Member(PageClient Client, string UserId, string DisplayName) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    private async Task<Member> CommitteeMemberAsync()
    {
        var email = $"iin-{Guid.NewGuid():N}@example.jp";
        var user = await factory.CreateUserAsync(email, KyodoRoles.CommitteeMember);
        var client = factory.CreatePageClient();
        await client.SignInAsync(email, KyodoWebFactory.Password);
        return new Member(client, user.Id, user.DisplayName);
    }

    /// <summary>
    /// Two two-year proposals under screening and a panel (minimum 2 sheets) with the given members.
    /// Criteria: 公益性 (weight 2, max 5) and 実現可能性 (weight 1, max 10).
    /// </summary>
    private async Task<Screening> ScreeningAsync(params Member[] members)
    {
        var scenario = await ScreeningScenario.For(factory)
            .WithCriteria(new ScreeningCriterionDraft("公益性", "地域の課題の解決につながるか", 2, 5), new ScreeningCriterionDraft("実現可能性", null, 1, 10))
            .WithProposal("商店街の居場所づくり事業", years: 2)
            .WithProposal("子ども食堂ネットワーク事業", years: 2)
            .BuildAsync();
        var panel = await scenario.StartScreeningAsync([.. members.Select(m => m.UserId)], minimumSheets: 2);
        return new Screening(scenario.Call, panel, scenario.Proposals[0], scenario.Proposals[1]);
    }

    private static string PanelUrl(Screening s) => $"/screening/{s.Panel.Id}";

    private static string SheetUrl(Screening s, Proposal p) => $"/screening/{s.Panel.Id}/proposals/{p.Id}/sheet";

    private static async Task<IHtmlDocument> DeclareAsync(Member member, Screening s, Proposal p, bool conflict, string reason = "")
    {
        var page = await member.Client.GetPageAsync(PanelUrl(s));
        return await member.Client.SubmitAndFollowAsync(page, $"#declare-{p.Id} form", ("Input.HasConflict", conflict ? "true" : "false"), ("Input.Reason", reason));
    }

    private static async Task<IHtmlDocument> SubmitSheetAsync(Member member, Screening s, Proposal p, int first, int second)
    {
        var sheet = await member.Client.GetPageAsync(SheetUrl(s, p));
        return await member.Client.SubmitAndFollowAsync(sheet, "main form[action$='/sheet']",
            ("Input.Criteria[0].Points", first.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Criteria[1].Points", second.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Action", "submit"));
    }

    private static async Task<HttpResponseMessage> PostWithTokenAsync(PageClient client, string tokenPage, string url, params (string Key, string Value)[] values) =>
        await client.PostWithTokenAsync(await client.GetPageAsync(tokenPage), url, values);

    [Fact]
    public async Task A_member_declares_no_conflict_saves_a_draft_and_submits_the_sheet()
    {
        using var member = await CommitteeMemberAsync();
        var s = await ScreeningAsync(member);

        var list = await member.Client.GetPageAsync("/screening");
        Assert.Contains(s.Call.Name, list.Text("#panels"), StringComparison.Ordinal);
        Assert.Contains("審査中", list.Text("#panels"), StringComparison.Ordinal);
        Assert.Equal("提出済み 0 / 2", list.Text("#panels .sheet-count"));
        Assert.Contains("審査", list.Texts("nav.site-nav a"));

        var panel = await member.Client.GetPageAsync(PanelUrl(s));
        Assert.Equal("未申告", panel.Text($"#proposal-{s.First.Id} .declaration-state"));
        Assert.Equal("未着手", panel.Text($"#proposal-{s.First.Id} .sheet-state"));
        Assert.Null(panel.QuerySelector($"#proposal-{s.First.Id} a.sheet-link"));

        var sheet = await DeclareAsync(member, s, s.First, conflict: false);
        Assert.Equal("利害関係なしと申告しました。評価票を入力できます。", sheet.Text("[role=status]"));
        Assert.Equal("未着手", sheet.Text("#sheet-status"));
        Assert.Contains(Background, sheet.Text("#proposal-content"), StringComparison.Ordinal);
        Assert.Contains("ふれあいサロン", sheet.Text("#proposal-content"), StringComparison.Ordinal);
        Assert.Contains("サロン参加者数", sheet.Text("#proposal-content"), StringComparison.Ordinal);
        Assert.Contains("市負担金の合計", sheet.Text("#proposal-content"), StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.ScoreSheets.CountAsync(x => x.PanelId == s.Panel.Id)));

        var draft = await member.Client.SubmitAndFollowAsync(sheet, "main form[action$='/sheet']", ("Input.Criteria[0].Points", "4"), ("Input.Action", "save"));
        Assert.Equal("評価票を保存しました。", draft.Text("[role=status]"));
        Assert.Equal("下書き", draft.Text("#sheet-status"));
        Assert.Equal("4", draft.QuerySelector<IHtmlSelectElement>("select[name='Input.Criteria[0].Points']")!.Value);

        var submitted = await member.Client.SubmitAndFollowAsync(draft, "main form[action$='/sheet']",
            ("Input.Criteria[1].Points", "8"), ("Input.OverallComment", "地域のつながりづくりとして期待できる。"), ("Input.Action", "submit"));
        Assert.Equal("評価票を提出しました。", submitted.Text("[role=status]"));
        Assert.Equal("提出済み", submitted.Text("#sheet-status"));

        // 100 × (2×4 + 1×8) / (2×5 + 1×10) = 80.0
        Assert.Contains("80.0", submitted.Text("#own-score"), StringComparison.Ordinal);
        var stored = await factory.QueryAsync(db => db.ScoreSheets.AsNoTracking().SingleAsync(x => x.PanelId == s.Panel.Id && x.MemberUserId == member.UserId));
        Assert.Equal(ScoreSheetStatus.Submitted, stored.Status);
        Assert.Equal([4, 8], stored.Entries.OrderBy(e => e.CriterionId).Select(e => e.Points ?? -1));
        Assert.Equal("地域のつながりづくりとして期待できる。", stored.OverallComment);

        var after = await member.Client.GetPageAsync(PanelUrl(s));
        Assert.Equal("利害関係なし", after.Text($"#proposal-{s.First.Id} .declaration-state"));
        Assert.Equal("提出済み", after.Text($"#proposal-{s.First.Id} .sheet-state"));
        Assert.Equal("提出済み 1 / 2", (await member.Client.GetPageAsync("/screening")).Text("#panels .sheet-count"));
    }

    [Fact]
    public async Task A_second_tab_opened_before_the_first_save_of_a_score_sheet_cannot_overwrite_it()
    {
        using var member = await CommitteeMemberAsync();
        var s = await ScreeningAsync(member);
        var firstTab = await DeclareAsync(member, s, s.First, conflict: false);
        var secondTab = await member.Client.GetPageAsync(SheetUrl(s, s.First));

        await member.Client.SubmitAndFollowAsync(firstTab, "main form[action$='/sheet']", ("Input.Criteria[0].Points", "4"), ("Input.OverallComment", "一つ目のタブ"), ("Input.Action", "save"));
        using var response = await member.Client.SubmitAsync(secondTab, "main form[action$='/sheet']", ("Input.Criteria[0].Points", "1"), ("Input.OverallComment", "二つ目のタブ"), ("Input.Action", "save"));
        var refused = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Contains("他の人が先に更新しました。", refused.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal("一つ目のタブ", await factory.QueryAsync(db => db.ScoreSheets.Where(x => x.PanelId == s.Panel.Id).Select(x => x.OverallComment).SingleAsync()));
    }

    [Fact]
    public async Task A_conflict_without_a_reason_is_refused_with_the_input_kept()
    {
        using var member = await CommitteeMemberAsync();
        var s = await ScreeningAsync(member);

        var page = await DeclareAsync(member, s, s.First, conflict: true);

        Assert.Equal("利害関係がある場合は、その内容を入力してください。", page.Text($"#declare-{s.First.Id} [data-valmsg-for='Input.Reason']"));
        Assert.True(page.QuerySelector<IHtmlInputElement>($"#declare-{s.First.Id} input[name='Input.HasConflict'][value=true]")!.IsChecked);
        var panel = await factory.QueryAsync(db => db.ScreeningPanels.AsNoTracking().SingleAsync(p => p.Id == s.Panel.Id));
        Assert.Empty(panel.Declarations);
    }

    [Fact]
    public async Task A_member_who_declared_no_conflict_corrects_it_himself_his_sheet_leaves_the_aggregate_and_the_office_sees_the_change()
    {
        using var first = await CommitteeMemberAsync();
        using var second = await CommitteeMemberAsync();
        var s = await ScreeningAsync(first, second);
        foreach (var member in new[] { first, second })
        {
            await DeclareAsync(member, s, s.First, conflict: false);
            await SubmitSheetAsync(member, s, s.First, 4, 8);
        }

        using var office = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var before = await office.GetPageAsync($"/calls/{s.Call.Id}/screening");
        Assert.Contains("2/2", RankingRowOf(before, s.First));

        var panelPage = await first.Client.GetPageAsync(PanelUrl(s));
        Assert.Null(panelPage.QuerySelector($"#change-declaration-{s.Second.Id}"));
        var noReason = await first.Client.SubmitAndFollowAsync(panelPage, $"#change-declaration-{s.First.Id} form", ("Input.Reason", ""));
        Assert.Equal("利害関係がある場合は、その内容を入力してください。", noReason.Text($"#change-declaration-{s.First.Id} [data-valmsg-for='Input.Reason']"));

        const string Reason = "提案団体の監事に就任したため";
        var changed = await first.Client.SubmitAndFollowAsync(noReason, $"#change-declaration-{s.First.Id} form", ("Input.Reason", Reason));

        Assert.Equal("申告を「利害関係あり」に変更しました。この提案の審査には加わらず、評価票は集計に含まれません。変更は事務局の履歴に残ります。", changed.Text("[role=status]"));
        Assert.Equal("利害関係あり（回避）", changed.Text($"#proposal-{s.First.Id} .declaration-state"));
        Assert.Null(changed.QuerySelector($"#change-declaration-{s.First.Id}"));
        await first.Client.GetPageAsync(SheetUrl(s, s.First), HttpStatusCode.Forbidden);

        var after = await office.GetPageAsync($"/calls/{s.Call.Id}/screening");
        var ranking = RankingRowOf(after, s.First);
        Assert.Contains("1/1", ranking);
        Assert.Contains("評価票不足", ranking);
        Assert.Equal(["利害関係なし → 利害関係あり", "本人", Reason], after.QuerySelector("#declaration-history tbody tr.declaration-corrected")!.Texts("td").Skip(2));
        Assert.Equal(first.DisplayName, after.Text("#declaration-history tbody tr.declaration-corrected th"));
        Assert.Equal(3, after.QuerySelectorAll("#declaration-history tbody tr").Length);

        var stored = await factory.QueryAsync(db => db.ScreeningPanels.AsNoTracking().SingleAsync(p => p.Id == s.Panel.Id));
        var change = stored.DeclarationHistory.Single(c => c.PreviousHasConflict == false);
        Assert.Equal((first.UserId, s.First.Id, true, first.UserId), (change.MemberUserId, change.SubjectId, change.HasConflict, change.ChangedByUserId));
    }

    [Fact]
    public async Task After_the_panel_closes_a_declaration_can_no_longer_be_changed()
    {
        using var member = await CommitteeMemberAsync();
        var s = await ScreeningAsync(member);
        await DeclareAsync(member, s, s.First, conflict: false);
        var open = await member.Client.GetPageAsync(PanelUrl(s));
        Assert.NotNull(open.QuerySelector($"#change-declaration-{s.First.Id} form"));
        await factory.QueryAsync(async db =>
        {
            var panel = await db.ScreeningPanels.SingleAsync(p => p.Id == s.Panel.Id);
            panel.Close(DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        var refused = await member.Client.SubmitAndFollowAsync(open, $"#change-declaration-{s.First.Id} form", ("Input.Reason", "理事に就任したため"));

        Assert.Contains("審査終了後は利益相反を申告できません。", refused.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Null(refused.QuerySelector($"#change-declaration-{s.First.Id}"));
        var stored = await factory.QueryAsync(db => db.ScreeningPanels.AsNoTracking().SingleAsync(p => p.Id == s.Panel.Id));
        Assert.False(stored.IsRecused(member.UserId, s.First.Id));
    }

    private static IReadOnlyList<string> RankingRowOf(IHtmlDocument dashboard, Proposal proposal) =>
        dashboard.QuerySelectorAll("#ranking tbody tr").Single(tr => tr.QuerySelector($"a[href='/proposals/{proposal.Id}']") is not null).Texts("td, th");

    [Fact]
    public async Task A_recused_member_gets_403_on_the_sheet_for_get_and_post()
    {
        using var member = await CommitteeMemberAsync();
        var s = await ScreeningAsync(member);

        var panel = await DeclareAsync(member, s, s.First, conflict: true, reason: "提案団体の理事を務めているため");
        Assert.Equal("利害関係あり（回避）", panel.Text($"#proposal-{s.First.Id} .declaration-state"));
        Assert.Null(panel.QuerySelector($"#proposal-{s.First.Id} a.sheet-link"));

        await member.Client.GetPageAsync(SheetUrl(s, s.First), HttpStatusCode.Forbidden);
        using var post = await PostWithTokenAsync(member.Client, PanelUrl(s), SheetUrl(s, s.First),
            ("Input.Criteria[0].CriterionId", "0"), ("Input.Action", "submit"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.ScoreSheets.CountAsync(x => x.PanelId == s.Panel.Id)));
    }

    [Fact]
    public async Task The_proposal_content_is_not_shown_before_declaring()
    {
        using var member = await CommitteeMemberAsync();
        var s = await ScreeningAsync(member);

        var panel = await member.Client.GetPageAsync(PanelUrl(s));
        Assert.DoesNotContain(Background, panel.Body!.TextContent, StringComparison.Ordinal);

        using var response = await member.Client.Http.GetAsync(SheetUrl(s, s.First));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var back = await member.Client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("評価票を開く前に、この提案との利害関係の有無を申告してください。", back.Text("[role=alert]"));
        Assert.DoesNotContain(Background, back.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_committee_member_not_on_the_panel_gets_404()
    {
        using var member = await CommitteeMemberAsync();
        using var outsider = await CommitteeMemberAsync();
        var s = await ScreeningAsync(member);

        Assert.NotNull((await outsider.Client.GetPageAsync("/screening")).QuerySelector("#no-panels"));
        await outsider.Client.GetPageAsync(PanelUrl(s), HttpStatusCode.NotFound);
        await outsider.Client.GetPageAsync(SheetUrl(s, s.First), HttpStatusCode.NotFound);
        using var post = await PostWithTokenAsync(outsider.Client, "/screening", $"/screening/{s.Panel.Id}/proposals/{s.First.Id}/declare", ("Input.HasConflict", "false"));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Theory]
    [InlineData(KyodoRoles.GroupMember)]
    [InlineData(KyodoRoles.DepartmentStaff)]
    public async Task Group_members_and_department_staff_get_403_on_every_screening_page(string role)
    {
        using var member = await CommitteeMemberAsync();
        var s = await ScreeningAsync(member);
        using var client = await factory.SignedInAsync(role);

        await client.GetPageAsync("/screening", HttpStatusCode.Forbidden);
        await client.GetPageAsync(PanelUrl(s), HttpStatusCode.Forbidden);
        await client.GetPageAsync(SheetUrl(s, s.First), HttpStatusCode.Forbidden);
        using var post = await PostWithTokenAsync(client, "/account/password", $"/screening/{s.Panel.Id}/proposals/{s.First.Id}/declare", ("Input.HasConflict", "false"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task Not_applicable_without_a_comment_is_refused_next_to_the_field()
    {
        using var member = await CommitteeMemberAsync();
        var s = await ScreeningAsync(member);
        var sheet = await DeclareAsync(member, s, s.First, conflict: false);

        using var response = await member.Client.SubmitAsync(sheet, "main form[action$='/sheet']",
            ("Input.Criteria[0].NotApplicable", "true"), ("Input.Criteria[1].Points", "7"), ("Input.Action", "submit"));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Equal("該当なしにする場合は、その理由をコメントに入力してください。", page.Text("[data-valmsg-for='Input.Criteria[0].Comment']"));
        Assert.True(page.QuerySelector<IHtmlInputElement>("input[name='Input.Criteria[0].NotApplicable']")!.IsChecked);
        Assert.Equal("7", page.QuerySelector<IHtmlSelectElement>("select[name='Input.Criteria[1].Points']")!.Value);
        Assert.Equal(0, await factory.QueryAsync(db => db.ScoreSheets.CountAsync(x => x.PanelId == s.Panel.Id)));
    }

    [Fact]
    public async Task Points_above_the_maximum_are_refused_next_to_the_field()
    {
        using var member = await CommitteeMemberAsync();
        var s = await ScreeningAsync(member);
        var sheet = await DeclareAsync(member, s, s.First, conflict: false);

        using var response = await member.Client.SubmitAsync(sheet, "main form[action$='/sheet']",
            ("Input.Criteria[0].Points", "9"), ("Input.Criteria[1].Points", "7"), ("Input.Action", "save"));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Equal("点数は0点から5点の間で選んでください。", page.Text("[data-valmsg-for='Input.Criteria[0].Points']"));
        Assert.Null(page.QuerySelector("[data-valmsg-for='Input.Criteria[1].Points']"));
        Assert.Equal(0, await factory.QueryAsync(db => db.ScoreSheets.CountAsync(x => x.PanelId == s.Panel.Id)));
    }

    [Fact]
    public async Task Submitting_with_a_criterion_left_blank_is_refused_next_to_it()
    {
        using var member = await CommitteeMemberAsync();
        var s = await ScreeningAsync(member);
        var sheet = await DeclareAsync(member, s, s.First, conflict: false);

        using var response = await member.Client.SubmitAsync(sheet, "main form[action$='/sheet']", ("Input.Criteria[0].Points", "3"), ("Input.Action", "submit"));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Equal("提出するには、点数を選ぶか「該当なし」にしてください。", page.Text("[data-valmsg-for='Input.Criteria[1].Points']"));
        Assert.Equal("3", page.QuerySelector<IHtmlSelectElement>("select[name='Input.Criteria[0].Points']")!.Value);
    }

    [Fact]
    public async Task Other_members_sheets_are_hidden_until_the_member_submits_their_own()
    {
        using var first = await CommitteeMemberAsync();
        using var second = await CommitteeMemberAsync();
        var s = await ScreeningAsync(first, second);
        await DeclareAsync(second, s, s.First, conflict: false);
        await SubmitSheetAsync(second, s, s.First, 5, 10);

        var before = await DeclareAsync(first, s, s.First, conflict: false);
        Assert.NotNull(before.QuerySelector("#others-hidden"));
        Assert.Null(before.QuerySelector("#others"));
        Assert.DoesNotContain(second.DisplayName, before.Body!.TextContent, StringComparison.Ordinal);

        var draft = await first.Client.SubmitAndFollowAsync(before, "main form[action$='/sheet']", ("Input.Criteria[0].Points", "2"), ("Input.Action", "save"));
        Assert.Null(draft.QuerySelector("#others"));

        var after = await SubmitSheetAsync(first, s, s.First, 2, 4);
        Assert.Null(after.QuerySelector("#others-hidden"));
        var row = after.QuerySelectorAll("#others tbody tr").Single();
        Assert.Equal(second.DisplayName, row.Text("th"));
        Assert.Equal("100.0", row.Text(".other-score"));
        Assert.Equal(["100.0", "5", "10"], row.Texts("td.num"));
    }
}
