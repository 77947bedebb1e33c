using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Tests.Support;
using static KyodoPortal.Tests.Domain.Builders.ProjectBuilder;

namespace KyodoPortal.Tests.Domain.Projects;

/// <summary>
/// 継続審査 and closing, on the seed-000 project (令和7–8年度 = FY2025–2026): the review is due
/// September 1 of the last year; nothing is planned or recorded for a year after the term until a
/// decision extends it; the total term is capped unless an exception with a reason is given.
/// </summary>
public class ContinuationTests
{
    private const string Reasons = "2年間の報告と評価から、就労につながった参加者が増えており継続の効果が見込まれる。";
    private static readonly DateTime InLastYear = Utc(2026, 6, 1);
    private static readonly ContinuationPolicy Policy = ContinuationPolicy.Default;

    [Fact]
    public void The_review_is_due_on_September_1_of_the_last_fiscal_year_and_a_January_date_falls_in_the_next_calendar_year()
    {
        Assert.Equal(new DateOnly(2026, 9, 1), Policy.DueDate(2026));
        Assert.Equal(new DateOnly(2027, 1, 31), new ContinuationPolicy(5, 1, 31).DueDate(2026));
        Assert.Equal(new DateOnly(2027, 2, 28), new ContinuationPolicy(5, 2, 29).DueDate(2026));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContinuationPolicy(5, 9, 31));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContinuationPolicy(0, 9, 1));
    }

    [Theory]
    [InlineData(2026, 3, 31, ContinuationReviewState.NotDue)]
    [InlineData(2026, 4, 1, ContinuationReviewState.Due)]
    [InlineData(2026, 9, 1, ContinuationReviewState.Due)]
    [InlineData(2026, 9, 2, ContinuationReviewState.Overdue)]
    [InlineData(2027, 4, 1, ContinuationReviewState.Overdue)]
    public void A_project_is_due_in_its_last_year_until_the_due_date_and_overdue_after_it_or_past_its_term(int year, int month, int day, ContinuationReviewState expected)
    {
        var project = InProgressProject(out _);

        var review = Policy.ReviewOf(project, new DateOnly(year, month, day));

        Assert.Equal(expected, review.State);
        Assert.Equal(new DateOnly(2026, 9, 1), review.DueOn);
    }

    [Fact]
    public void An_extension_moves_the_review_to_the_new_last_year_and_an_end_decision_waits_for_closing()
    {
        var extended = InProgressProject(out _);
        var ended = InProgressProject(out _);

        extended.DecideContinuation(Extend(1), Policy, CoordinatorUser, Utc(2026, 9, 10));
        ended.DecideContinuation(End(), Policy, CoordinatorUser, Utc(2026, 9, 10));

        Assert.Equal(ContinuationReviewState.NotDue, Policy.ReviewOf(extended, new DateOnly(2026, 10, 1)).State);
        Assert.Equal(new ContinuationReview(ContinuationReviewState.Due, new DateOnly(2027, 9, 1)), Policy.ReviewOf(extended, new DateOnly(2027, 4, 1)));
        Assert.Equal(ContinuationReviewState.DecidedToEnd, Policy.ReviewOf(ended, new DateOnly(2027, 5, 1)).State);
        ended.Close(new ProjectClosureDraft(ProjectOutcome.Success, "就労者6人", "企業との連携を早く始める", new DateOnly(2027, 3, 31), null), 0, CoordinatorUser, Utc(2027, 4, 2));
        Assert.Equal(ContinuationReviewState.NotDue, Policy.ReviewOf(ended, new DateOnly(2027, 5, 1)).State);
    }

    [Fact]
    public void No_plan_activity_or_report_for_a_year_past_the_term_without_a_decision_and_all_of_them_after_an_extension()
    {
        var (project, baseline) = InProgressWithBaseline();
        var drafts = baseline.Content.ToDrafts();
        var withThirdYear = PlanContent.Create(drafts with
        {
            BudgetLines = [.. drafts.BudgetLines, .. Recipes.Seed000BudgetYear(2027)],
            Kpis = [drafts.Kpis[0] with { Targets = [.. drafts.Kpis[0].Targets, new KpiTargetDraft(2027, 8)] }, drafts.Kpis[1]],
        });
        var seminar = new ActivityRecordDraft(new DateOnly(2027, 5, 10), "第1回セミナー", "商工会館", 20, 7, 0, null);

        var plan = Assert.Throws<DomainRuleException>(() => ChangeRequest.Submit(project, baseline, withThirdYear, "3年目を追加", ChangeRequestParty.Group, GroupUser, InLastYear));
        var activity = Assert.Throws<DomainRuleException>(() => ActivityRecord.Record(project, seminar, GroupUser, InLastYear));
        var report = Assert.Throws<DomainRuleException>(() => AnnualReport.Start(project, 2027, GroupUser, Utc(2027, 5, 1)));
        Assert.Contains(Project.AfterTermMessage, plan.Message, StringComparison.Ordinal);
        Assert.EndsWith(Project.AfterTermMessage, activity.Message, StringComparison.Ordinal);
        Assert.EndsWith(Project.AfterTermMessage, report.Message, StringComparison.Ordinal);

        project.DecideContinuation(Extend(1), Policy, CoordinatorUser, InLastYear);

        Assert.Equal(2027, project.EndFiscalYear);
        var request = ChangeRequest.Submit(project, baseline, withThirdYear, "3年目を追加", ChangeRequestParty.Group, GroupUser, InLastYear);
        request.ApproveAsDepartment(baseline, DepartmentUser, InLastYear);
        request.ApproveAsCoordinator(baseline, CoordinatorUser, InLastYear);
        var next = ProjectPlan.Next(baseline, request, InLastYear);
        Assert.Equal(420_000, next.Content.BudgetTotals(2027).ExpenseTotal);
        Assert.Equal(2027, ActivityRecord.Record(project, seminar, GroupUser, InLastYear).FiscalYear);
        Assert.Equal(2027, AnnualReport.Start(project, 2027, GroupUser, Utc(2027, 5, 1)).FiscalYear);
    }

    [Fact]
    public void A_decision_is_refused_before_the_last_year_and_once_the_term_has_one()
    {
        var project = InProgressProject(out _);

        var early = Assert.Throws<DomainRuleException>(() => project.DecideContinuation(Extend(1), Policy, CoordinatorUser, Utc(2026, 3, 31)));
        Assert.Equal("継続の決定は事業期間の最終年度（令和8年度）になってから行ってください。", early.Message);
        Assert.False(project.CanDecideContinuation(new DateOnly(2026, 3, 31)));
        Assert.True(project.CanDecideContinuation(new DateOnly(2026, 4, 1)));

        project.DecideContinuation(End(), Policy, CoordinatorUser, InLastYear);
        var again = Assert.Throws<DomainRuleException>(() => project.DecideContinuation(Extend(1), Policy, CoordinatorUser, InLastYear));

        Assert.Equal("この事業期間（令和7年度〜令和8年度）については、すでに「終了」が決定されています。", again.Message);
        Assert.False(project.CanDecideContinuation(new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public void Extending_beyond_the_maximum_needs_an_exception_with_a_reason_and_the_history_keeps_every_decision()
    {
        var project = InProgressProject(out _);

        var beyond = Assert.Throws<DomainRuleException>(() => project.DecideContinuation(Extend(4), Policy, CoordinatorUser, InLastYear));
        var noReason = Assert.Throws<DomainRuleException>(() => project.DecideContinuation(Extend(4) with { Exception = true }, Policy, CoordinatorUser, InLastYear));
        var noReasons = Assert.Throws<DomainRuleException>(() => project.DecideContinuation(Extend(1) with { Reasons = " " }, Policy, CoordinatorUser, InLastYear));

        Assert.Equal("延長すると事業期間が通算6年度となり、上限の5年度を超えます。特例として延長する場合は、特例の理由を入力してください。", beyond.Message);
        Assert.Equal("特例の理由を入力してください。", noReason.Message);
        Assert.Equal("決定の理由を入力してください。", noReasons.Message);
        Assert.Equal(2026, project.EndFiscalYear);
        Assert.Empty(project.ContinuationDecisions);

        var withinMaximum = project.DecideContinuation(Extend(3), Policy, CoordinatorUser, InLastYear);
        Assert.False(withinMaximum.IsException);
        Assert.Equal(2029, project.EndFiscalYear);

        var exception = project.DecideContinuation(Extend(1) with { Exception = true, ExceptionReason = "国の補助事業と連動するため" }, Policy, CoordinatorUser, Utc(2029, 5, 1));

        Assert.True(exception.IsException);
        Assert.Equal(6, project.TermYears);
        Assert.Equal([(1, 2026, 2029), (2, 2029, 2030)], project.ContinuationDecisions.Select(d => (d.Number, d.PreviousEndFiscalYear, d.NewEndFiscalYear)));
    }

    [Fact]
    public void A_late_extension_must_reach_the_fiscal_year_of_its_decision_date()
    {
        var project = InProgressProject(out _);

        var refused = Assert.Throws<DomainRuleException>(() => project.DecideContinuation(Extend(1), Policy, CoordinatorUser, Utc(2028, 5, 1)));

        Assert.Equal("延長後の最終年度（令和9年度）が決定日の年度（令和10年度）より前です。延長する年数を見直してください。", refused.Message);
        project.DecideContinuation(Extend(2), Policy, CoordinatorUser, Utc(2028, 5, 1));
        Assert.Equal(2028, project.EndFiscalYear);
    }

    [Fact]
    public void A_past_decision_is_recorded_with_its_real_date_so_a_term_that_ended_years_ago_can_be_extended_into_a_past_year()
    {
        var project = InProgressProject(out _);
        var recordedAt = Utc(2031, 10, 1);

        var extension = project.DecideContinuation(Extend(1) with { DecidedOn = new DateOnly(2026, 9, 1) }, Policy, CoordinatorUser, recordedAt);
        var end = project.DecideContinuation(
            new ContinuationDecisionDraft(ContinuationOutcome.End, null, Reasons, false, null, new DateOnly(2027, 8, 20)), Policy, CoordinatorUser, recordedAt);

        Assert.Equal(2027, project.EndFiscalYear);
        Assert.Equal((new DateOnly(2026, 9, 1), new DateOnly(2031, 10, 1), true), (extension.DecidedOn, extension.RecordedOn, extension.IsEnteredAfterwards));
        Assert.Equal((new DateOnly(2027, 8, 20), recordedAt), (end.DecidedOn, end.DecidedAtUtc));
        Assert.Equal(ContinuationOutcome.End, project.DecisionForCurrentTerm?.Outcome);
    }

    [Fact]
    public void A_decision_recorded_within_a_week_is_not_marked_as_entered_afterwards_and_today_is_the_default_date()
    {
        var project = InProgressProject(out _);

        var sameWeek = project.DecideContinuation(Extend(1) with { DecidedOn = new DateOnly(2026, 5, 25) }, Policy, CoordinatorUser, InLastYear);
        var today = project.DecideContinuation(Extend(1), Policy, CoordinatorUser, Utc(2027, 6, 1));

        Assert.False(sameWeek.IsEnteredAfterwards);
        Assert.Equal((new DateOnly(2027, 6, 1), false), (today.DecidedOn, today.IsEnteredAfterwards));
    }

    [Theory]
    [InlineData(2026, 6, 2, "決定日に今日より後の日付は入力できません。")]
    [InlineData(2026, 3, 31, "決定日は事業期間の最終年度（令和8年度）の4月1日（令和8年4月1日）以降の日付を入力してください。")]
    public void A_decision_date_in_the_future_or_before_the_last_year_is_refused(int year, int month, int day, string message)
    {
        var project = InProgressProject(out _);

        var refused = Assert.Throws<DomainRuleException>(() =>
            project.DecideContinuation(Extend(1) with { DecidedOn = new DateOnly(year, month, day) }, Policy, CoordinatorUser, InLastYear));

        Assert.Equal(message, refused.Message);
        Assert.Empty(project.ContinuationDecisions);
    }

    [Fact]
    public void A_decision_date_before_the_previous_decision_is_refused()
    {
        var project = InProgressProject(out _);
        project.DecideContinuation(Extend(1) with { DecidedOn = new DateOnly(2027, 5, 1) }, Policy, CoordinatorUser, Utc(2028, 1, 10));

        var refused = Assert.Throws<DomainRuleException>(() =>
            project.DecideContinuation(Extend(1) with { DecidedOn = new DateOnly(2027, 4, 15) }, Policy, CoordinatorUser, Utc(2028, 1, 10)));

        Assert.Equal("決定日は前回の決定日（令和9年5月1日）以降の日付を入力してください。", refused.Message);
        var sameDay = project.DecideContinuation(Extend(1) with { DecidedOn = new DateOnly(2027, 5, 1) }, Policy, CoordinatorUser, Utc(2028, 1, 10));
        Assert.Equal(2028, sameDay.NewEndFiscalYear);
    }

    [Fact]
    public void Without_an_end_decision_a_project_can_only_end_early_with_a_reason()
    {
        var project = InProgressProject(out _);

        var success = Assert.Throws<DomainRuleException>(() => project.Close(Closing(ProjectOutcome.Success), 0, CoordinatorUser, InLastYear));
        var noReason = Assert.Throws<DomainRuleException>(() => project.Close(Closing(ProjectOutcome.EndedEarly), 0, CoordinatorUser, InLastYear));
        var openChange = Assert.Throws<DomainRuleException>(() => project.Close(Closing(ProjectOutcome.EndedEarly) with { EarlyEndReason = "講師が確保できなくなった" }, 1, CoordinatorUser, InLastYear));

        Assert.Equal("継続審査で終了が決定されていないため、「途中終了」として理由を入力してください。", success.Message);
        Assert.Equal("途中終了の理由を入力してください。", noReason.Message);
        Assert.StartsWith("申請中の計画変更があるため終了できません。", openChange.Message, StringComparison.Ordinal);

        project.Close(Closing(ProjectOutcome.EndedEarly) with { EarlyEndReason = "講師が確保できなくなった" }, 0, CoordinatorUser, InLastYear);

        Assert.Equal(ProjectStatus.Closed, project.Status);
        Assert.Equal("講師が確保できなくなった", project.Closure!.EarlyEndReason);
        Assert.True(project.IsCase);
    }

    [Fact]
    public void After_an_end_decision_the_outcome_is_success_or_partial_and_the_closed_project_is_read_only_except_its_reports()
    {
        var (project, baseline) = InProgressWithBaseline();
        project.DecideContinuation(End(), Policy, CoordinatorUser, InLastYear);

        var early = Assert.Throws<DomainRuleException>(() => project.Close(Closing(ProjectOutcome.EndedEarly) with { EarlyEndReason = "x" }, 0, CoordinatorUser, InLastYear));
        var future = Assert.Throws<DomainRuleException>(() => project.Close(Closing(ProjectOutcome.Success) with { ClosedOn = new DateOnly(2026, 6, 2) }, 0, CoordinatorUser, InLastYear));
        var noLessons = Assert.Throws<DomainRuleException>(() => project.Close(Closing(ProjectOutcome.Success) with { Lessons = null }, 0, CoordinatorUser, InLastYear));
        Assert.Equal("継続審査で終了が決定された事業です。成果の区分は「成功」か「一部達成」を選んでください。", early.Message);
        Assert.Equal("終了日は事業の開始（令和7年度）以降、今日までの日付を入力してください。", future.Message);
        Assert.Equal("教訓を入力してください。", noLessons.Message);

        project.Close(Closing(ProjectOutcome.PartiallyAchieved), 0, CoordinatorUser, InLastYear);

        Assert.Equal(ProjectOutcome.PartiallyAchieved, project.Closure!.Outcome);
        var activity = Assert.Throws<DomainRuleException>(() => ActivityRecord.Record(project, new ActivityRecordDraft(new DateOnly(2026, 5, 10), "セミナー", null, 20, 7, 0, null), GroupUser, InLastYear));
        var change = Assert.Throws<DomainRuleException>(() => ChangeRequest.Submit(project, baseline, FreeSeminars(baseline.Content), "無料化", ChangeRequestParty.Group, GroupUser, InLastYear));
        var decision = Assert.Throws<DomainRuleException>(() => project.DecideContinuation(Extend(1), Policy, CoordinatorUser, InLastYear));
        Assert.Equal("終了した協働事業では実施記録を登録できません。", activity.Message);
        Assert.Equal("終了した協働事業では計画の変更を申請できません。", change.Message);
        Assert.Equal("「終了」の協働事業では継続の決定はできません。", decision.Message);
        Assert.Equal(2025, AnnualReport.Start(project, 2025, GroupUser, InLastYear).FiscalYear);
    }

    [Fact]
    public void The_coordinator_marks_a_running_project_as_a_case_and_only_a_case_can_be_published()
    {
        var project = InProgressProject(out _);

        Assert.Throws<DomainRuleException>(() => project.PublishCase(true));
        project.MarkAsCase(true);
        project.PublishCase(true);
        Assert.True(project.IsCase);
        Assert.True(project.IsCasePublished);

        project.MarkAsCase(false);

        Assert.False(project.IsCase);
        Assert.False(project.IsCasePublished);
    }

    private static ContinuationDecisionDraft Extend(int years) => new(ContinuationOutcome.Extend, years, Reasons, false, null);

    private static ContinuationDecisionDraft End() => new(ContinuationOutcome.End, null, "目標を達成し、団体の自主事業として続けられる見込みのため終了する。", false, null);

    private static ProjectClosureDraft Closing(ProjectOutcome outcome) =>
        new(outcome, "2年間で就労者10人。参加費無料化で参加者が増えた。", "企業との連携は1年目から始めるべきだった。", new DateOnly(2026, 5, 31), null);

    private static DateTime Utc(int year, int month, int day) => new(year, month, day, 1, 0, 0, DateTimeKind.Utc);
}
