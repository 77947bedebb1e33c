using KyodoPortal.Tests.Support.Scenarios;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Evaluations;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Tests.Support;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// 評価・検証 through the pages: the coordinator opens a round for the project's first year,
/// committee members declare and score beside the year's materials (recused ones are blocked as
/// in screening), the group and the department self-evaluate, and the feedback reaches the group
/// only once published — and the public only when ticked.
/// </summary>
[Trait("Category", "Database")]
public sealed class EvaluationTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    private const string Strengths = "就職につながった参加者が出た。";
    private const string Issues = "参加者の集客に偏りがある。";

    private sealed record Member(PageClient Client, string UserId, string DisplayName) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    [Fact]
    public async Task The_coordinator_opens_a_round_from_the_year_page_only_once_the_annual_report_is_accepted()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var office = await s.CoordinatorAsync();

        var refused = await office.SubmitAndFollowAsync(await office.GetPageAsync(YearUrl(s)), "#evaluation form");
        Assert.Equal("この年度の事業報告が受理されてから評価を開始してください。", refused.Text(".alert--error"));
        Assert.False(await factory.QueryAsync(db => db.EvaluationRounds.AnyAsync(r => r.ProjectId == s.Project.Id)));

        await AcceptedReportAsync(s);
        var round = await office.SubmitAndFollowAsync(await office.GetPageAsync(YearUrl(s)), "#evaluation form");

        Assert.Equal("評価中", round.Text("#round-status"));
        Assert.Equal("役割分担・対等性", round.QuerySelector<IHtmlInputElement>("#row-0-name")!.Value);
        Assert.Equal("継続性", round.QuerySelector<IHtmlInputElement>("#row-6-name")!.Value);
        var again = await office.SubmitAndFollowAsync(await office.GetPageAsync(YearUrl(s)), "#evaluation form");
        Assert.Equal(new Uri(round.Url).AbsolutePath, new Uri(again.Url).AbsolutePath);
        Assert.Equal(1, await factory.QueryAsync(db => db.EvaluationRounds.CountAsync(r => r.ProjectId == s.Project.Id)));
    }

    [Fact]
    public async Task The_coordinator_edits_the_criteria_and_a_row_without_a_category_is_refused_with_the_input_kept()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var roundId = await RoundAsync(s);
        using var office = await s.CoordinatorAsync();
        var page = await office.GetPageAsync(AdminUrl(roundId));

        var refused = await office.SubmitAndFollowAsync(page, "form[action$='/criteria']", ("CriteriaForm.Rows[7].Name", "広報の工夫"), ("CriteriaForm.Rows[7].Weight", "2"), ("CriteriaForm.Rows[7].MaxPoints", "5"));
        Assert.Equal("区分を選んでください。", refused.Text("#criteria .field-validation-error"));
        Assert.Equal("広報の工夫", refused.QuerySelector<IHtmlInputElement>("#row-7-name")!.Value);

        var saved = await office.SubmitAndFollowAsync(page, "form[action$='/criteria']", ("CriteriaForm.Rows[7].Category", "Process"), ("CriteriaForm.Rows[7].Name", "広報の工夫"), ("CriteriaForm.Rows[7].Weight", "2"), ("CriteriaForm.Rows[7].MaxPoints", "5"));
        Assert.Equal("評価項目を保存しました。", saved.Text("[role=status]"));
        Assert.Equal(8, await factory.QueryAsync(db => db.EvaluationRounds.Where(r => r.Id == roundId).SelectMany(r => r.Criteria).CountAsync()));
    }

    [Fact]
    public async Task The_coordinator_assigns_committee_members_only_and_a_forged_account_is_refused_on_the_round_page()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await CommitteeMemberAsync();
        var staff = await factory.CreateUserAsync($"shokuin-{Guid.NewGuid():N}@example.jp", KyodoRoles.DepartmentStaff);
        var roundId = await RoundAsync(s);
        using var office = await s.CoordinatorAsync();
        var page = await office.GetPageAsync(AdminUrl(roundId));

        var refused = await office.SubmitAndFollowAsync(page, "#members form", ("memberUserIds", member.UserId), ("memberUserIds", staff.Id));
        Assert.Equal("評価委員として登録されている有効なアカウントだけを割り当てられます。", refused.Text(".alert--error"));
        Assert.Equal(AdminUrl(roundId), new Uri(refused.Url).AbsolutePath);
        Assert.Equal(0, await factory.QueryAsync(db => db.EvaluationRounds.Where(r => r.Id == roundId).SelectMany(r => r.Members).CountAsync()));

        var assigned = await office.SubmitAndFollowAsync(page, "#members form", ("memberUserIds", member.UserId));
        Assert.Equal("評価委員を更新しました（追加 1 名、解除 0 名）。", assigned.Text("[role=status]"));
        Assert.Equal([member.DisplayName], assigned.Texts("#progress tbody th"));
    }

    [Fact]
    public async Task An_undeclared_member_is_sent_to_declare_first()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await CommitteeMemberAsync();
        var roundId = await RoundAsync(s, member.UserId);

        using var response = await member.Client.Http.GetAsync(SheetUrl(roundId));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await member.Client.GetPageAsync(response.Headers.Location!.OriginalString);

        Assert.Equal("評価票を開く前に、この事業との利害関係の有無を申告してください。", page.Text(".alert--error"));
        Assert.NotNull(page.QuerySelector("#declaration form"));
    }

    [Fact]
    public async Task A_recused_evaluator_is_blocked_from_the_sheet_and_cannot_post_one()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await CommitteeMemberAsync();
        var roundId = await RoundAsync(s, member.UserId);
        var roundPage = await member.Client.GetPageAsync($"/evaluations/{roundId}");

        var declared = await member.Client.SubmitAndFollowAsync(roundPage, "#declaration form", ("Input.HasConflict", "true"), ("Input.Reason", "団体の理事を務めている"));
        Assert.Equal("利害関係ありと申告したため、この事業の評価には加わりません。", declared.Text("#recused"));

        await member.Client.GetPageAsync(SheetUrl(roundId), HttpStatusCode.Forbidden);
        using var posted = await member.Client.PostWithTokenAsync(declared, SheetUrl(roundId), ("Input.Criteria[0].CriterionId", "1"), ("Input.Criteria[0].Points", "5"), ("Input.Action", "submit"));
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.EvaluationSheets.AnyAsync(x => x.RoundId == roundId)));
    }

    [Fact]
    public async Task A_member_not_assigned_to_the_round_gets_not_found()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var outsider = await CommitteeMemberAsync();
        var roundId = await RoundAsync(s);

        await outsider.Client.GetPageAsync($"/evaluations/{roundId}", HttpStatusCode.NotFound);
        await outsider.Client.GetPageAsync(SheetUrl(roundId), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_member_scores_beside_the_years_report_figures_and_changes_and_submits()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await CommitteeMemberAsync();
        var roundId = await RoundAsync(s, member.UserId);
        var sheet = await DeclareNoConflictAsync(member, roundId);

        Assert.Equal("未着手", sheet.Text("#sheet-status"));
        Assert.Contains("セミナーを開催した。", sheet.Text("#accepted-report"));
        Assert.Contains("参加者数", sheet.Text("#kpis"));
        Assert.Contains("セミナー参加費", sheet.Text("#budget"));
        Assert.NotNull(sheet.QuerySelector("#activities"));
        Assert.Null(sheet.QuerySelector("#add-activity"));

        var submitted = await member.Client.SubmitAndFollowAsync(sheet, "#score-form", [.. Points(sheet, 4), new("Input.OverallComment", "着実に実施された。"), new("Input.Action", "submit")]);

        Assert.Equal("評価票を提出しました。", submitted.Text("[role=status]"));
        Assert.Equal("提出済み", submitted.Text("#sheet-status"));
        Assert.Equal("評点 80.0 点（100点満点）", submitted.Text("#own-score"));
    }

    [Fact]
    public async Task Submitting_a_sheet_with_a_criterion_left_empty_keeps_the_input_and_says_which()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await CommitteeMemberAsync();
        var roundId = await RoundAsync(s, member.UserId);
        var sheet = await DeclareNoConflictAsync(member, roundId);
        var points = Points(sheet, 3);
        points[0] = new("Input.Criteria[0].Points", string.Empty);

        var refused = await member.Client.SubmitAndFollowAsync(sheet, "#score-form", [.. points, new("Input.OverallComment", "途中"), new("Input.Action", "submit")]);

        Assert.Equal("提出するには、点数を選ぶか「該当なし」にしてください。", refused.Text(".criterion .field-validation-error"));
        Assert.Equal("途中", refused.QuerySelector<IHtmlTextAreaElement>("#overall-comment")!.Value);
        Assert.False(await factory.QueryAsync(db => db.EvaluationSheets.AnyAsync(x => x.RoundId == roundId)));
    }

    [Fact]
    public async Task A_second_tab_opened_before_the_first_save_of_a_sheet_cannot_overwrite_it()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await CommitteeMemberAsync();
        var roundId = await RoundAsync(s, member.UserId);
        var firstTab = await DeclareNoConflictAsync(member, roundId);
        var secondTab = await member.Client.GetPageAsync(SheetUrl(roundId));

        await member.Client.SubmitAndFollowAsync(firstTab, "#score-form", [.. Points(firstTab, 4), new("Input.OverallComment", "一つ目のタブ")]);
        using var response = await member.Client.SubmitAsync(secondTab, "#score-form", [.. Points(secondTab, 2), new("Input.OverallComment", "二つ目のタブ")]);
        var refused = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Contains("他の人が先に更新しました。", refused.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal("二つ目のタブ", refused.QuerySelector<IHtmlTextAreaElement>("#overall-comment")!.Value);
        Assert.Equal("一つ目のタブ", await factory.QueryAsync(db => db.EvaluationSheets.Where(x => x.RoundId == roundId).Select(x => x.OverallComment).SingleAsync()));
    }

    [Fact]
    public async Task A_second_tab_opened_before_the_first_save_of_a_self_evaluation_cannot_overwrite_it()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var roundId = await RoundAsync(s);
        using var group = await s.GroupMemberAsync();
        var firstTab = await group.GetPageAsync(SelfUrl(s));
        var secondTab = await group.GetPageAsync(SelfUrl(s));

        await group.SubmitAndFollowAsync(firstTab, "#score-form", [.. Points(firstTab, 5), new("Input.OverallComment", "一つ目のタブ")]);
        using var response = await group.SubmitAsync(secondTab, "#score-form", [.. Points(secondTab, 1), new("Input.OverallComment", "二つ目のタブ")]);
        var refused = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Contains("他の人が先に更新しました。", refused.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal("一つ目のタブ", await factory.QueryAsync(db => db.SelfEvaluations.Where(x => x.RoundId == roundId).Select(x => x.OverallComment).SingleAsync()));
    }

    [Fact]
    public async Task Self_evaluations_of_the_group_and_the_department_are_shown_beside_the_committee_scores()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await CommitteeMemberAsync();
        var roundId = await RoundAsync(s, member.UserId);
        var sheet = await DeclareNoConflictAsync(member, roundId);
        await member.Client.SubmitAndFollowAsync(sheet, "#score-form", [.. Points(sheet, 3), new("Input.Action", "submit")]);

        using var group = await s.GroupMemberAsync();
        var groupForm = await group.GetPageAsync(SelfUrl(s));
        var groupDone = await group.SubmitAndFollowAsync(groupForm, "#score-form", [.. Points(groupForm, 5), new("Input.OverallComment", "計画どおりに実施できた"), new("Input.Action", "submit")]);
        Assert.Equal("自己評価を提出しました。", groupDone.Text("[role=status]"));
        using var department = await s.DepartmentStaffAsync();
        var departmentForm = await department.GetPageAsync(SelfUrl(s));
        await department.SubmitAndFollowAsync(departmentForm, "#score-form", [.. Points(departmentForm, 4), new("Input.Action", "submit")]);

        using var office = await s.CoordinatorAsync();
        var dashboard = await office.GetPageAsync(AdminUrl(roundId));

        Assert.Contains("60.0 点（100点満点）", dashboard.Text("#committee-score"));
        Assert.Contains("（集計対象 1 票／評価予定 1 名）", dashboard.Text("#committee-score"));
        Assert.Equal(["自己評価（団体）", "自己評価（担当課）"], dashboard.Texts("#summary-table thead th").Skip(4));
        Assert.Equal("100.0", dashboard.Text(".self-score-group"));
        Assert.Equal("80.0", dashboard.Text(".self-score-department"));
        Assert.Contains("計画どおりに実施できた", dashboard.Text("#summary"));
    }

    [Fact]
    public async Task The_group_sees_the_feedback_only_after_publication_and_another_group_never()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var roundId = await RoundAsync(s);
        using var group = await s.GroupMemberAsync();
        using var other = await s.OtherGroupMemberAsync();
        using var office = await s.CoordinatorAsync();

        var before = await group.GetPageAsync(FeedbackUrl(s));
        Assert.Equal("この年度の評価結果はまだ公開されていません。", before.Text("#not-published"));
        Assert.Null(before.QuerySelector("#strengths"));

        var closed = await office.SubmitAndFollowAsync(await office.GetPageAsync(AdminUrl(roundId)), "form[action$='/close']");
        var consolidated = await office.SubmitAndFollowAsync(
            closed,
            "form[action$='/consolidation']",
            ("ConsolidationForm.Strengths", Strengths),
            ("ConsolidationForm.Issues", Issues),
            ("ConsolidationForm.Recommendation", nameof(EvaluationRecommendation.ContinueWithRevision)),
            ("ConsolidationForm.RequiredChanges", "集客の方法を見直す\n企業との連携を増やす"));
        Assert.Equal("総合評価を保存しました。", consolidated.Text("[role=status]"));
        Assert.Equal("この年度の評価結果はまだ公開されていません。", (await group.GetPageAsync(FeedbackUrl(s))).Text("#not-published"));

        var published = await office.SubmitAndFollowAsync(consolidated, "#publish-form");
        Assert.Equal("フィードバックは事業の関係者に公開されています。", published.Text("#published-state"));

        var feedback = await group.GetPageAsync(FeedbackUrl(s));
        Assert.Equal(Strengths, feedback.Text("#strengths"));
        Assert.Equal(Issues, feedback.Text("#issues"));
        Assert.Equal("改善して継続", feedback.Text("#recommendation-value"));
        Assert.Equal(["集客の方法を見直す", "企業との連携を増やす"], feedback.Texts("#required-changes li"));
        await other.GetPageAsync(FeedbackUrl(s), HttpStatusCode.NotFound);
        await other.GetPageAsync(SelfUrl(s), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_group_home_page_links_the_feedback_of_each_year_once_it_is_published()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var roundId = await RoundAsync(s);
        using var group = await s.GroupMemberAsync();
        using var other = await s.OtherGroupMemberAsync();
        using var office = await s.CoordinatorAsync();
        var link = $"#feedback-links a[href='{FeedbackUrl(s)}']";
        Assert.Null((await group.GetPageAsync("/")).QuerySelector(link));

        var closed = await office.SubmitAndFollowAsync(await office.GetPageAsync(AdminUrl(roundId)), "form[action$='/close']");
        var consolidated = await office.SubmitAndFollowAsync(
            closed,
            "form[action$='/consolidation']",
            ("ConsolidationForm.Strengths", Strengths),
            ("ConsolidationForm.Issues", Issues),
            ("ConsolidationForm.Recommendation", nameof(EvaluationRecommendation.Continue)));
        Assert.Null((await group.GetPageAsync("/")).QuerySelector(link));
        await office.SubmitAndFollowAsync(consolidated, "#publish-form");

        factory.SqlCommands.Reset();
        var home = await group.GetPageAsync("/");
        Assert.True(factory.SqlCommands.Count <= 3, $"The group's home page ran {factory.SqlCommands.Count} SQL commands.");
        Assert.Equal(
            $"{s.Project.Title} {new FiscalYear(s.FirstYear).ToJapaneseLabel()}の評価結果（フィードバック）を見る",
            home.Text(link));
        Assert.Null((await other.GetPageAsync("/")).QuerySelector(link));
    }

    [Fact]
    public async Task The_public_reads_the_feedback_only_when_the_coordinator_ticks_it()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var roundId = await RoundAsync(s);
        using var office = await s.CoordinatorAsync();
        using var anonymous = factory.CreatePageClient();
        var closed = await office.SubmitAndFollowAsync(await office.GetPageAsync(AdminUrl(roundId)), "form[action$='/close']");
        var consolidated = await office.SubmitAndFollowAsync(
            closed,
            "form[action$='/consolidation']",
            ("ConsolidationForm.Strengths", Strengths),
            ("ConsolidationForm.Issues", Issues),
            ("ConsolidationForm.Recommendation", nameof(EvaluationRecommendation.Continue)));

        var toParties = await office.SubmitAndFollowAsync(consolidated, "#publish-form");
        await anonymous.GetPageAsync($"/feedback/{roundId}", HttpStatusCode.NotFound);

        var withdrawn = await office.SubmitAndFollowAsync(toParties, "form[action$='/unpublish']");
        Assert.Equal("フィードバックの公開を取り消しました。", withdrawn.Text("[role=status]"));
        await office.SubmitAndFollowAsync(withdrawn, "#publish-form", ("toPublic", "true"));

        var page = await anonymous.GetPageAsync($"/feedback/{roundId}");
        Assert.Equal(Strengths, page.Text("#strengths"));
        Assert.Equal("継続", page.Text("#recommendation-value"));
    }

    [Fact]
    public async Task Continue_with_revision_without_what_must_change_is_refused_on_the_form()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var roundId = await RoundAsync(s);
        using var office = await s.CoordinatorAsync();
        var closed = await office.SubmitAndFollowAsync(await office.GetPageAsync(AdminUrl(roundId)), "form[action$='/close']");

        var refused = await office.SubmitAndFollowAsync(
            closed,
            "form[action$='/consolidation']",
            ("ConsolidationForm.Strengths", Strengths),
            ("ConsolidationForm.Issues", Issues),
            ("ConsolidationForm.Recommendation", nameof(EvaluationRecommendation.ContinueWithRevision)));

        Assert.Equal("「改善して継続」とする場合は、改善が必要な点を入力してください。", refused.Text("#consolidation .field-validation-error"));
        Assert.Equal(Strengths, refused.QuerySelector<IHtmlTextAreaElement>("#strengths")!.Value);
        Assert.False(await factory.QueryAsync(db => db.EvaluationRounds.Where(r => r.Id == roundId).Select(r => r.ConsolidatedAtUtc != null).SingleAsync()));
    }

    [Fact]
    public async Task The_sheet_the_round_page_and_the_feedback_stay_within_their_query_budgets()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await CommitteeMemberAsync();
        var roundId = await RoundAsync(s, member.UserId);
        await DeclareNoConflictAsync(member, roundId);
        using var office = await s.CoordinatorAsync();
        using var group = await s.GroupMemberAsync();

        var counts = new List<string>();
        var over = false;
        foreach (var (client, url, budget) in new[]
        {
            // The round lists are paged (issue 13 item 10): the count of rounds is one query more.
            (member.Client, "/evaluations", 8),
            (member.Client, $"/evaluations/{roundId}", 7),
            // The sheet, the self-evaluation and the feedback load the project aggregate: one split query more since
            // its agreement keeps a role per party (issue 13 item 7).
            (member.Client, SheetUrl(roundId), 26),
            (office, "/evaluation-admin", 9),
            (office, AdminUrl(roundId), 10),
            (group, SelfUrl(s), 11),
            (group, FeedbackUrl(s), 10),
        })
        {
            factory.SqlCommands.Reset();
            await client.GetPageAsync(url);
            counts.Add($"{url}: {factory.SqlCommands.Count} (budget {budget})");
            over |= factory.SqlCommands.Count > budget;
        }

        Assert.False(over, string.Join("\n", counts));
    }

    private static string YearUrl(ProjectScenario s) => $"{s.ProjectUrl}/years/{s.FirstYear}";

    private static string SelfUrl(ProjectScenario s) => $"{YearUrl(s)}/self-evaluation";

    private static string FeedbackUrl(ProjectScenario s) => $"{YearUrl(s)}/feedback";

    private static string AdminUrl(int roundId) => $"/evaluation-admin/{roundId}";

    private static string SheetUrl(int roundId) => $"/evaluations/{roundId}/sheet";

    private static List<KeyValuePair<string, string>> Points(IHtmlDocument form, int points) => EvaluationScenario.Points(form, points);

    private static async Task<IHtmlDocument> DeclareNoConflictAsync(Member member, int roundId)
    {
        var page = await member.Client.GetPageAsync($"/evaluations/{roundId}");
        return await member.Client.SubmitAndFollowAsync(page, "#declaration form", ("Input.HasConflict", "false"));
    }

    private async Task<Member> CommitteeMemberAsync()
    {
        var email = $"hyoka-{Guid.NewGuid():N}@example.jp";
        var user = await factory.CreateUserAsync(email, KyodoRoles.CommitteeMember);
        var client = factory.CreatePageClient();
        await client.SignInAsync(email, KyodoWebFactory.Password);
        return new Member(client, user.Id, user.DisplayName);
    }

    private static Task<int> RoundAsync(ProjectScenario s, params string[] memberUserIds) => EvaluationScenario.RoundAsync(s, memberUserIds);

    private static Task AcceptedReportAsync(ProjectScenario s) => EvaluationScenario.AcceptedReportAsync(s);
}
