using KyodoPortal.Tests.Support.Scenarios;
using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// 計画変更申請 as seed 000 should have had it: the fee dropped from 1,000円 to 0円 on the record,
/// with the reason, approved by the department and the office before the plan changes.
/// </summary>
[Trait("Category", "Database")]
public sealed class ChangeRequestTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    private const string Reason = "第1回講座の集客を優先するため参加費を無料とし、印刷代は市が負担する。";

    [Fact]
    public async Task A_free_fee_request_shows_the_fee_change_and_its_effect_on_the_budget()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await s.GroupMemberAsync();

        var page = await RequestFreeFeeAsync(member, s);

        Assert.Equal("計画変更を申請しました。担当課と協働推進担当の承認を待っています。", page.Text("[role=status]"));
        Assert.Equal("申請中", page.Text("#change-status"));
        Assert.Equal(Reason, page.Text("#change-reason"));
        Assert.StartsWith("団体（", page.Text("#change-requested-by"), StringComparison.Ordinal);
        var fee = Row(page, "#change-diff", "参加費");
        Assert.Equal("参加費", fee[0].Split(' ')[0]);
        Assert.Equal("1,000円 × 120人 = 120,000円", fee[2]);
        Assert.Equal("0円 × 120人 = 0円", fee[3]);
        Assert.Equal("\u2212120,000円", fee[4]);
        var supplies = Row(page, "#change-diff", "教材印刷費");
        Assert.Equal(["120,000円", "0円", "\u2212120,000円"], supplies[2..]);
        Assert.Equal(2, page.QuerySelectorAll("#change-diff tbody tr").Length);

        var project = await member.GetPageAsync(s.ProjectUrl);
        Assert.Equal(["変更申請 1"], project.Texts("#change-requests tbody th"));
    }

    [Fact]
    public async Task The_plan_changes_only_after_both_the_department_and_the_office_approve()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await s.GroupMemberAsync();
        var request = await RequestFreeFeeAsync(member, s);
        var url = new Uri(request.Url).AbsolutePath;

        using var staff = await s.DepartmentStaffAsync();
        var approvedOnce = await staff.SubmitAndFollowAsync(await staff.GetPageAsync(url), "#approve-form");
        Assert.Equal("変更申請を承認しました。もう一方の承認を待っています。", approvedOnce.Text("[role=status]"));
        Assert.Equal("申請中", approvedOnce.Text("#change-status"));
        Assert.Null(approvedOnce.QuerySelector("#approve-form"));
        Assert.Equal(["承認済み", "未承認"], approvedOnce.Texts("#change-approvals tbody td:nth-child(2)"));
        Assert.Equal([1], await PlanNumbersAsync(s));
        Assert.StartsWith("第1版", (await member.GetPageAsync(s.ProjectUrl)).Text("#current-plan-summary"), StringComparison.Ordinal);

        using var office = await s.CoordinatorAsync();
        var approved = await office.SubmitAndFollowAsync(await office.GetPageAsync(url), "#approve-form");
        Assert.Equal("変更申請を承認しました。計画は第2版になりました。", approved.Text("[role=status]"));
        Assert.Equal("承認", approved.Text("#change-status"));
        Assert.Equal("第2版", approved.Text("#change-result"));

        Assert.Equal([1, 2], await PlanNumbersAsync(s));
        var current = await factory.QueryAsync(db => db.ProjectPlans.AsNoTracking().SingleAsync(p => p.ProjectId == s.Project.Id && p.Number == 2));
        Assert.Equal([0L], current.Content.PlannedParticipantFees(s.FirstYear));
        Assert.Equal([1_000L], current.Content.PlannedParticipantFees(s.FirstYear + 1));

        var project = await member.GetPageAsync(s.ProjectUrl);
        Assert.StartsWith("第2版", project.Text("#current-plan-summary"), StringComparison.Ordinal);
        var deviation = Row(project, "#deviations", "参加費");
        Assert.Equal(["1,000円 × 120人 = 120,000円", "0円 × 120人 = 0円", "\u2212120,000円"], deviation[2..]);
        var plan = await member.GetPageAsync(s.ProjectUrl + "/plan");
        Assert.Equal(["第2版", "第1版"], plan.Texts("#plan-versions th[scope=row]"));
        Assert.Contains(Reason, plan.Texts("#plan-versions td"));
        var baseline = await member.GetPageAsync(s.ProjectUrl + "/plan/1");
        Assert.Equal("この版は当初計画です。", baseline.Text("#deviations-empty"));
        Assert.Contains("1,000円 × 120", baseline.Texts($"#plan-budget-{s.FirstYear} td"));
    }

    [Fact]
    public async Task A_group_member_cannot_approve_or_reject()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await s.GroupMemberAsync();
        var page = await RequestFreeFeeAsync(member, s);
        var url = new Uri(page.Url).AbsolutePath;

        Assert.Null(page.QuerySelector("#approve-form"));
        Assert.Null(page.QuerySelector("#reject-form"));
        Assert.NotNull(page.QuerySelector("#withdraw-form"));
        using var approve = await ForgedPost.SubmitAsync(member, page, url + "/approve", ("Version", "0"));
        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        using var reject = await ForgedPost.SubmitAsync(member, page, url + "/reject", ("Version", "0"), ("Comment", "不要"));
        Assert.Equal(HttpStatusCode.Forbidden, reject.StatusCode);

        var stored = await factory.QueryAsync(db => db.ChangeRequests.AsNoTracking().SingleAsync(c => c.ProjectId == s.Project.Id));
        Assert.Equal(ChangeRequestStatus.Submitted, stored.Status);
        Assert.False(stored.IsApprovedByDepartment || stored.IsApprovedByCoordinator);

        using var other = await s.OtherGroupMemberAsync();
        await other.GetPageAsync(url, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_the_requester_may_withdraw()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await s.GroupMemberAsync();
        var first = await RequestFreeFeeAsync(member, s);
        var url = new Uri(first.Url).AbsolutePath;

        using var staff = await s.DepartmentStaffAsync();
        var noReason = await staff.SubmitAndFollowAsync(await staff.GetPageAsync(url), "#reject-form", ("Comment", " "));
        Assert.Equal("却下の理由を入力してください。", noReason.Text("[role=alert]"));
        Assert.Equal("申請中", noReason.Text("#change-status"));

        var rejected = await staff.SubmitAndFollowAsync(noReason, "#reject-form", ("Comment", "収入の減少分の説明が足りません。"));
        Assert.Equal("却下", rejected.Text("#change-status"));
        Assert.Equal("収入の減少分の説明が足りません。", rejected.Text("#change-rejection-comment"));
        Assert.Null(rejected.QuerySelector("#approve-form"));

        var second = await RequestFreeFeeAsync(member, s);
        var withdrawn = await member.SubmitAndFollowAsync(second, "#withdraw-form");
        Assert.Equal("取下げ", withdrawn.Text("#change-status"));
        Assert.Equal([1], await PlanNumbersAsync(s));
    }

    [Fact]
    public async Task An_unbalanced_budget_or_no_change_is_refused_and_the_form_keeps_the_input()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var staff = await s.DepartmentStaffAsync();
        var form = await staff.GetPageAsync(s.ProjectUrl + "/changes/new");
        var fee = LineIndex(form, s.FirstYear, BudgetCategory.ParticipantFees);

        var unbalanced = await staff.SubmitAndFollowAsync(form, "main form", ($"Input.Budget.Lines[{fee}].UnitPrice", "0"), ("Input.Reason", Reason));

        Assert.Contains("収入と支出の合計が一致していません", unbalanced.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal("0", Value(unbalanced, $"Input.Budget.Lines[{fee}].UnitPrice"));
        Assert.Equal("120", Value(unbalanced, $"Input.Budget.Lines[{fee}].Quantity"));
        Assert.Equal(Reason, unbalanced.QuerySelector<IHtmlTextAreaElement>("#reason")!.Value);
        Assert.NotNull(unbalanced.QuerySelector("#budget-totals .is-unbalanced"));

        var unchanged = await staff.SubmitAndFollowAsync(form, "main form", ("Input.Reason", Reason));
        Assert.Contains("変更内容がありません。", unchanged.Text("[role=alert]"), StringComparison.Ordinal);

        var noReason = await staff.SubmitAndFollowAsync(form, "main form", ($"Input.Budget.Lines[{fee}].UnitPrice", "0"));
        Assert.NotNull(noReason.QuerySelector("[data-valmsg-for='Input.Reason']"));

        var feeAsAmount = await staff.SubmitAndFollowAsync(form, "main form", ($"Input.Budget.Lines[{fee}].UnitPrice", ""), ($"Input.Budget.Lines[{fee}].Amount", "0"), ("Input.Reason", Reason));
        Assert.Equal("参加費は単価と人数で入力してください。", feeAsAmount.Text($"[data-valmsg-for='Input.Budget.Lines[{fee}].UnitPrice']"));

        Assert.Equal(0, await factory.QueryAsync(db => db.ChangeRequests.CountAsync(c => c.ProjectId == s.Project.Id)));
    }

    [Fact]
    public async Task A_request_made_against_an_older_plan_cannot_be_approved_and_says_why()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await s.GroupMemberAsync();
        var first = await RequestFreeFeeAsync(member, s);
        var stale = await RequestFreeFeeAsync(member, s, supplies: 60_000, rentals: 60_000);

        using var staff = await s.DepartmentStaffAsync();
        using var office = await s.CoordinatorAsync();
        var firstUrl = new Uri(first.Url).AbsolutePath;
        var staleUrl = new Uri(stale.Url).AbsolutePath;
        var staleForOffice = await office.GetPageAsync(staleUrl);
        await staff.SubmitAndFollowAsync(await staff.GetPageAsync(firstUrl), "#approve-form");
        await office.SubmitAndFollowAsync(await office.GetPageAsync(firstUrl), "#approve-form");

        var page = await office.GetPageAsync(staleUrl);
        Assert.NotNull(page.QuerySelector("#change-stale"));
        Assert.Null(page.QuerySelector("#approve-form"));
        Assert.NotNull(page.QuerySelector("#reject-form"));

        // The approve button of a page opened before the plan changed is refused too.
        var late = await office.SubmitAndFollowAsync(staleForOffice, "#approve-form");
        Assert.Equal("計画が更新されたため、この変更申請は承認できません。最新の計画から申請し直してください。", late.Text("[role=alert]"));
        Assert.Equal([1, 2], await PlanNumbersAsync(s));
    }

    /// <summary>Opens the form and asks for 参加費 1,000円 → 0円 in the first year, balanced by 教材印刷費 (and optionally 会場使用料).</summary>
    [Fact]
    public async Task A_multi_party_plan_takes_a_role_for_each_party_and_the_request_compares_them_party_by_party()
    {
        var s = await ProjectScenario.CreateAsync(factory, thirdParties: true);
        var lecturer = s.LecturerGroup!.Name;
        var coSigning = s.CoSigningDepartment!.Name;
        using var member = await s.GroupMemberAsync();

        // The form's role split has a column per party of the agreement, headed by its name and kind;
        // the proposal's 団体 and 市 roles are in the group's and the department's columns.
        var form = await member.GetPageAsync(s.ProjectUrl + "/changes/new");
        string[] headings = ["項目", $"甲 {s.Group.Name}（市民活動団体）", $"乙 {s.Department.Name}（市の担当課）", $"丙 {lecturer}（市民活動団体）", $"丁 {coSigning}（市の担当課）"];
        Assert.Equal(headings, form.Texts("#role-rows thead th"));
        Assert.Equal("チラシ作成とSNS発信", Field(form, "Input.Roles[0].PartyRoles[0]"));
        Assert.Equal("広報紙への掲載", Field(form, "Input.Roles[0].PartyRoles[1]"));
        Assert.Equal("", Field(form, "Input.Roles[0].PartyRoles[2]"));

        var request = await member.SubmitAndFollowAsync(
            form,
            "main form",
            ("Input.Roles[0].PartyRoles[2]", "講師の派遣"),
            ("Input.Roles[0].PartyRoles[3]", "企業への周知"),
            ("Input.Roles[1].Task", "職場体験"),
            ("Input.Roles[1].PartyRoles[2]", "受け入れ企業の紹介"),
            ("Input.Reason", "講師の団体と産業振興課の役割を計画に書き込むため。"));
        Assert.Equal("計画変更を申請しました。担当課と協働推進担当の承認を待っています。", request.Text("[role=status]"));

        // The comparison shows before → after for each party whose role changed.
        Assert.Equal(["—", "講師の派遣"], Row(request, "#change-diff", $"役割分担「広報」 {lecturer}")[2..4]);
        Assert.Equal(["—", "企業への周知"], Row(request, "#change-diff", $"役割分担「広報」 {coSigning}")[2..4]);
        Assert.Equal(["—", "受け入れ企業の紹介"], Row(request, "#change-diff", $"役割分担「職場体験」 {lecturer}")[2..4]);
        Assert.Equal(3, request.QuerySelectorAll("#change-diff tbody tr").Length);

        var url = new Uri(request.Url).AbsolutePath;
        using var staff = await s.DepartmentStaffAsync();
        await staff.SubmitAndFollowAsync(await staff.GetPageAsync(url), "#approve-form");
        using var office = await s.CoordinatorAsync();
        await office.SubmitAndFollowAsync(await office.GetPageAsync(url), "#approve-form");

        // The new plan shows every party's role in its own column.
        var plan = await member.GetPageAsync(s.ProjectUrl + "/plan");
        Assert.Equal(headings, plan.Texts("#plan-roles thead th"));
        Assert.Equal(["広報", "チラシ作成とSNS発信", "広報紙への掲載", "講師の派遣", "企業への周知"], plan.Texts("#plan-roles tbody tr:nth-child(1) > *"));
        Assert.Equal(["職場体験", "", "", "受け入れ企業の紹介", ""], plan.Texts("#plan-roles tbody tr:nth-child(2) > *"));

        // The next request's form starts from those roles.
        form = await member.GetPageAsync(s.ProjectUrl + "/changes/new");
        Assert.Equal("企業への周知", Field(form, "Input.Roles[0].PartyRoles[3]"));
        Assert.Equal("受け入れ企業の紹介", Field(form, "Input.Roles[1].PartyRoles[2]"));
    }

    [Fact]
    public async Task A_role_in_a_column_without_a_party_is_refused()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await s.GroupMemberAsync();
        var form = await member.GetPageAsync(s.ProjectUrl + "/changes/new");

        var refused = await member.SubmitAndFollowAsync(form, "main form", ("Input.Roles[0].PartyRoles[2]", "講師の派遣"), ("Input.Reason", Reason));

        Assert.Contains("役割分担「広報」に、当事者のいない列の役割があります。", refused.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.ChangeRequests.CountAsync(c => c.ProjectId == s.Project.Id)));
    }

    private static async Task<IHtmlDocument> RequestFreeFeeAsync(PageClient client, ProjectScenario s, long supplies = 0, long? rentals = null)
    {
        var form = await client.GetPageAsync(s.ProjectUrl + "/changes/new");
        var values = new List<(string, string)>
        {
            ($"Input.Budget.Lines[{LineIndex(form, s.FirstYear, BudgetCategory.ParticipantFees)}].UnitPrice", "0"),
            ($"Input.Budget.Lines[{LineIndex(form, s.FirstYear, BudgetCategory.Supplies)}].Amount", supplies.ToString(CultureInfo.InvariantCulture)),
            ("Input.Reason", Reason),
        };
        if (rentals is { } amount)
        {
            values.Add(($"Input.Budget.Lines[{LineIndex(form, s.FirstYear, BudgetCategory.Rentals)}].Amount", amount.ToString(CultureInfo.InvariantCulture)));
        }

        return await client.SubmitAndFollowAsync(form, "main form", values.ToArray());
    }

    /// <summary>The row index of the form's budget line of <paramref name="year"/> and <paramref name="category"/>.</summary>
    private static int LineIndex(IHtmlDocument form, int year, BudgetCategory category)
    {
        for (var i = 0; ; i++)
        {
            var yearSelect = form.QuerySelector<IHtmlSelectElement>($"[name='Input.Budget.Lines[{i}].FiscalYear']")
                ?? throw new InvalidOperationException($"No {category} line for {year} on the form.");
            var categorySelect = form.QuerySelector<IHtmlSelectElement>($"[name='Input.Budget.Lines[{i}].Category']")!;
            if (yearSelect.Value == year.ToString(CultureInfo.InvariantCulture) && categorySelect.Value == category.ToString())
            {
                return i;
            }
        }
    }

    private static string? Value(IHtmlDocument page, string name) => page.QuerySelector<IHtmlInputElement>($"[name='{name}']")?.Value;

    /// <summary>The cells (area, subject, before, after, effect) of the comparison row whose subject mentions <paramref name="subject"/>.</summary>
    private static string? Field(IHtmlDocument page, string name) => page.QuerySelector($"[name='{name}']") switch
    {
        IHtmlInputElement input => input.Value,
        IHtmlTextAreaElement textArea => textArea.Value,
        _ => null,
    };

    private static string[] Row(IHtmlDocument page, string table, string subject) =>
        page.QuerySelectorAll($"{table} tbody tr")
            .Select(r => r.Children.Select(c => string.Join(' ', c.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToArray())
            .Single(cells => cells[1].Contains(subject, StringComparison.Ordinal));

    private Task<List<int>> PlanNumbersAsync(ProjectScenario s) =>
        factory.QueryAsync(db => db.ProjectPlans.AsNoTracking().Where(p => p.ProjectId == s.Project.Id).OrderBy(p => p.Number).Select(p => p.Number).ToListAsync());
}
