using KyodoPortal.Tests.Support.Scenarios;
using System.Net;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static KyodoPortal.Tests.Support.Scenarios.ReportScenario;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// 事業報告 through the pages: the group creates, fills and submits the report of the seed-000
/// project's first year; the department or the office returns or accepts it; an accepted report
/// is read-only and corrected by a new revision. Each side may only do its own moves.
/// </summary>
[Trait("Category", "Database")]
public sealed class AnnualReportTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task The_group_creates_fills_and_submits_the_report_and_the_department_staff_are_mailed()
    {
        var scenario = await ProjectScenario.CreateAsync(factory);
        using var group = await scenario.GroupMemberAsync();
        using var department = await scenario.DepartmentStaffAsync();

        var before = await department.GetPageAsync(ReportUrl(scenario));
        Assert.Contains("まだ作成されていません", before.Text("#no-report"), StringComparison.Ordinal);
        Assert.Null(before.QuerySelector($"form[action='{ReportUrl(scenario)}/start']"));

        var edit = await CreateAsync(group, scenario);
        Assert.Equal("報告書を作成しました。内容を入力してから提出してください。", edit.Text("[role=status]"));
        Assert.Equal("参加者数", edit.QuerySelector("input[name='Input.Kpis[0].KpiName']")!.GetAttribute("value"));
        Assert.Equal("セミナー参加費", edit.QuerySelector("input[name='Input.Budget[1].Item']")!.GetAttribute("value"));

        var draft = await group.GetPageAsync(ReportUrl(scenario));
        Assert.Equal("下書き", draft.Text("#report-status"));
        Assert.Contains("実施内容の概要が入力されていません。", draft.Texts("#submission-problems li"));
        Assert.Null(draft.QuerySelector("#submit-form"));
        using (var incomplete = await PostAsync(group, draft, ReportUrl(scenario) + "/submit", ("Submit.Version", "0")))
        {
            var refused = await PageClient.ReadAsync(incomplete, HttpStatusCode.OK);
            Assert.Contains("実施内容の概要が入力されていません。", refused.Texts(".validation-summary-errors li"));
            Assert.Equal("下書き", refused.Text("#report-status"));
        }


        var saved = await FillAsync(group, scenario);
        Assert.Equal("報告を保存しました。", saved.Text("[role=status]"));
        Assert.Equal(Summary, saved.Text("#section-summary"));
        var kpi = saved.QuerySelector("#kpi-results tbody tr")!.Texts("th, td");
        Assert.Equal(["参加者数", "120人", "42人", "35.0%", "参加者名簿", ""], kpi);
        var fee = saved.QuerySelectorAll("#budget-execution tbody tr").Single(r => r.TextContent.Contains("セミナー参加費", StringComparison.Ordinal)).Texts("th, td");
        Assert.Equal(["参加費（セミナー参加費）", "120,000円", "0円", "-120,000円", "-100.0%", FeeNote], fee);

        var submitted = await SubmitAsync(group, scenario);
        Assert.Equal("報告を提出しました。担当課に通知しました。", submitted.Text("[role=status]"));
        Assert.Equal("提出済み", submitted.Text("#report-status"));
        Assert.Null(submitted.QuerySelector("#edit-report"));
        Assert.Contains("下書き → 提出済み", submitted.Text("#history tbody tr"), StringComparison.Ordinal);

        var stored = await ReportAsync(scenario);
        Assert.Equal(AnnualReportStatus.Submitted, stored.Status);
        Assert.Equal(42m, stored.KpiActuals.Single().ActualValue);
        Assert.Equal(5, stored.BudgetActuals.Count);
        Assert.Equal(FeeNote, stored.BudgetActuals.Single(b => b.Category == BudgetCategory.ParticipantFees).Note);

        var mail = Assert.Single(PickupMail.ReadAll(factory.DataFolder), m => m.Subject.Contains(scenario.Project.Title, StringComparison.Ordinal) && m.Subject.Contains("提出されました", StringComparison.Ordinal));
        Assert.Contains(scenario.DepartmentStaffEmail, mail.To, StringComparison.Ordinal);
        Assert.DoesNotContain(scenario.GroupMemberEmail, mail.To, StringComparison.Ordinal);
        Assert.Contains(ReportUrl(scenario), mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_save_keeps_the_input_and_stores_nothing_and_a_stale_form_is_refused()
    {
        var scenario = await ProjectScenario.CreateAsync(factory);
        using var group = await scenario.GroupMemberAsync();
        var edit = await CreateAsync(group, scenario);

        using var invalid = await group.SubmitAsync(edit, "#report-form", ("Input.Summary", Summary), ("Input.Budget[5].Category", "OtherExpense"), ("Input.Budget[5].ActualAmount", "-5"));
        var again = await PageClient.ReadAsync(invalid, HttpStatusCode.OK);
        Assert.Equal(Summary, again.QuerySelector("#Input_Summary")!.TextContent);
        Assert.NotNull(again.Text("[data-valmsg-for='Input.Budget[5].ActualAmount']"));
        Assert.Equal("OtherExpense", again.QuerySelector("select[name='Input.Budget[5].Category'] option[selected]")!.GetAttribute("value"));
        Assert.Null((await ReportAsync(scenario)).Summary);

        var first = await group.GetPageAsync(ReportUrl(scenario) + "/edit");
        var second = await group.GetPageAsync(ReportUrl(scenario) + "/edit");
        await group.SubmitAndFollowAsync(first, "#report-form", ("Input.Summary", "先に保存した概要"));
        using var stale = await group.SubmitAsync(second, "#report-form", ("Input.Summary", "後から保存した概要"));
        var conflict = await PageClient.ReadAsync(stale, HttpStatusCode.OK);
        Assert.Contains("他の人が先に更新しました。", conflict.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal("後から保存した概要", conflict.QuerySelector("#Input_Summary")!.TextContent);
        Assert.Equal("先に保存した概要", (await ReportAsync(scenario)).Summary);
    }

    [Fact]
    public async Task Only_the_group_edits_and_submits_the_department_is_refused()
    {
        var scenario = await ProjectScenario.CreateAsync(factory);
        using var group = await scenario.GroupMemberAsync();
        await CreateAsync(group, scenario);
        await FillAsync(group, scenario);
        using var department = await scenario.DepartmentStaffAsync();

        var page = await department.GetPageAsync(ReportUrl(scenario));
        Assert.Equal("下書き", page.Text("#report-status"));
        Assert.Null(page.QuerySelector("#submit-form"));
        Assert.Null(page.QuerySelector("#edit-report"));
        using var edit = await department.Http.GetAsync(ReportUrl(scenario) + "/edit");
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await PostStatusAsync(department, page, ReportUrl(scenario) + "/submit", ("Submit.Version", "0")));
        Assert.Equal(HttpStatusCode.Forbidden, await PostStatusAsync(department, page, ReportUrl(scenario) + "/edit", ("Input.Summary", "担当課が書き換え")));
        Assert.Equal(HttpStatusCode.Forbidden, await PostStatusAsync(department, page, ReportUrl(scenario) + "/start"));

        var stored = await ReportAsync(scenario);
        Assert.Equal(AnnualReportStatus.Draft, stored.Status);
        Assert.Equal(Summary, stored.Summary);
    }

    [Fact]
    public async Task Only_the_department_or_the_office_returns_or_accepts_and_a_return_needs_a_comment()
    {
        var scenario = await ProjectScenario.CreateAsync(factory);
        await SubmittedAsync(scenario);
        using var group = await scenario.GroupMemberAsync();
        using var department = await scenario.DepartmentStaffAsync();

        var groupPage = await group.GetPageAsync(ReportUrl(scenario));
        Assert.Null(groupPage.QuerySelector("#return-form"));
        Assert.Null(groupPage.QuerySelector("#accept-form"));
        var version = groupPage.QuerySelector("input[name='Submit.Version']")?.GetAttribute("value") ?? "1";
        Assert.Equal(HttpStatusCode.Forbidden, await PostStatusAsync(group, groupPage, ReportUrl(scenario) + "/return", ("Return.Comment", "自分で差戻し"), ("Return.Version", version)));
        Assert.Equal(HttpStatusCode.Forbidden, await PostStatusAsync(group, groupPage, ReportUrl(scenario) + "/accept", ("Accept.Version", version)));
        Assert.Equal(AnnualReportStatus.Submitted, (await ReportAsync(scenario)).Status);

        var review = await department.GetPageAsync(ReportUrl(scenario));
        using var noComment = await department.SubmitAsync(review, "#return-form", ("Return.Comment", "  "));
        var refused = await PageClient.ReadAsync(noComment, HttpStatusCode.OK);
        Assert.Equal("差戻しの理由を入力してください。", refused.Text("[data-valmsg-for='Return.Comment']"));
        Assert.Equal(AnnualReportStatus.Submitted, (await ReportAsync(scenario)).Status);

        var returned = await department.SubmitAndFollowAsync(review, "#return-form", ("Return.Comment", "参加費を徴収しなかった理由を概要にも書いてください。"));
        Assert.Equal("差戻し", returned.Text("#report-status"));
        var returnMail = Assert.Single(PickupMail.ReadAll(factory.DataFolder), m => m.Subject.Contains(scenario.Project.Title, StringComparison.Ordinal) && m.Subject.Contains("差し戻されました", StringComparison.Ordinal));
        Assert.Contains(scenario.GroupMemberEmail, returnMail.To, StringComparison.Ordinal);
        Assert.Contains("参加費を徴収しなかった理由", returnMail.Body, StringComparison.Ordinal);

        // The group edits the returned report and resubmits it.
        var edit = await group.GetPageAsync(ReportUrl(scenario) + "/edit");
        await group.SubmitAndFollowAsync(edit, "#report-form", ("Input.Summary", Summary + "参加費は無料とした。"));
        var resubmitted = await group.SubmitAndFollowAsync(await group.GetPageAsync(ReportUrl(scenario)), "#submit-form", ("Resubmit.Comment", "概要に追記しました。"));
        Assert.Equal("再提出", resubmitted.Text("#report-status"));

        using var office = await scenario.CoordinatorAsync();
        var accepted = await office.SubmitAndFollowAsync(await office.GetPageAsync(ReportUrl(scenario)), "#accept-form");
        Assert.Equal("報告を受理しました。団体に通知しました。", accepted.Text("[role=status]"));
        Assert.Equal("受理", accepted.Text("#report-status"));
        Assert.Equal(
            ["下書き → 提出済み", "提出済み → 差戻し", "差戻し → 再提出", "再提出 → 受理"],
            accepted.QuerySelectorAll("#history tbody tr").Select(r => r.Texts("td")[1]).ToList());
        Assert.Equal(AnnualReportStatus.Accepted, (await ReportAsync(scenario)).Status);
    }

    [Fact]
    public async Task The_department_comments_and_rates_a_submitted_report()
    {
        var scenario = await ProjectScenario.CreateAsync(factory);
        await SubmittedAsync(scenario);
        using var department = await scenario.DepartmentStaffAsync();

        var page = await department.SubmitAndFollowAsync(
            await department.GetPageAsync(ReportUrl(scenario)),
            "#comment-form",
            ("Department.Comment", "参加者は少ないが、4人が就職につながった。"),
            ("Department.Rating", nameof(DepartmentRating.Fair)));

        Assert.Equal("担当課のコメントを保存しました。", page.Text("[role=status]"));
        Assert.Equal("おおむね良好", page.Text("#department-rating"));
        Assert.Equal("参加者は少ないが、4人が就職につながった。", page.Text("#department-comment"));
        using var group = await scenario.GroupMemberAsync();
        var groupPage = await group.GetPageAsync(ReportUrl(scenario));
        Assert.Null(groupPage.QuerySelector("#comment-form"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostStatusAsync(group, groupPage, ReportUrl(scenario) + "/comment", ("Department.Comment", "自画自賛")));
        Assert.Equal(DepartmentRating.Fair, (await ReportAsync(scenario)).DepartmentRating);
    }

    [Fact]
    public async Task An_accepted_report_is_read_only_and_a_correction_is_revision_2_with_the_reason()
    {
        var scenario = await ProjectScenario.CreateAsync(factory);
        await SubmittedAsync(scenario);
        using var department = await scenario.DepartmentStaffAsync();
        await department.SubmitAndFollowAsync(await department.GetPageAsync(ReportUrl(scenario)), "#accept-form", ("Accept.Comment", "確認しました。"));
        using var group = await scenario.GroupMemberAsync();

        var page = await group.GetPageAsync(ReportUrl(scenario));
        Assert.Equal("受理", page.Text("#report-status"));
        Assert.Null(page.QuerySelector("#edit-report"));
        using var edit = await group.Http.GetAsync(ReportUrl(scenario) + "/edit");
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await PostStatusAsync(group, page, ReportUrl(scenario) + "/edit", ("Input.Summary", "受理後の書き換え"), ("Input.Version", "99")));
        Assert.Equal(Summary, (await ReportAsync(scenario)).Summary);

        using var noReason = await group.SubmitAsync(page, "#correction-form", ("Correction.Reason", ""));
        var refused = await PageClient.ReadAsync(noReason, HttpStatusCode.OK);
        Assert.NotNull(refused.Text("[data-valmsg-for='Correction.Reason']"));

        const string reason = "参加者数を名簿と照合し直したため";
        var corrected = await group.SubmitAndFollowAsync(page, "#correction-form", ("Correction.Reason", reason));
        Assert.Equal("訂正版（第2版）を作成しました。受理済みの報告はそのまま残ります。", corrected.Text("[role=status]"));
        Assert.Equal("下書き", corrected.Text("#report-status"));
        Assert.Equal(reason, corrected.Text("#correction-reason .prewrap"));
        Assert.Equal(["第1版", "受理"], corrected.QuerySelector("#revisions tbody tr")!.Texts("th, td").Take(2));
        Assert.Equal(Summary, corrected.Text("#section-summary"));
        Assert.NotNull(corrected.QuerySelector("#edit-report"));

        var revisions = await factory.QueryAsync(db => db.AnnualReports.AsNoTracking().AsSplitQuery()
            .Where(r => r.ProjectId == scenario.Project.Id).OrderBy(r => r.Revision).ToListAsync());
        Assert.Equal([1, 2], revisions.Select(r => r.Revision));
        Assert.Equal(AnnualReportStatus.Accepted, revisions[0].Status);
        Assert.Equal(AnnualReportStatus.Draft, revisions[1].Status);
        Assert.Equal(reason, revisions[1].CorrectionReason);
        Assert.Equal(revisions[0].Id, revisions[1].CorrectionOfReportId);
        Assert.Equal(42m, revisions[1].KpiActuals.Single().ActualValue);
    }

    [Fact]
    public async Task Another_groups_member_gets_404_on_the_draft_report_its_form_and_its_print()
    {
        var scenario = await ProjectScenario.CreateAsync(factory);
        using var group = await scenario.GroupMemberAsync();
        await CreateAsync(group, scenario);
        using var other = await scenario.OtherGroupMemberAsync();

        foreach (var url in new[] { ReportUrl(scenario), ReportUrl(scenario) + "/edit", ReportUrl(scenario) + "/print" })
        {
            using var response = await other.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var home = await other.GetPageAsync("/");
        Assert.Equal(HttpStatusCode.NotFound, await PostStatusAsync(other, home, ReportUrl(scenario) + "/submit", ("Submit.Version", "0")));
    }

    [Fact]
    public async Task A_year_outside_the_term_is_404_and_the_print_view_shows_the_report()
    {
        var scenario = await ProjectScenario.CreateAsync(factory);
        await SubmittedAsync(scenario);
        using var office = await scenario.CoordinatorAsync();

        using var outside = await office.Http.GetAsync(ReportUrl(scenario, scenario.FirstYear + 5));
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        var print = await office.GetPageAsync(ReportUrl(scenario) + "/print");
        Assert.Equal("協働事業 事業報告書", print.Text("h1"));
        Assert.Equal("提出済み", print.Text("#print-status"));
        Assert.Equal(Summary, print.Text("#section-summary"));
    }

    private Task<AnnualReport> ReportAsync(ProjectScenario scenario) =>
        factory.QueryAsync(db => db.AnnualReports.AsNoTracking().AsSplitQuery()
            .Where(r => r.ProjectId == scenario.Project.Id)
            .OrderByDescending(r => r.Revision)
            .FirstAsync());
}

/// <summary>The notice cannot be sent (the relay is down): the move is kept and the group warned on the report page.</summary>
[Trait("Category", "Database")]
public sealed class AnnualReportMailFailureTests(UnreachableRelayFactory factory) : IClassFixture<UnreachableRelayFactory>
{
    [Fact]
    public async Task A_failed_notice_is_a_warning_and_the_submission_is_kept()
    {
        var scenario = await ProjectScenario.CreateAsync(factory);
        using var group = await scenario.GroupMemberAsync();
        await CreateAsync(group, scenario);
        await FillAsync(group, scenario);

        var submitted = await SubmitAsync(group, scenario);

        Assert.Equal("報告を提出しました。担当課に通知しました。", submitted.Text("[role=status]"));
        Assert.Equal("操作は記録しましたが、通知メールを送信できませんでした。相手に別の方法でお知らせください。", submitted.Text("[data-flash=warning]"));
        Assert.Equal("提出済み", submitted.Text("#report-status"));
        Assert.Equal(AnnualReportStatus.Submitted, await factory.QueryAsync(db => db.AnnualReports.Where(r => r.ProjectId == scenario.Project.Id).Select(r => r.Status).SingleAsync()));
    }
}
