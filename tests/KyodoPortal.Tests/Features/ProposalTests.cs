using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Tests.Domain;
using KyodoPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

[Trait("Category", "Database")]
public sealed class ProposalTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    private const int Year = 2027;

    private static string S(long value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<Call> OpenCallAsync(DateTime? closesAtUtc = null)
    {
        var call = new Call("令和9年度 市民活動団体提案協働事業", ProposalType.GroupProposal, Year, DateTime.UtcNow.AddDays(-10), closesAtUtc ?? DateTime.UtcNow.AddDays(20), 600_000, 300_000, 3, null);
        call.ReplaceCriteria([new ScreeningCriterionDraft("公益性", null, 2, 5)]);
        call.Publish();
        return await factory.AddAsync(call);
    }

    private async Task<(PageClient Client, int GroupId, int DepartmentId)> GroupMemberAsync()
    {
        var group = await factory.AddGroupAsync("就労支援ネット" + Guid.NewGuid().ToString("N")[..6]);
        var department = await factory.AddDepartmentAsync("商工課" + Guid.NewGuid().ToString("N")[..6]);
        var email = $"member-{Guid.NewGuid():N}@example.jp";
        await factory.CreateUserAsync(email, [KyodoRoles.GroupMember], departmentId: null, groupId: group.Id);
        var client = factory.CreatePageClient();
        await client.SignInAsync(email, KyodoWebFactory.Password);
        return (client, group.Id, department.Id);
    }

    /// <summary>A complete two-year proposal built through the domain, for tests that start after writing.</summary>
    private async Task<Proposal> CompleteDraftAsync(Call call, int groupId, int departmentId)
    {
        var now = DateTime.UtcNow;
        var proposal = Recipes.Complete(new Proposal(call, "就労支援セミナー事業", groupId, departmentId, "seed", now), Year, 2, groupId, departmentId, now, ProposalContent.Seed000OneKpi);
        return await factory.AddAsync(proposal);
    }

    private Task<ProposalStatus> StatusAsync(int id) =>
        factory.QueryAsync(db => db.Proposals.Where(p => p.Id == id).Select(p => p.Status).SingleAsync());

    [Fact]
    public async Task A_group_member_writes_a_two_year_proposal_submits_it_gets_it_returned_and_resubmits()
    {
        var call = await OpenCallAsync();
        var (member, _, departmentId) = await GroupMemberAsync();

        var callPage = await member.GetPageAsync($"/calls/{call.Id}");
        var draft = await member.SubmitAndFollowAsync(await member.GetPageAsync(callPage.QuerySelector($"a[href='/calls/{call.Id}/proposals/new']")!.GetAttribute("href")!), "main form",
            ("Input.Title", "就労支援セミナー事業"), ("Input.PartnerDepartmentId", S(departmentId)));
        Assert.Contains("下書きとして作成しました", draft.Text("[role=status]"), StringComparison.Ordinal);
        var id = int.Parse(draft.Url.Split('/')[^2], CultureInfo.InvariantCulture);

        var overview = await member.SubmitAndFollowAsync(draft, "main form",
            ("Input.Background", "就労に困難を抱える若者の相談先が少ない。"),
            ("Input.Purpose", "セミナーと職場体験で就労と定着を支援する。"),
            ("Input.Beneficiaries", "市内の若者"),
            ("Input.StartFiscalYear", S(Year)), ("Input.TermYears", "2"));
        Assert.Equal("保存しました。", overview.Text("[role=status]"));

        await member.SubmitAndFollowAsync(await member.GetPageAsync($"/proposals/{id}/plan"), "main form",
            ("Input.Activities[0].Name", "就労支援セミナー"), ("Input.Activities[0].TimesPerYear", "6"), ("Input.Activities[0].CapacityPerTime", "20"),
            ("Input.Schedule[0].Description", "セミナー6回と職場体験の受入先開拓"), ("Input.Schedule[1].Description", "セミナー6回と定着支援"),
            ("Input.Roles[0].Task", "広報"), ("Input.Roles[0].GroupRole", "チラシとSNS"), ("Input.Roles[0].CityRole", "広報紙への掲載"));

        var budget = await member.SubmitAndFollowAsync(await member.GetPageAsync($"/proposals/{id}/budget"), "main form", [.. BudgetYear(0, Year), .. BudgetYear(5, Year + 1)]);
        Assert.Equal("保存しました。", budget.Text("[role=status]"));
        Assert.Contains("市負担金の合計: 600,000円", budget.Text("#budget-heading ~ p strong"), StringComparison.Ordinal);
        Assert.Contains("セミナー参加費（1,000円 × 120）", budget.Texts("table.budget-year td"));

        var withoutKpi = await member.GetPageAsync($"/proposals/{id}");
        Assert.Contains("成果指標（KPI）が設定されていません。", withoutKpi.Text("#submission-problems"), StringComparison.Ordinal);

        var ready = await member.SubmitAndFollowAsync(await member.GetPageAsync($"/proposals/{id}/kpis"), "main form",
            ("Input.Kpis[0].Name", "就労者数"), ("Input.Kpis[0].Kind", nameof(KpiKind.Quantitative)), ("Input.Kpis[0].Unit", "人"),
            ("Input.Kpis[0].MeasurementMethod", "団体の支援記録"), ("Input.Kpis[0].Targets[0].Value", "4"), ("Input.Kpis[0].Targets[1].Value", "6"));
        Assert.Null(ready.QuerySelector("#submission-problems"));

        var submitted = await member.SubmitAndFollowAsync(ready, "form[action$='/submit']");
        Assert.Equal("提案を提出しました。", submitted.Text("[role=status]"));
        Assert.Equal("提出済み", submitted.Text("#proposal-status"));
        Assert.Null(submitted.QuerySelector("nav.section-nav"));
        await member.GetPageAsync($"/proposals/{id}/budget", HttpStatusCode.Forbidden);

        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var returned = await coordinator.SubmitAndFollowAsync(await coordinator.GetPageAsync($"/proposals/{id}"), "form[action$='/return']", ("Comment", "参加費の根拠を書いてください。"));
        Assert.Equal("差し戻し", returned.Text("#proposal-status"));

        var again = await member.GetPageAsync($"/proposals/{id}");
        Assert.Contains("参加費の根拠を書いてください。", again.Text("#history"), StringComparison.Ordinal);
        await member.SubmitAndFollowAsync(await member.GetPageAsync($"/proposals/{id}/edit"), "main form", ("Input.Purpose", "参加費1,000円は教材費の実費です。"));
        var resubmitted = await member.SubmitAndFollowAsync(await member.GetPageAsync($"/proposals/{id}"), "form[action$='/resubmit']", ("Comment", "参加費の根拠を追記しました。"));

        Assert.Equal("再提出済み", resubmitted.Text("#proposal-status"));
        Assert.Equal(3, resubmitted.QuerySelectorAll("#history tbody tr").Length);
        Assert.Equal(ProposalStatus.Resubmitted, await StatusAsync(id));
    }

    private static IEnumerable<KeyValuePair<string, string>> BudgetYear(int firstRow, int year, long cityShare = 300_000, long fee = 1_000)
    {
        (string Category, string Item, long? Amount, long? Unit, long? Quantity)[] lines =
        [
            (nameof(BudgetCategory.CityShare), "市負担金", cityShare, null, null),
            (nameof(BudgetCategory.ParticipantFees), "セミナー参加費", null, fee, 120),
            (nameof(BudgetCategory.Honoraria), "講師謝礼", 180_000, null, null),
            (nameof(BudgetCategory.Rentals), "会場使用料", 120_000, null, null),
            (nameof(BudgetCategory.Supplies), "教材印刷費", 120_000, null, null),
        ];
        for (var i = 0; i < lines.Length; i++)
        {
            var row = firstRow + i;
            yield return new($"Input.Lines[{row}].FiscalYear", S(year));
            yield return new($"Input.Lines[{row}].Category", lines[i].Category);
            yield return new($"Input.Lines[{row}].Item", lines[i].Item);
            yield return new($"Input.Lines[{row}].Amount", lines[i].Amount is { } amount ? S(amount) : string.Empty);
            yield return new($"Input.Lines[{row}].UnitPrice", lines[i].Unit is { } unit ? S(unit) : string.Empty);
            yield return new($"Input.Lines[{row}].Quantity", lines[i].Quantity is { } quantity ? S(quantity) : string.Empty);
        }
    }

    [Fact]
    public async Task A_proposal_without_budget_lines_shows_each_year_as_not_entered_not_as_balanced()
    {
        var call = await OpenCallAsync();
        var (member, _, departmentId) = await GroupMemberAsync();
        var draft = await member.SubmitAndFollowAsync(await member.GetPageAsync($"/calls/{call.Id}/proposals/new"), "main form",
            ("Input.Title", "予算未入力の提案"), ("Input.PartnerDepartmentId", S(departmentId)));
        var id = int.Parse(draft.Url.Split('/')[^2], CultureInfo.InvariantCulture);
        await member.SubmitAndFollowAsync(draft, "main form", ("Input.StartFiscalYear", S(Year)), ("Input.TermYears", "2"));

        var page = await member.GetPageAsync($"/proposals/{id}");

        Assert.Contains("予算が入力されていません。", page.Text("#submission-problems"), StringComparison.Ordinal);
        Assert.Equal(["未入力", "未入力"], page.Texts("table.budget-year .total-row td"));
        Assert.DoesNotContain("収支一致", page.Text("#budget-heading ~ table") ?? "", StringComparison.Ordinal);
        var editor = await member.GetPageAsync($"/proposals/{id}/budget");
        Assert.Equal(["未入力", "未入力"], editor.Texts("#budget-totals tbody td:last-child"));
    }

    [Fact]
    public async Task A_budget_that_does_not_balance_is_refused_next_to_its_year_and_nothing_is_saved()
    {
        var call = await OpenCallAsync();
        var (member, groupId, departmentId) = await GroupMemberAsync();
        var proposal = await CompleteDraftAsync(call, groupId, departmentId);

        // Seed 000: the fee dropped to 0円 but the expenses stayed 420,000円.
        using var response = await member.SubmitAsync(await member.GetPageAsync($"/proposals/{proposal.Id}/budget"), "main form", [.. BudgetYear(0, Year, fee: 0), .. BudgetYear(5, Year + 1)]);
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Equal("令和9年度: 収入 300,000円 と支出 420,000円 が一致していません。", page.Text($"[data-valmsg-for='Budget.{Year}']"));
        // Issue 13 item 13: the summary at the top names the problem and links to it.
        Assert.Equal("令和9年度: 収入 300,000円 と支出 420,000円 が一致していません。", page.Text($".alert--error[role=alert] a[href='#Budget_{Year}']"));
        Assert.NotNull(page.GetElementById($"Budget_{Year}"));
        Assert.Null(page.QuerySelector($"[data-valmsg-for='Budget.{Year + 1}']"));
        Assert.Equal("0", page.QuerySelector<IHtmlInputElement>("input[name='Input.Lines[1].UnitPrice']")!.Value);
        var fees = await factory.QueryAsync(db => db.Proposals.Where(p => p.Id == proposal.Id).SelectMany(p => p.BudgetLines).Where(l => l.Category == BudgetCategory.ParticipantFees).Select(l => l.Amount).ToListAsync());
        Assert.Equal([120_000L, 120_000L], fees);
    }

    [Fact]
    public async Task A_city_share_over_the_yearly_cap_is_refused()
    {
        var call = await OpenCallAsync();
        var (member, groupId, departmentId) = await GroupMemberAsync();
        var proposal = await CompleteDraftAsync(call, groupId, departmentId);

        using var response = await member.SubmitAsync(await member.GetPageAsync($"/proposals/{proposal.Id}/budget"), "main form",
            [.. BudgetYear(0, Year, cityShare: 420_000, fee: 0), .. BudgetYear(5, Year + 1)]);
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Contains("市負担金 420,000円 が1年度の上限 300,000円 を超えています。", page.Text($"[data-valmsg-for='Budget.{Year}']"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_city_share_over_the_total_cap_is_refused_under_the_totals_and_nothing_is_saved()
    {
        var call = new Call("上限の低い募集", ProposalType.GroupProposal, Year, DateTime.UtcNow.AddDays(-10), DateTime.UtcNow.AddDays(20), 500_000, 300_000, 3, null);
        call.Publish();
        await factory.AddAsync(call);
        var (member, groupId, departmentId) = await GroupMemberAsync();
        var proposal = await CompleteDraftAsync(call, groupId, departmentId);

        using var response = await member.SubmitAsync(await member.GetPageAsync($"/proposals/{proposal.Id}/budget"), "main form",
            [.. BudgetYear(0, Year, cityShare: 240_000, fee: 1_500), .. BudgetYear(5, Year + 1)]);
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Equal("市負担金の合計 540,000円 が全期間の上限 500,000円 を超えています。", page.Text("[data-valmsg-for='Budget.Total']"));
        Assert.Null(page.QuerySelector($"[data-valmsg-for='Budget.{Year}']"));
        var fees = await factory.QueryAsync(db => db.Proposals.Where(p => p.Id == proposal.Id).SelectMany(p => p.BudgetLines).Where(l => l.Category == BudgetCategory.ParticipantFees).Select(l => l.Amount).ToListAsync());
        Assert.Equal([120_000L, 120_000L], fees);
    }

    [Fact]
    public async Task A_budget_line_for_a_year_outside_the_term_is_refused_at_its_year()
    {
        var call = await OpenCallAsync();
        var (member, groupId, departmentId) = await GroupMemberAsync();
        var proposal = await CompleteDraftAsync(call, groupId, departmentId);

        using var response = await member.SubmitAsync(await member.GetPageAsync($"/proposals/{proposal.Id}/budget"), "main form",
            [.. BudgetYear(0, Year), .. BudgetYear(5, Year + 1), new("Input.Lines[10].FiscalYear", S(Year + 2)), new("Input.Lines[10].Category", nameof(BudgetCategory.Supplies)), new("Input.Lines[10].Amount", "1")]);
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Equal("事業期間外の年度です。", page.Text("[data-valmsg-for='Input.Lines[10].FiscalYear']"));
        Assert.Null(page.QuerySelector("[data-valmsg-for='Input.Lines[0].FiscalYear']"));
        Assert.Equal(10, await factory.QueryAsync(db => db.Proposals.Where(p => p.Id == proposal.Id).SelectMany(p => p.BudgetLines).CountAsync()));
    }

    [Fact]
    public async Task A_term_longer_than_the_call_allows_is_refused_at_the_term_and_nothing_is_saved()
    {
        var call = await OpenCallAsync();
        var (member, groupId, departmentId) = await GroupMemberAsync();
        var proposal = await CompleteDraftAsync(call, groupId, departmentId);
        var purposeBefore = proposal.Purpose;

        using var response = await member.SubmitAsync(await member.GetPageAsync($"/proposals/{proposal.Id}/edit"), "main form", ("Input.TermYears", "4"), ("Input.Purpose", "4年で"));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Equal("この募集の実施期間は最長 3 年度です。", page.Text("[data-valmsg-for='Input.TermYears']"));
        var saved = await factory.QueryAsync(db => db.Proposals.Where(p => p.Id == proposal.Id).Select(p => new { p.TermYears, p.Purpose }).SingleAsync());
        Assert.Equal((2, purposeBefore), (saved.TermYears, saved.Purpose));
        Assert.NotEqual("4年で", purposeBefore);
    }

    [Fact]
    public async Task Submitting_after_the_window_closed_is_refused()
    {
        var call = await OpenCallAsync(closesAtUtc: DateTime.UtcNow.AddDays(-1));
        var (member, groupId, departmentId) = await GroupMemberAsync();
        var proposal = await CompleteDraftAsync(call, groupId, departmentId);

        var page = await member.GetPageAsync($"/proposals/{proposal.Id}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var response = await member.Http.PostAsync($"/proposals/{proposal.Id}/submit", content);
        var after = await member.GetPageAsync(response.Headers.Location!.OriginalString);

        Assert.Contains("募集期間外のため提出できません。", page.Text("#submit-heading ~ p"), StringComparison.Ordinal);
        Assert.Contains("募集期間外のため提出できません。", after.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.Draft, await StatusAsync(proposal.Id));
    }

    [Fact]
    public async Task Another_group_cannot_open_edit_or_submit_a_proposal_even_by_guessing_the_url()
    {
        var call = await OpenCallAsync();
        var (_, groupId, departmentId) = await GroupMemberAsync();
        var proposal = await CompleteDraftAsync(call, groupId, departmentId);
        var (other, _, _) = await GroupMemberAsync();
        var token = (await other.GetPageAsync("/account/password")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        await other.GetPageAsync($"/proposals/{proposal.Id}", HttpStatusCode.NotFound);
        await other.GetPageAsync($"/proposals/{proposal.Id}/budget", HttpStatusCode.NotFound);
        await other.GetPageAsync($"/proposals/{proposal.Id}/print", HttpStatusCode.NotFound);
        foreach (var action in new[] { "submit", "withdraw", "edit" })
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Title"] = "乗っ取り" });
            using var response = await other.Http.PostAsync($"/proposals/{proposal.Id}/{action}", content);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Equal(ProposalStatus.Draft, await StatusAsync(proposal.Id));
        Assert.Equal("就労支援セミナー事業", await factory.QueryAsync(db => db.Proposals.Where(p => p.Id == proposal.Id).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task The_partner_department_can_read_but_not_edit_a_group_proposal()
    {
        var call = await OpenCallAsync();
        var (_, groupId, departmentId) = await GroupMemberAsync();
        var proposal = await CompleteDraftAsync(call, groupId, departmentId);
        await factory.CreateUserAsync("partner-staff@example.jp", [KyodoRoles.DepartmentStaff], departmentId, groupId: null);
        using var staff = factory.CreatePageClient();
        await staff.SignInAsync("partner-staff@example.jp", KyodoWebFactory.Password);

        var page = await staff.GetPageAsync($"/proposals/{proposal.Id}");

        Assert.Equal("就労支援セミナー事業", page.Text("h1"));
        Assert.Null(page.QuerySelector("form[action$='/submit']"));
        await staff.GetPageAsync($"/proposals/{proposal.Id}/edit", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Two_people_editing_the_same_section_do_not_overwrite_each_other_and_the_second_keeps_their_input()
    {
        var call = await OpenCallAsync();
        var (first, groupId, departmentId) = await GroupMemberAsync();
        var proposal = await CompleteDraftAsync(call, groupId, departmentId);
        await factory.CreateUserAsync("second-member@example.jp", [KyodoRoles.GroupMember], departmentId: null, groupId: groupId);
        using var second = factory.CreatePageClient();
        await second.SignInAsync("second-member@example.jp", KyodoWebFactory.Password);
        var firstForm = await first.GetPageAsync($"/proposals/{proposal.Id}/edit");
        var secondForm = await second.GetPageAsync($"/proposals/{proposal.Id}/edit");

        await first.SubmitAndFollowAsync(firstForm, "main form", ("Input.Purpose", "一人目の目的"));
        using var response = await second.SubmitAsync(secondForm, "main form", ("Input.Purpose", "二人目の目的"));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Contains("他の人が先に更新しました。", page.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal("二人目の目的", page.QuerySelector("#Input_Purpose")!.TextContent);
        Assert.Equal("一人目の目的", await factory.QueryAsync(db => db.Proposals.Where(p => p.Id == proposal.Id).Select(p => p.Purpose).SingleAsync()));
    }

    [Fact]
    public async Task A_posted_field_named_id_does_not_move_an_edit_to_another_proposal()
    {
        var call = await OpenCallAsync();
        var (member, groupId, departmentId) = await GroupMemberAsync();
        var proposal = await CompleteDraftAsync(call, groupId, departmentId);
        var form = await member.GetPageAsync($"/proposals/{proposal.Id}/edit");
        form.QuerySelector("main form")!.SetAttribute("action", "/proposals/999999/edit");

        using var response = await member.SubmitAsync(form, "main form", ("id", S(proposal.Id)), ("Input.Purpose", "URL と違う提案を書き換える"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("URL と違う提案を書き換える", await factory.QueryAsync(db => db.Proposals.Where(p => p.Id == proposal.Id).Select(p => p.Purpose).SingleAsync()));
    }

    [Fact]
    public async Task A_proposal_without_a_KPI_cannot_be_submitted_even_by_posting_directly()
    {
        var call = await OpenCallAsync();
        var (member, groupId, departmentId) = await GroupMemberAsync();
        var proposal = await CompleteDraftAsync(call, groupId, departmentId);
        await member.SubmitAndFollowAsync(await member.GetPageAsync($"/proposals/{proposal.Id}/kpis"), "main form",
            ("Input.Kpis[0].Name", ""), ("Input.Kpis[0].Kind", ""), ("Input.Kpis[0].Unit", ""), ("Input.Kpis[0].MeasurementMethod", ""),
            ("Input.Kpis[0].Targets[0].Value", ""), ("Input.Kpis[0].Targets[1].Value", ""));
        var page = await member.GetPageAsync($"/proposals/{proposal.Id}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var response = await member.Http.PostAsync($"/proposals/{proposal.Id}/submit", content);
        var after = await member.GetPageAsync(response.Headers.Location!.OriginalString);

        Assert.Null(page.QuerySelector("form[action$='/submit']"));
        Assert.Contains("成果指標（KPI）が設定されていません。", after.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.Draft, await StatusAsync(proposal.Id));
    }

    [Fact]
    public async Task A_group_member_finds_the_call_from_the_theme_page()
    {
        var department = await factory.AddDepartmentAsync("テーマ課" + Guid.NewGuid().ToString("N")[..6]);
        var theme = await factory.AddAsync(new KyodoPortal.Domain.Themes.Theme(
            new KyodoPortal.Domain.Themes.ThemeDraft("高齢者の見守り", "内容", null, department.Id, Year, KyodoPortal.Domain.Themes.ThemeStatus.Open, true, [3]), "seed", DateTime.UtcNow));
        var call = new Call("見守りの協働事業", ProposalType.GroupProposal, Year, DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(10), 600_000, 300_000, 2, null);
        call.ReplaceThemes([theme.Id]);
        call.Publish();
        await factory.AddAsync(call);
        var (member, _, _) = await GroupMemberAsync();

        var themePage = await member.GetPageAsync($"/themes/{theme.Id}");
        var callPage = await member.GetPageAsync(themePage.QuerySelector("#calls-heading ~ ul a")!.GetAttribute("href")!);

        Assert.Equal("見守りの協働事業", callPage.Text("h1"));
        Assert.NotNull(callPage.QuerySelector($"a[href='/calls/{call.Id}/proposals/new']"));
    }

    [Fact]
    public async Task Returning_a_proposal_needs_a_comment()
    {
        var call = await OpenCallAsync();
        var (member, groupId, departmentId) = await GroupMemberAsync();
        var proposal = await CompleteDraftAsync(call, groupId, departmentId);
        await member.SubmitAndFollowAsync(await member.GetPageAsync($"/proposals/{proposal.Id}"), "form[action$='/submit']");
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        var page = await coordinator.SubmitAndFollowAsync(await coordinator.GetPageAsync($"/proposals/{proposal.Id}"), "form[action$='/return']", ("Comment", "  "));

        Assert.Equal("差し戻す理由を書いてください。", page.Text("[role=alert]"));
        Assert.Equal(ProposalStatus.Submitted, await StatusAsync(proposal.Id));
    }

    [Fact]
    public async Task The_print_view_shows_every_section_with_totals()
    {
        var call = await OpenCallAsync();
        var (member, groupId, departmentId) = await GroupMemberAsync();
        var proposal = await CompleteDraftAsync(call, groupId, departmentId);

        var print = await member.GetPageAsync($"/proposals/{proposal.Id}/print");

        Assert.Equal("協働事業提案書", print.Text("h1"));
        Assert.Equal(["令和9年度", "令和10年度"], print.Texts("table.budget-year caption"));
        Assert.Contains("支出合計 420,000円 ／ 収入合計 420,000円（うち市負担金 300,000円）", print.Texts("table.budget-year tr.total-row th"));
        Assert.Contains("就労者数", print.Texts("#kpi-heading ~ table th"));
    }

    [Fact]
    public async Task In_a_mutual_proposal_neither_party_can_replace_the_other()
    {
        var call = new Call("相互提案の募集", ProposalType.MutualProposal, Year, DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(10), 600_000, 300_000, 3, null);
        call.Publish();
        await factory.AddAsync(call);
        var (_, groupId, departmentId) = await GroupMemberAsync();
        var intruder = await factory.AddGroupAsync("割り込む会");
        var proposal = await factory.AddAsync(new Proposal(call, "相互の事業", groupId, departmentId, "seed", DateTime.UtcNow));
        await factory.CreateUserAsync("mutual-staff@example.jp", [KyodoRoles.DepartmentStaff], departmentId, groupId: null);
        using var staff = factory.CreatePageClient();
        await staff.SignInAsync("mutual-staff@example.jp", KyodoWebFactory.Password);

        var form = await staff.GetPageAsync($"/proposals/{proposal.Id}/edit");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Title"] = "相互の事業",
            ["Input.ProposingGroupId"] = S(intruder.Id),
            ["Input.StartFiscalYear"] = S(Year),
            ["Input.TermYears"] = "1",
            ["Input.Version"] = form.QuerySelector<IHtmlInputElement>("input[name='Input.Version']")!.Value,
        });
        using var response = await staff.Http.PostAsync($"/proposals/{proposal.Id}/edit", content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(form.QuerySelector("#Input_ProposingGroupId"));
        Assert.Null(form.QuerySelector("#Input_PartnerDepartmentId"));
        Assert.Equal(groupId, await factory.QueryAsync(db => db.Proposals.Where(p => p.Id == proposal.Id).Select(p => p.ProposingGroupId).SingleAsync()));
    }

    [Fact]
    public async Task An_over_long_withdrawal_comment_is_refused_with_a_message_not_an_error_page()
    {
        var call = await OpenCallAsync();
        var (member, groupId, departmentId) = await GroupMemberAsync();
        var proposal = await CompleteDraftAsync(call, groupId, departmentId);

        var page = await member.SubmitAndFollowAsync(await member.GetPageAsync($"/proposals/{proposal.Id}"), "form[action$='/withdraw']", ("Comment", new string('理', 1500)));

        Assert.NotNull(page.Text("[role=alert]"));
        Assert.Equal(ProposalStatus.Draft, await StatusAsync(proposal.Id));
    }

    [Fact]
    public async Task A_tampered_fiscal_year_in_the_plan_is_refused_and_nothing_is_saved()
    {
        var call = await OpenCallAsync();
        var (member, groupId, departmentId) = await GroupMemberAsync();
        var proposal = await CompleteDraftAsync(call, groupId, departmentId);

        using var response = await member.SubmitAsync(await member.GetPageAsync($"/proposals/{proposal.Id}/plan"), "main form", ("Input.Schedule[0].FiscalYear", "0"), ("Input.Schedule[0].Description", "改ざん"));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Contains("事業期間外の年度です。", page.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.DoesNotContain("改ざん", await factory.QueryAsync(db => db.Proposals.Where(p => p.Id == proposal.Id).SelectMany(p => p.ScheduleItems).Select(i => i.Description).ToListAsync()));
    }

    [Fact]
    public async Task After_a_conflict_the_second_editor_can_save_their_kept_input_deliberately()
    {
        var call = await OpenCallAsync();
        var (first, groupId, departmentId) = await GroupMemberAsync();
        var proposal = await CompleteDraftAsync(call, groupId, departmentId);
        await factory.CreateUserAsync("retry-member@example.jp", [KyodoRoles.GroupMember], departmentId: null, groupId: groupId);
        using var second = factory.CreatePageClient();
        await second.SignInAsync("retry-member@example.jp", KyodoWebFactory.Password);
        var secondForm = await second.GetPageAsync($"/proposals/{proposal.Id}/edit");
        await first.SubmitAndFollowAsync(await first.GetPageAsync($"/proposals/{proposal.Id}/edit"), "main form", ("Input.Purpose", "一人目の目的"));

        using var conflict = await second.SubmitAsync(secondForm, "main form", ("Input.Purpose", "二人目の目的"));
        var kept = await PageClient.ReadAsync(conflict, HttpStatusCode.OK);
        var saved = await second.SubmitAndFollowAsync(kept, "main form");

        Assert.Equal("保存しました。", saved.Text("[role=status]"));
        Assert.Equal("二人目の目的", await factory.QueryAsync(db => db.Proposals.Where(p => p.Id == proposal.Id).Select(p => p.Purpose).SingleAsync()));
    }
}
