using KyodoPortal.Tests.Support.Scenarios;
using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// 継続審査 (/continuation): a two-year project is due in its second year until September 1 and
/// overdue after it, or once its term has passed without a decision; the coordinator's decision
/// extends the term (the next year can then be planned) or ends it, and the project is closed
/// with its outcome. Each test runs the app on its own clock.
/// </summary>
[Trait("Category", "Database")]
public sealed class ContinuationReviewTests
{
    private const string Reasons = "2年間の報告から就職につながった参加者が増えており、3年目で企業紹介を定着させる。";

    [Fact]
    public async Task A_project_is_not_due_in_its_first_year_due_in_its_last_year_until_September_1_and_overdue_after_it_and_past_its_term()
    {
        var clock = new AdjustableClock(DateTimeOffset.UtcNow);
        using var factory = new KyodoWebFactory().WithClock(clock);
        var s = await ProjectScenario.CreateAsync(factory);
        var lastYear = Wareki(s.FirstYear + 1);
        var term = $"{Wareki(s.FirstYear)}年度〜{lastYear}年度";
        clock.Set(JapanTime(s.FirstYear + 1, 3, 31));
        using (var office = await s.CoordinatorAsync())
        {
            var firstYear = await office.GetPageAsync("/continuation");
            Assert.Null(firstYear.QuerySelector($"tr[data-project='{s.Project.Id}']"));
            Assert.NotNull(firstYear.QuerySelector("#no-due"));
            Assert.NotNull(firstYear.QuerySelector("#no-overdue"));
        }

        clock.Set(JapanTime(s.FirstYear + 1, 9, 1));
        using (var office = await s.CoordinatorAsync())
        {
            var due = await office.GetPageAsync("/continuation");
            Assert.Equal([s.Project.Title, s.Group.Name, s.Department.Name, term, $"{lastYear}年9月1日", "0日"], due.QuerySelector($"#due tr[data-project='{s.Project.Id}']")!.Texts("th, td"));
            Assert.NotNull(due.QuerySelector("#no-overdue"));
        }

        clock.Set(JapanTime(s.FirstYear + 1, 9, 2));
        using (var office = await s.CoordinatorAsync())
        {
            var late = await office.GetPageAsync("/continuation");
            Assert.Equal([s.Project.Title, s.Group.Name, s.Department.Name, term, $"{lastYear}年9月1日", "1日"], late.QuerySelector($"#overdue tr[data-project='{s.Project.Id}']")!.Texts("th, td"));
            Assert.NotNull(late.QuerySelector("#no-due"));
        }

        clock.Set(JapanTime(s.FirstYear + 2, 4, 10));
        using (var office = await s.CoordinatorAsync())
        {
            var pastTerm = await office.GetPageAsync("/continuation");
            var row = pastTerm.QuerySelector($"#overdue tr[data-project='{s.Project.Id}']")!;
            Assert.Equal(term + " 期間終了", row.Texts("td")[2]);
            Assert.Equal($"/projects/{s.Project.Id}/continuation", row.QuerySelector("a")!.GetAttribute("href"));
            var review = await office.GetPageAsync($"/projects/{s.Project.Id}/continuation");
            Assert.Equal("期限切れ（未決定）", review.Text("#review-state"));
            Assert.NotNull(review.QuerySelector("#decision-form"));
        }
    }

