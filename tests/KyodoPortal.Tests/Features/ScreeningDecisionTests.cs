using KyodoPortal.Tests.Support.Scenarios;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// The coordinator's 採否の決定 after screening closed: reasons where the ranking is departed from
/// or the passing score (75.0) is not reached, the proposal's final state, the 協働事業 of a
/// selected proposal, the notice e-mail and what the proposing side sees. The rubric is 公益性
/// (weight 3), 実現性 (2), 協働の効果 (1), 0–5 each; one committee member scores A 100.0 (a
/// two-year proposal), B 80.0 and C 60.0.
/// </summary>
[Trait("Category", "Database")]
public sealed class ScreeningDecisionTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    private const string BelowPassingReason = "地域への波及効果が大きく、予算規模も小さいため";

    [Fact]
    public async Task The_decisions_page_refuses_before_screening_is_closed()
    {
        var seed = await SeedAsync(close: false);
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        var dashboard = await coordinator.GetPageAsync($"/calls/{seed.Call.Id}/screening");
        Assert.Null(dashboard.QuerySelector($"a[href='/calls/{seed.Call.Id}/screening/decisions']"));
        var page = await coordinator.GetPageAsync($"/calls/{seed.Call.Id}/screening/decisions");

        Assert.Equal("審査を終了してから採否を決定してください。審査を終了すると順位が確定します。", page.Text("#decisions-not-ready"));
        Assert.NotNull(page.QuerySelector($"main a[href='/calls/{seed.Call.Id}/screening']"));
        Assert.Empty(page.QuerySelectorAll("form.decision-form"));
    }

    [Fact]
    public async Task Selecting_the_top_ranked_proposal_with_its_reason_creates_one_project_and_notifies_the_proposing_side()
    {
        var seed = await SeedAsync(close: true);
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        var dashboard = await coordinator.GetPageAsync($"/calls/{seed.Call.Id}/screening");
        Assert.NotNull(dashboard.QuerySelector($"a[href='/calls/{seed.Call.Id}/screening/decisions']"));
        factory.SqlCommands.Reset();
        var page = await coordinator.GetPageAsync($"/calls/{seed.Call.Id}/screening/decisions");
        Assert.True(factory.SqlCommands.Count <= 14, $"The decisions page ran {factory.SqlCommands.Count} SQL commands.");

        var rows = page.QuerySelectorAll("#decision-ranking tbody tr").Select(tr => tr.Texts("td, th")).ToList();
        Assert.Equal(["1位", seed.A.Title, seed.GroupName, "100.0", "", "未決定"], rows[0]);
        Assert.Equal(["2位", seed.B.Title, seed.GroupName, "80.0", "", "未決定"], rows[1]);
        Assert.Equal(["3位", seed.C.Title, seed.GroupName, "60.0", "合格ライン未満", "未決定"], rows[2]);
        Assert.Contains("必須", page.Text($"#decision-{seed.A.Id} label[for='decision-{seed.A.Id}-reason']"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"#decision-{seed.A.Id}-hint"));
        Assert.Equal("採択する場合は、順位や合格ラインに沿わない理由も書いてください。", page.Text($"#decision-{seed.C.Id}-hint"));

        var withoutReason = await DecideAsync(coordinator, page, seed.A.Id, selected: true, reason: "");
        Assert.Equal("採択の理由を入力してください。理由は提案団体と担当課に通知されます。", withoutReason.Text($"#decision-{seed.A.Id}-reason-error"));
        Assert.Equal(ProposalStatus.UnderScreening, await StatusAsync(seed.A.Id));

        var decided = await DecideAsync(coordinator, withoutReason, seed.A.Id, selected: true, reason: "最も評価が高く、市の課題に合致する。");

        Assert.Equal($"「{seed.A.Title}」を採択としました。協働事業（協定準備中）を作成しました。", decided.Text("[role=status]"));
        Assert.Null(decided.QuerySelector("[data-flash=warning]"));
        Assert.Equal("採択", decided.Text($"#decision-{seed.A.Id} .decision-result"));
        Assert.Null(decided.QuerySelector($"#decision-{seed.A.Id} form"));
        Assert.Equal(ProposalStatus.Selected, await StatusAsync(seed.A.Id));
        var projects = await factory.QueryAsync(db => db.Projects.AsNoTracking().Where(p => p.CallId == seed.Call.Id).ToListAsync());
        var project = Assert.Single(projects);
        Assert.Equal(
            (seed.A.Id, seed.A.Title, (int?)seed.GroupId, (int?)seed.DepartmentId, 2027, 2028, ProjectStatus.Preparing),
            (project.ProposalId, project.Title, project.ProposingGroupId, project.PartnerDepartmentId, project.StartFiscalYear, project.EndFiscalYear, project.Status));

        var notice = Assert.Single(MailsAbout(seed.A.Title));
        Assert.Equal($"【協働ポータル】選考結果のお知らせ（{seed.A.Title}）", notice.Subject);
        Assert.Contains(seed.MemberEmail, notice.To, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(seed.StaffEmail, notice.To, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("選考結果: 採択", notice.Body, StringComparison.Ordinal);
        Assert.Contains(seed.Call.Name, notice.Body, StringComparison.Ordinal);
        Assert.Contains($"/proposals/{seed.A.Id}", notice.Body, StringComparison.Ordinal);
        Assert.Contains("理由: 最も評価が高く、市の課題に合致する。", notice.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejecting_a_proposal_above_the_passing_line_in_ranking_order_needs_a_reason_which_the_group_then_reads()
    {
        var seed = await SeedAsync(close: true);
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var page = await coordinator.GetPageAsync($"/calls/{seed.Call.Id}/screening/decisions");
        page = await DecideAsync(coordinator, page, seed.A.Id, selected: true, reason: "最も評価が高い。");

        var refused = await DecideAsync(coordinator, page, seed.B.Id, selected: false, reason: "");

        Assert.Equal("不採択の理由を入力してください。理由は提案団体と担当課に通知されます。", refused.Text($"#decision-{seed.B.Id}-reason-error"));
        Assert.Equal(ProposalStatus.UnderScreening, await StatusAsync(seed.B.Id));
        Assert.Empty(MailsAbout(seed.B.Title));

        const string Reason = "予算の範囲で採択できるのは1件のため。活動計画は高く評価された。";
        var decided = await DecideAsync(coordinator, refused, seed.B.Id, selected: false, reason: Reason);
        Assert.Equal(Reason, decided.Text($"#decision-{seed.B.Id} .decision-reason"));
        Assert.Contains("理由: " + Reason, Assert.Single(MailsAbout(seed.B.Title)).Body, StringComparison.Ordinal);
        using var member = factory.CreatePageClient();
        await member.SignInAsync(seed.MemberEmail, KyodoWebFactory.Password);
        var proposalPage = await member.GetPageAsync($"/proposals/{seed.B.Id}");
        Assert.Equal("不採択", proposalPage.Text("#decision-result"));
        Assert.Equal(Reason, proposalPage.Text("#decision-reason"));
    }

    [Fact]
    public async Task Selecting_below_the_passing_score_needs_a_reason_which_the_group_then_sees_without_scores()
    {
        var seed = await SeedAsync(close: true);
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var page = await coordinator.GetPageAsync($"/calls/{seed.Call.Id}/screening/decisions");

        var refused = await DecideAsync(coordinator, page, seed.C.Id, selected: true, reason: "  ");

        Assert.Equal("合格基準点（75.0点）に満たない提案を採択するため、採択の理由を入力してください。", refused.Text($"#decision-{seed.C.Id}-reason-error"));
        Assert.True(refused.QuerySelector<IHtmlInputElement>($"#decision-{seed.C.Id}-selected")!.IsChecked);
        Assert.Equal(ProposalStatus.UnderScreening, await StatusAsync(seed.C.Id));
        Assert.False(await factory.QueryAsync(db => db.Projects.AnyAsync(p => p.CallId == seed.Call.Id)));
        Assert.Empty((await PanelAsync(seed.Call.Id)).Decisions);
        Assert.Empty(MailsAbout(seed.C.Title));

        var decided = await DecideAsync(coordinator, refused, seed.C.Id, selected: true, reason: BelowPassingReason);

        Assert.Equal("採択", decided.Text($"#decision-{seed.C.Id} .decision-result"));
        Assert.Equal(BelowPassingReason, decided.Text($"#decision-{seed.C.Id} .decision-reason"));
        Assert.Equal(ProposalStatus.Selected, await StatusAsync(seed.C.Id));
        Assert.Equal(BelowPassingReason, (await PanelAsync(seed.Call.Id)).Decisions.Single().Reason);
        Assert.Equal(seed.C.Id, (await factory.QueryAsync(db => db.Projects.SingleAsync(p => p.CallId == seed.Call.Id))).ProposalId);
        var notice = Assert.Single(MailsAbout(seed.C.Title));
        Assert.Contains(seed.MemberEmail, notice.To, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("選考結果: 採択", notice.Body, StringComparison.Ordinal);
        Assert.Contains("理由: " + BelowPassingReason, notice.Body, StringComparison.Ordinal);

        // The proposing group sees the result and the reason, not the committee's scores.
        using var member = factory.CreatePageClient();
        await member.SignInAsync(seed.MemberEmail, KyodoWebFactory.Password);
        var proposalPage = await member.GetPageAsync($"/proposals/{seed.C.Id}");
        Assert.Equal("選考結果", proposalPage.Text("#decision-heading"));
        Assert.Equal("採択", proposalPage.Text("#decision-result"));
        Assert.Equal(BelowPassingReason, proposalPage.Text("#decision-reason"));
        Assert.NotNull(proposalPage.QuerySelector("#decision-date"));
        var main = proposalPage.Text("main")!;
        Assert.DoesNotContain("60.0", main, StringComparison.Ordinal);
        Assert.DoesNotContain("得点", main, StringComparison.Ordinal);
        Assert.DoesNotContain("3位", main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deciding_out_of_ranking_order_needs_a_reason()
    {
        var seed = await SeedAsync(close: true);
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var page = await coordinator.GetPageAsync($"/calls/{seed.Call.Id}/screening/decisions");

        // 1位 not selected: nothing worse is selected yet, so it is no departure (the plain reason suffices).
        page = await DecideAsync(coordinator, page, seed.A.Id, selected: false, reason: "提案団体から辞退の申し出があったため。");
        Assert.Equal($"「{seed.A.Title}」を不採択としました。", page.Text("[role=status]"));
        Assert.Equal(ProposalStatus.NotSelected, await StatusAsync(seed.A.Id));
        Assert.Equal("採択する場合は、順位や合格ラインに沿わない理由も書いてください。", page.Text($"#decision-{seed.B.Id}-hint"));
        Assert.Contains("選考結果: 不採択", Assert.Single(MailsAbout(seed.A.Title)).Body, StringComparison.Ordinal);

        // 2位 selected while 1位 was not: out of order.
        var refused = await DecideAsync(coordinator, page, seed.B.Id, selected: true, reason: "");
        Assert.Equal("この提案より順位が上の提案（1位）が不採択のため、採択の理由を入力してください。", refused.Text($"#decision-{seed.B.Id}-reason-error"));
        Assert.Equal(ProposalStatus.UnderScreening, await StatusAsync(seed.B.Id));
        Assert.False(await factory.QueryAsync(db => db.Projects.AnyAsync(p => p.CallId == seed.Call.Id)));

        var decided = await DecideAsync(coordinator, refused, seed.B.Id, selected: true, reason: "1位の提案は辞退の申し出があったため");
        Assert.Equal("採択", decided.Text($"#decision-{seed.B.Id} .decision-result"));
        Assert.Equal(ProposalStatus.Selected, await StatusAsync(seed.B.Id));
        Assert.Equal(seed.B.Id, (await factory.QueryAsync(db => db.Projects.SingleAsync(p => p.CallId == seed.Call.Id))).ProposalId);
    }

    [Fact]
    public async Task A_second_decision_on_the_same_proposal_is_refused_and_creates_no_second_project()
    {
        var seed = await SeedAsync(close: true);
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var stale = await coordinator.GetPageAsync($"/calls/{seed.Call.Id}/screening/decisions");
        await DecideAsync(coordinator, stale, seed.A.Id, selected: true, reason: "最も評価が高い。");

        // The same (now stale) form posted again, this time as 不採択.
        var again = await DecideAsync(coordinator, stale, seed.A.Id, selected: false, reason: "やはり不採択");

        Assert.Contains("この提案の採否はすでに決定しています。", again.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.Selected, await StatusAsync(seed.A.Id));
        Assert.Equal(1, await factory.QueryAsync(db => db.Projects.CountAsync(p => p.ProposalId == seed.A.Id)));
        Assert.True(Assert.Single((await PanelAsync(seed.Call.Id)).Decisions).Selected);
        Assert.Single(MailsAbout(seed.A.Title));
    }

    [Theory]
    [InlineData(KyodoRoles.GroupMember)]
    [InlineData(KyodoRoles.DepartmentStaff)]
    [InlineData(KyodoRoles.CommitteeMember)]
    public async Task Others_than_the_coordinating_office_get_403(string role)
    {
        var seed = await SeedAsync(close: true);
        using var client = await factory.SignedInAsync(role);

        using var page = await client.Http.GetAsync($"/calls/{seed.Call.Id}/screening/decisions");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }

    private static Task<IHtmlDocument> DecideAsync(PageClient client, IHtmlDocument page, int proposalId, bool selected, string reason) =>
        client.SubmitAndFollowAsync(page, $"#decision-{proposalId} form", ("Decision.Selected", selected ? "true" : "false"), ("Decision.Reason", reason));

    private List<PickupMail> MailsAbout(string title) =>
        [.. PickupMail.ReadAll(factory.DataFolder).Where(m => m.Subject.Contains(title, StringComparison.Ordinal))];

    private Task<ProposalStatus> StatusAsync(int proposalId) =>
        factory.QueryAsync(db => db.Proposals.Where(p => p.Id == proposalId).Select(p => p.Status).SingleAsync());

    private Task<ScreeningPanel> PanelAsync(int callId) =>
        factory.QueryAsync(db => db.ScreeningPanels.AsNoTracking().AsSplitQuery().SingleAsync(p => p.CallId == callId));

    private Task<Seed> SeedAsync(bool close) => SeedAsync(factory, close);

    /// <summary>
    /// A group-proposal call (令和9年度, passing score 75.0, minimum one sheet) with proposals A
    /// (two years), B and C under screening, scored 100.0, 80.0 and 60.0 by one member through the
    /// domain; the panel is closed when <paramref name="close"/>. The group has a member account
    /// and the partner department a staff account.
    /// </summary>
    internal static async Task<Seed> SeedAsync(KyodoWebFactory factory, bool close)
    {
        var scenario = await ScreeningScenario.For(factory)
            .WithProposal("公園の花壇づくり", years: 2)
            .WithProposals("子育て相談サロン", "防災マップ作り")
            .BuildAsync();
        var (memberEmail, staffEmail) = await scenario.AddProposerAccountsAsync();
        var committee = (await scenario.AddCommitteeMembersAsync(1))[0].Id;
        await scenario.StartScreeningAsync([committee], minimumSheets: 1, passingScoreTenths: 750);
        var (a, b, c) = (scenario.Proposals[0], scenario.Proposals[1], scenario.Proposals[2]);
        await scenario.ScoreAsync(score => score
            .Submitted(committee, a.Id, 5, 5, 5)
            .Submitted(committee, b.Id, 4, 4, 4)
            .Submitted(committee, c.Id, 3, 3, 3));
        if (close)
        {
            await scenario.CloseAsync();
        }

        return new Seed(scenario.Call, a, b, c, scenario.Group.Id, scenario.GroupName, scenario.Department.Id, memberEmail, staffEmail);
    }

    internal sealed record Seed(
        Call Call, Proposal A, Proposal B, Proposal C, int GroupId, string GroupName, int DepartmentId, string MemberEmail, string StaffEmail);
}

/// <summary>The relay cannot be reached (a closed port): the decision is kept, the coordinator warned, the notice kept for resending.</summary>
[Trait("Category", "Database")]
public sealed class ScreeningDecisionMailFailureTests(UnreachableRelayFactory factory) : IClassFixture<UnreachableRelayFactory>
{
    [Fact]
    public async Task A_failed_notice_is_a_warning_and_the_decision_is_kept()
    {
        var seed = await ScreeningDecisionTests.SeedAsync(factory, close: true);
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var page = await coordinator.GetPageAsync($"/calls/{seed.Call.Id}/screening/decisions");

        var decided = await coordinator.SubmitAndFollowAsync(page, $"#decision-{seed.A.Id} form", ("Decision.Selected", "true"), ("Decision.Reason", "最も評価が高い。"));

        Assert.Equal("採否は記録しましたが、通知メールを送信できませんでした。提案団体と担当課に別の方法でお知らせください。", decided.Text("[data-flash=warning]"));
        Assert.Equal("採択", decided.Text($"#decision-{seed.A.Id} .decision-result"));
        Assert.Equal(ProposalStatus.Selected, await factory.QueryAsync(db => db.Proposals.Where(p => p.Id == seed.A.Id).Select(p => p.Status).SingleAsync()));
        Assert.Equal(1, await factory.QueryAsync(db => db.Projects.CountAsync(p => p.ProposalId == seed.A.Id)));
        var kept = Assert.Single(PickupMail.ReadUndelivered(factory.DataFolder), m => m.Subject.Contains(seed.A.Title, StringComparison.Ordinal));
        Assert.Contains(seed.MemberEmail, kept.To, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(PickupMail.ReadAll(factory.DataFolder));
    }
}