    [Fact]
    public async Task The_next_year_cannot_be_planned_until_an_extension_is_decided_and_then_it_can()
    {
        var clock = new AdjustableClock(DateTimeOffset.UtcNow);
        using var factory = new KyodoWebFactory().WithClock(clock);
        var s = await ProjectScenario.CreateAsync(factory);
        var third = s.FirstYear + 2;
        clock.Set(JapanTime(s.FirstYear + 1, 6, 1));
        using var member = await s.GroupMemberAsync();
        var before = await member.GetPageAsync(s.ProjectUrl + "/changes/new");
        Assert.DoesNotContain(third.ToString(CultureInfo.InvariantCulture), YearOptions(before));

        var refused = await member.SubmitAndFollowAsync(before, "main form", ThirdYearBudget(before, third));
        Assert.Contains("事業期間の後の年度は、継続審査で事業期間の延長が決定されるまで計画・記録できません。", refused.Texts("[role=alert] li"));

        using var office = await s.CoordinatorAsync();
        var decided = await office.SubmitAndFollowAsync(
            await office.GetPageAsync($"/projects/{s.Project.Id}/continuation"),
            "#decision-form",
            ("Input.Outcome", "Extend"),
            ("Input.ExtendByYears", "1"),
            ("Input.Reasons", Reasons));

        Assert.Equal($"事業期間を{Wareki(third)}年度まで延長しました。", decided.Text("[role=status]"));
        Assert.StartsWith($"{Wareki(s.FirstYear)}年度〜{Wareki(third)}年度", decided.Text("#project-term"), StringComparison.Ordinal);
        Assert.StartsWith("延長 1年度延長", decided.Text("#continuation-decisions li p"), StringComparison.Ordinal);
        Assert.Equal(Reasons, decided.Text("#continuation-decisions .decision-reasons"));
        Assert.Null(decided.QuerySelector("#decision-form"));
        Assert.Equal(third, (await s.ReloadAsync()).EndFiscalYear);

        var after = await member.GetPageAsync(s.ProjectUrl + "/changes/new");
        Assert.Contains(third.ToString(CultureInfo.InvariantCulture), YearOptions(after));
        var requested = await member.SubmitAndFollowAsync(after, "main form", ThirdYearBudget(after, third));
        Assert.Equal("計画変更を申請しました。担当課と協働推進担当の承認を待っています。", requested.Text("[role=status]"));
        var project = await member.GetPageAsync(s.ProjectUrl);
        Assert.StartsWith("延長", project.Text("#continuation-decisions li p"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_that_ran_from_Heisei_29_is_extended_into_a_past_year_and_ended_with_the_real_decision_dates_shown_as_entered_afterwards()
    {
        using var factory = new KyodoWebFactory();
        var current = FiscalYear.Of(DateTimeOffset.UtcNow).StartYear;
        var s = await ProjectScenario.CreateAsync(factory, yearsAgo: current - 2017);
        var recordedOn = JapaneseFormat.WarekiDate(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)));
        using var office = await s.CoordinatorAsync();
        var url = $"/projects/{s.Project.Id}/continuation";
        var review = await office.GetPageAsync(url);
        Assert.Equal("期限切れ（未決定）", review.Text("#review-state"));

        var extended = await office.SubmitAndFollowAsync(review, "#decision-form",
            ("Input.Outcome", "Extend"), ("Input.ExtendByYears", "1"), ("Input.Reasons", Reasons), ("Input.DecidedOn", "2018-09-01"));

        Assert.Equal("事業期間を令和元年度まで延長しました。", extended.Text("[role=status]"));
        Assert.StartsWith("平成29年度〜令和元年度", extended.Text("#project-term"), StringComparison.Ordinal);
        var entry = extended.Text("#continuation-decisions li[data-decision='1'] p")!;
        Assert.Contains("平成30年9月1日決定", entry, StringComparison.Ordinal);
        Assert.Contains($"（{recordedOn}に事後入力）", entry, StringComparison.Ordinal);

        var tooEarly = await office.SubmitAndFollowAsync(extended, "#decision-form",
            ("Input.Outcome", "End"), ("Input.Reasons", "3年間で目標を達成した。"), ("Input.DecidedOn", "2019-03-15"));
        Assert.Contains("決定日は事業期間の最終年度（令和元年度）の4月1日（平成31年4月1日）以降の日付を入力してください。", tooEarly.Texts("[role=alert] li"));

        var ended = await office.SubmitAndFollowAsync(tooEarly, "#decision-form", ("Input.DecidedOn", "2019-08-20"));
        Assert.Equal("終了が決定済み", ended.Text("#review-state"));
        Assert.Contains("令和元年8月20日決定", ended.Text("#continuation-decisions li[data-decision='2'] p"), StringComparison.Ordinal);
        var stored = await s.ReloadAsync();
        Assert.Equal(
            [(ContinuationOutcome.Extend, new DateOnly(2018, 9, 1)), (ContinuationOutcome.End, new DateOnly(2019, 8, 20))],
            stored.ContinuationDecisions.Select(d => (d.Outcome, d.DecidedOn)));
        Assert.All(stored.ContinuationDecisions, d => Assert.True(d.DecidedAtUtc > DateTime.UtcNow.AddHours(-1)));
        var projectPage = await office.GetPageAsync(s.ProjectUrl);
        Assert.Contains($"（{recordedOn}に事後入力）", projectPage.Text("#continuation-decisions"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_extension_beyond_the_maximum_is_refused_without_an_exception_and_its_reason()
    {
        var clock = new AdjustableClock(DateTimeOffset.UtcNow);
        using var factory = new KyodoWebFactory().WithClock(clock);
        var s = await ProjectScenario.CreateAsync(factory);
        clock.Set(JapanTime(s.FirstYear + 1, 6, 1));
        using var office = await s.CoordinatorAsync();
        var url = $"/projects/{s.Project.Id}/continuation";

        var beyond = await office.SubmitAndFollowAsync(await office.GetPageAsync(url), "#decision-form", ("Input.Outcome", "Extend"), ("Input.ExtendByYears", "4"), ("Input.Reasons", Reasons));
        Assert.Contains("延長すると事業期間が通算6年度となり、上限の5年度を超えます。特例として延長する場合は、特例の理由を入力してください。", beyond.Texts("[role=alert] li"));
        Assert.Equal(Reasons, beyond.QuerySelector<IHtmlTextAreaElement>("#Input_Reasons")!.Value);

        var noReason = await office.SubmitAndFollowAsync(beyond, "#decision-form", ("Input.Exception", "true"));
        Assert.Equal("'特例の理由' を入力してください。", noReason.Text("[data-valmsg-for='Input.ExceptionReason']"));
        Assert.Equal(s.FirstYear + 1, (await s.ReloadAsync()).EndFiscalYear);

        var granted = await office.SubmitAndFollowAsync(noReason, "#decision-form", ("Input.Exception", "true"), ("Input.ExceptionReason", "国の交付金事業の期間に合わせるため。"));
        Assert.Equal("特例", granted.Text("#continuation-decisions .badge"));
        Assert.Equal("特例の理由: 国の交付金事業の期間に合わせるため。", granted.Text("#continuation-decisions .decision-exception"));
        Assert.Equal(s.FirstYear + 5, (await s.ReloadAsync()).EndFiscalYear);
    }

    [Fact]
    public async Task After_an_end_decision_the_coordinator_closes_the_project_and_it_becomes_a_read_only_case()
    {
        var clock = new AdjustableClock(DateTimeOffset.UtcNow);
        using var factory = new KyodoWebFactory().WithClock(clock);
        var s = await ProjectScenario.CreateAsync(factory);
        clock.Set(JapanTime(s.FirstYear + 1, 10, 1));
        using var office = await s.CoordinatorAsync();
        var ended = await office.SubmitAndFollowAsync(
            await office.GetPageAsync($"/projects/{s.Project.Id}/continuation"),
            "#decision-form",
            ("Input.Outcome", "End"),
            ("Input.Reasons", "目標を達成し、団体の自主事業として続けられるため。"));
        Assert.Equal("事業の終了を決定しました。成果をまとめて終了の手続きをしてください。", ended.Text("[role=status]"));
        Assert.Equal("終了が決定済み", ended.Text("#review-state"));
        var dashboard = await office.GetPageAsync("/continuation");
        Assert.NotNull(dashboard.QuerySelector($"#to-close li[data-project='{s.Project.Id}']"));

        var form = await office.GetPageAsync($"/projects/{s.Project.Id}/close");
        Assert.Equal(["Success", "PartiallyAchieved"], form.QuerySelectorAll("input[name='Input.Outcome']").Select(i => i.GetAttribute("value")!));
        var missing = await office.SubmitAndFollowAsync(form, "#close-form", ("Input.Outcome", "Success"), ("Input.Summary", "就職者10人。"));
        Assert.Equal("'教訓' を入力してください。", missing.Text("[data-valmsg-for='Input.Lessons']"));
        Assert.Equal("就職者10人。", missing.QuerySelector<IHtmlTextAreaElement>("#Input_Summary")!.Value);

        var closed = await office.SubmitAndFollowAsync(missing, "#close-form", ("Input.Lessons", "企業との連携は1年目から始める。"));

        Assert.Equal("協働事業を終了しました。事例集に事例として載ります。", closed.Text("[role=status]"));
        Assert.Equal("成功", closed.Text("#case-outcome"));
        Assert.Equal("就職者10人。", closed.Text("#case-summary"));
        Assert.Equal("企業との連携は1年目から始める。", closed.Text("#case-lessons"));
        Assert.Equal("非公開", closed.Text("#case-published"));
        using var member = await s.GroupMemberAsync();
        Assert.Equal("終了", (await member.GetPageAsync(s.ProjectUrl)).Text("#project-status"));
        await member.GetPageAsync(s.ProjectUrl + "/changes/new", HttpStatusCode.Forbidden);
        using var refused = await member.Http.GetAsync(s.ProjectUrl + $"/activities/new?fy={s.FirstYear + 1}");
        var activity = await member.GetPageAsync(refused.Headers.Location!.OriginalString);
        Assert.Equal("終了した協働事業では実施記録を登録・修正できません。", activity.Text("[role=alert]"));
        Assert.Null((await office.GetPageAsync("/continuation")).QuerySelector($"[data-project='{s.Project.Id}']"));
    }

    [Fact]
    public async Task Without_an_end_decision_a_project_can_only_be_closed_as_ended_early_with_a_reason()
    {
        using var factory = new KyodoWebFactory();
        var s = await ProjectScenario.CreateAsync(factory);
        using var office = await s.CoordinatorAsync();
        var form = await office.GetPageAsync($"/projects/{s.Project.Id}/close");
        Assert.Equal(["EndedEarly"], form.QuerySelectorAll("input[name='Input.Outcome']").Select(i => i.GetAttribute("value")!));

        var forged = await office.SubmitAndFollowAsync(form, "#close-form", ("Input.Outcome", "Success"), ("Input.Summary", "途中まで実施。"), ("Input.Lessons", "講師を複数確保する。"));
        Assert.Contains("継続審査で終了が決定されていないため、「途中終了」として理由を入力してください。", forged.Texts("[role=alert] li"));

        var closed = await office.SubmitAndFollowAsync(forged, "#close-form", ("Input.Outcome", "EndedEarly"), ("Input.EarlyEndReason", "講師が確保できなくなった。"));

        Assert.Equal("途中終了", closed.Text("#case-outcome"));
        Assert.Equal("講師が確保できなくなった。", closed.Text("#case-early-end-reason"));
    }

    [Fact]
    public async Task A_closed_project_still_owes_the_reports_of_its_term_and_the_group_can_write_them()
    {
        var clock = new AdjustableClock(DateTimeOffset.UtcNow);
        using var factory = new KyodoWebFactory().WithClock(clock);
        var s = await ProjectScenario.CreateAsync(factory);
        await ContinuationScenario.CloseAsync(s, ProjectOutcome.Success);
        clock.Set(JapanTime(s.FirstYear + 2, 6, 1));

        using var office = await s.CoordinatorAsync();
        var overdue = await office.GetPageAsync("/reports/overdue");
        Assert.Equal(
            [s.FirstYear.ToString(CultureInfo.InvariantCulture), (s.FirstYear + 1).ToString(CultureInfo.InvariantCulture)],
            overdue.QuerySelectorAll($"#overdue tr[data-project='{s.Project.Id}']").Select(r => r.GetAttribute("data-year")!));

        using var member = await s.GroupMemberAsync();
        var lastYear = $"/projects/{s.Project.Id}/reports/{s.FirstYear + 1}";
        var edit = await member.SubmitAndFollowAsync(await member.GetPageAsync(lastYear), $"form[action='{lastYear}/start']");
        Assert.NotNull(edit.QuerySelector("#report-form"));
    }

    [Fact]
    public async Task Group_members_department_staff_and_other_groups_cannot_reach_the_coordinator_pages()
    {
        using var factory = new KyodoWebFactory();
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await s.GroupMemberAsync();
        using var staff = await s.DepartmentStaffAsync();
        using var other = await s.OtherGroupMemberAsync();
        var id = s.Project.Id;

        foreach (var client in new[] { member, staff, other })
        {
            await client.GetPageAsync("/continuation", HttpStatusCode.Forbidden);
            await client.GetPageAsync($"/projects/{id}/continuation", HttpStatusCode.Forbidden);
            await client.GetPageAsync($"/projects/{id}/close", HttpStatusCode.Forbidden);
            var page = await client.GetPageAsync("/");
            using var decide = await client.PostWithTokenAsync(page, $"/projects/{id}/continuation", ("Input.Outcome", "End"), ("Input.Reasons", "x"));
            using var close = await client.PostWithTokenAsync(page, $"/projects/{id}/close", ("Input.Outcome", "EndedEarly"), ("Input.Summary", "x"), ("Input.Lessons", "x"), ("Input.EarlyEndReason", "x"), ("Input.ClosedOn", "2026-04-01"));
            using var mark = await client.PostWithTokenAsync(page, $"/projects/{id}/case", ("MarkedAsCase", "true"), ("Published", "true"));
            Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { decide.StatusCode, close.StatusCode, mark.StatusCode });
        }

        await member.GetPageAsync("/cases", HttpStatusCode.Forbidden);
        await staff.GetPageAsync("/cases");
        var project = await factory.QueryAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal((ProjectStatus.InProgress, false, false, 0), (project.Status, project.IsMarkedAsCase, project.IsCasePublished, project.ContinuationDecisions.Count));
    }

    private static DateTimeOffset JapanTime(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.FromHours(9));

    private static string Wareki(int year) => year == 2019 ? "令和元" : $"令和{year - 2018}";

    private static IReadOnlyList<string> YearOptions(IHtmlDocument form) =>
        [.. form.QuerySelectorAll("select[name='Input.Budget.Lines[0].FiscalYear'] option").Select(o => o.GetAttribute("value")!)];

    /// <summary>The new year's budget in two spare rows: 市負担金 300,000円 in, 講師謝礼 300,000円 out.</summary>
    private static (string, string)[] ThirdYearBudget(IHtmlDocument form, int year)
    {
        var spare = Enumerable.Range(0, 100)
            .Select(i => (Index: i, Select: form.QuerySelector<IHtmlSelectElement>($"select[name='Input.Budget.Lines[{i}].FiscalYear']")))
            .TakeWhile(x => x.Select is not null)
            .Where(x => !x.Select!.Options.Any(o => o.HasAttribute("selected")))
            .Select(x => x.Index)
            .Take(2)
            .ToList();
        Assert.Equal(2, spare.Count);
        var y = year.ToString(CultureInfo.InvariantCulture);
        return
        [
            ($"Input.Budget.Lines[{spare[0]}].FiscalYear", y), ($"Input.Budget.Lines[{spare[0]}].Category", "CityShare"), ($"Input.Budget.Lines[{spare[0]}].Item", "市負担金"), ($"Input.Budget.Lines[{spare[0]}].Amount", "300000"),
            ($"Input.Budget.Lines[{spare[1]}].FiscalYear", y), ($"Input.Budget.Lines[{spare[1]}].Category", "Honoraria"), ($"Input.Budget.Lines[{spare[1]}].Item", "講師謝礼"), ($"Input.Budget.Lines[{spare[1]}].Amount", "300000"),
            ("Input.Reason", "3年目（延長）の予算を追加する。"),
        ];
    }
}
