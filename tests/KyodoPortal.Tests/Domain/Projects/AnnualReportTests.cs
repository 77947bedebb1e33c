using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using static KyodoPortal.Tests.Domain.Builders.ProjectBuilder;

namespace KyodoPortal.Tests.Domain.Projects;

public class AnnualReportTests
{
    private const string AcceptedMessage = "受理された報告は変更できません。訂正は新しい版として作成してください。";

    private static readonly DateTime Reviewing = new(2026, 5, 25, 1, 0, 0, DateTimeKind.Utc);

    private static readonly AnnualReportSections Sections = new(
        "就労支援セミナーを6回開催した。",
        "4人が就職し、1人は再就職で満足度が上がった。",
        "参加者が定員を大きく下回った。",
        "企業紹介を講座と併せて行う。",
        "団体ホームページにセミナーのレビューを掲載した。");

    [Fact]
    public void A_report_starts_as_a_draft_for_a_year_of_the_term()
    {
        var (report, project, _) = Draft();

        Assert.Equal(project.Id, report.ProjectId);
        Assert.Equal(FirstYear, report.FiscalYear);
        Assert.Equal(1, report.Revision);
        Assert.Null(report.CorrectionOfReportId);
        Assert.Equal(AnnualReportStatus.Draft, report.Status);
        Assert.Equal(GroupUser, report.CreatedByUserId);
        Assert.Equal(AfterFirstYear, report.CreatedAtUtc);
        Assert.True(report.CanEdit(ReportActor.Group));
        Assert.Empty(report.History);
    }

    [Fact]
    public void A_report_is_started_only_for_a_project_in_progress_and_a_year_of_its_term_that_has_begun()
    {
        var preparing = PreparingProject(out _, out _);
        var project = InProgressProject(out _);

        var notSigned = Assert.Throws<DomainRuleException>(() => AnnualReport.Start(preparing, FirstYear, GroupUser, AfterFirstYear));
        var outsideTerm = Assert.Throws<DomainRuleException>(() => AnnualReport.Start(project, FirstYear + 2, GroupUser, new DateTime(2027, 5, 1, 0, 0, 0, DateTimeKind.Utc)));
        var notBegun = Assert.Throws<DomainRuleException>(() => AnnualReport.Start(project, SecondYear, GroupUser, DuringFirstYear));

        Assert.Equal("「協定準備中」の協働事業では事業報告を作成できません。協定の締結後に行ってください。", notSigned.Message);
        Assert.Equal("令和9年度は事業期間（令和7年度〜令和8年度）外のため、報告を作成できません。事業期間の後の年度は、継続審査で事業期間の延長が決定されるまで計画・記録できません。", outsideTerm.Message);
        Assert.Equal("令和8年度はまだ始まっていないため、報告を作成できません。", notBegun.Message);
    }

    [Fact]
    public void An_empty_report_lists_every_missing_part()
    {
        var (report, _, plan) = Draft();

        var problems = report.SubmissionProblems(plan.Content);

        Assert.Equal(
            [
                ReportProblemCode.SummaryMissing,
                ReportProblemCode.KpiActualMissing,
                ReportProblemCode.KpiActualMissing,
                ReportProblemCode.BudgetActualMissing,
                ReportProblemCode.BudgetActualMissing,
                ReportProblemCode.BudgetActualMissing,
                ReportProblemCode.BudgetActualMissing,
                ReportProblemCode.BudgetActualMissing,
            ],
            problems.Select(problem => problem.Code));
        Assert.Equal("実施内容の概要が入力されていません。", problems[0].Message.ToString());
        Assert.Equal("成果指標「就労者数」の令和7年度の実績値が入力されていません（目標 4人）。実績値を入力するか、入力できない理由をコメントに書いてください。", problems[1].Message.ToString());
        Assert.Equal("成果指標「参加者の意識の変化」の令和7年度の実績が入力されていません。", problems[2].Message.ToString());
        Assert.Equal("予算「参加費（セミナー参加費）」の実績額が入力されていません（計画 120,000円）。", problems[4].Message.ToString());
    }

    [Fact]
    public void A_comment_explaining_a_missing_kpi_value_is_enough_to_submit()
    {
        var (report, _, plan) = Draft();
        Complete(report);
        report.ReplaceKpiActuals(
            ReportActor.Group,
            [
                new KpiActualDraft("就労者数", null, Comment: "就労の定義を見直しているため数値は次年度に報告する。"),
                new KpiActualDraft("参加者の意識の変化", null, "働くことへの不安が減ったという声が多かった。"),
            ],
            AfterFirstYear);

        Assert.Empty(report.SubmissionProblems(plan.Content));
    }

    [Fact]
    public void An_incomplete_report_is_not_submitted()
    {
        var (report, _, plan) = Draft();
        Complete(report);
        report.UpdateSections(ReportActor.Group, Sections with { Summary = " " }, AfterFirstYear);

        var refused = Assert.Throws<DomainRuleException>(() => report.Submit(plan.Content, GroupUser, Reviewing));

        Assert.Equal("実施内容の概要が入力されていません。", refused.Message);
        Assert.Equal(AnnualReportStatus.Draft, report.Status);
    }

    [Fact]
    public void Submitted_returned_resubmitted_and_accepted_with_the_history()
    {
        var (report, _, plan) = Draft();
        Complete(report);

        report.Submit(plan.Content, GroupUser, Reviewing);
        report.Return(ReportActor.Department, DepartmentUser, "予算の差異の理由を書いてください。", Reviewing.AddDays(1));
        report.ReplaceBudgetActuals(ReportActor.Group, BudgetActuals(), Reviewing.AddDays(2));
        report.Resubmit(plan.Content, GroupUser, "差異の理由を追記しました。", Reviewing.AddDays(2));
        report.Accept(ReportActor.Coordinator, CoordinatorUser, null, Reviewing.AddDays(3));

        Assert.Equal(AnnualReportStatus.Accepted, report.Status);
        Assert.Equal(Reviewing, report.SubmittedAtUtc);
        Assert.Equal(Reviewing.AddDays(3), report.AcceptedAtUtc);
        Assert.Equal(
            [
                (AnnualReportStatus.Draft, AnnualReportStatus.Submitted, ReportActor.Group, GroupUser, (string?)null),
                (AnnualReportStatus.Submitted, AnnualReportStatus.Returned, ReportActor.Department, DepartmentUser, "予算の差異の理由を書いてください。"),
                (AnnualReportStatus.Returned, AnnualReportStatus.Resubmitted, ReportActor.Group, GroupUser, "差異の理由を追記しました。"),
                (AnnualReportStatus.Resubmitted, AnnualReportStatus.Accepted, ReportActor.Coordinator, CoordinatorUser, null),
            ],
            report.History.Select(change => (change.From, change.To, change.Actor, change.ByUserId, change.Comment)));
    }

    [Theory]
    [InlineData(AnnualReportStatus.Draft, AnnualReportStatus.Submitted, ReportActor.Group, true)]
    [InlineData(AnnualReportStatus.Draft, AnnualReportStatus.Submitted, ReportActor.Department, false)]
    [InlineData(AnnualReportStatus.Submitted, AnnualReportStatus.Returned, ReportActor.Department, true)]
    [InlineData(AnnualReportStatus.Submitted, AnnualReportStatus.Returned, ReportActor.Coordinator, true)]
    [InlineData(AnnualReportStatus.Submitted, AnnualReportStatus.Returned, ReportActor.Group, false)]
    [InlineData(AnnualReportStatus.Submitted, AnnualReportStatus.Accepted, ReportActor.Department, true)]
    [InlineData(AnnualReportStatus.Submitted, AnnualReportStatus.Accepted, ReportActor.Coordinator, true)]
    [InlineData(AnnualReportStatus.Submitted, AnnualReportStatus.Accepted, ReportActor.Group, false)]
    [InlineData(AnnualReportStatus.Returned, AnnualReportStatus.Resubmitted, ReportActor.Group, true)]
    [InlineData(AnnualReportStatus.Returned, AnnualReportStatus.Accepted, ReportActor.Coordinator, false)]
    [InlineData(AnnualReportStatus.Resubmitted, AnnualReportStatus.Accepted, ReportActor.Department, true)]
    [InlineData(AnnualReportStatus.Resubmitted, AnnualReportStatus.Returned, ReportActor.Coordinator, true)]
    [InlineData(AnnualReportStatus.Accepted, AnnualReportStatus.Returned, ReportActor.Coordinator, false)]
    [InlineData(AnnualReportStatus.Draft, AnnualReportStatus.Accepted, ReportActor.Coordinator, false)]
    public void The_workflow_says_who_moves_a_report_where(AnnualReportStatus from, AnnualReportStatus to, ReportActor actor, bool allowed)
    {
        Assert.Equal(allowed, AnnualReportWorkflow.IsAllowed(from, to, actor));
    }

    [Fact]
    public void Refused_moves_name_both_states_and_the_actor_when_only_the_actor_is_wrong()
    {
        var (report, _, plan) = Draft();
        Complete(report);

        var returnDraft = Assert.Throws<DomainRuleException>(() => report.Return(ReportActor.Coordinator, CoordinatorUser, "直してください。", Reviewing));
        report.Submit(plan.Content, GroupUser, Reviewing);
        var groupAccepts = Assert.Throws<DomainRuleException>(() => report.Accept(ReportActor.Group, GroupUser, null, Reviewing));
        var submitAgain = Assert.Throws<DomainRuleException>(() => report.Submit(plan.Content, GroupUser, Reviewing));

        Assert.Equal("「下書き」の報告は「差戻し」にできません。", returnDraft.Message);
        Assert.Equal("団体は「提出済み」の報告を「受理」にできません。", groupAccepts.Message);
        Assert.Equal("この報告はすでに「提出済み」です。", submitAgain.Message);
        Assert.True(report.CanMoveTo(AnnualReportStatus.Accepted, ReportActor.Department));
        Assert.False(report.CanMoveTo(AnnualReportStatus.Accepted, ReportActor.Group));
    }

    [Fact]
    public void Returning_a_report_needs_the_reason()
    {
        var (report, _, plan) = Submitted();

        var refused = Assert.Throws<DomainRuleException>(() => report.Return(ReportActor.Department, DepartmentUser, "  ", Reviewing));

        Assert.Equal("差戻しの理由を入力してください。", refused.Message);
        Assert.Equal(AnnualReportStatus.Submitted, report.Status);
        Assert.Empty(report.SubmissionProblems(plan.Content));
    }

    [Fact]
    public void Only_the_group_edits_and_only_a_draft_or_a_returned_report()
    {
        var (draft, _, _) = Draft();
        var byDepartment = Assert.Throws<DomainRuleException>(() => draft.UpdateSections(ReportActor.Department, Sections, Reviewing));
        Assert.Equal("報告の内容を編集できるのは団体だけです。", byDepartment.Message);

        var (submitted, _, _) = Submitted();
        var whileSubmitted = Assert.Throws<DomainRuleException>(() => submitted.ReplaceKpiActuals(ReportActor.Group, [], Reviewing));
        Assert.Equal("「提出済み」の報告は編集できません。", whileSubmitted.Message);
        Assert.False(submitted.CanEdit(ReportActor.Group));

        submitted.Return(ReportActor.Coordinator, CoordinatorUser, "成果の事例を追加してください。", Reviewing);
        submitted.UpdateSections(ReportActor.Group, Sections with { Outcomes = "4人が就職した。事例: 再就職で満足度が上がった。" }, Reviewing.AddDays(1));
        Assert.Equal("4人が就職した。事例: 再就職で満足度が上がった。", submitted.Outcomes);
        Assert.Equal(Reviewing.AddDays(1), submitted.UpdatedAtUtc);
    }

    [Fact]
    public void An_accepted_report_does_not_change()
    {
        var (report, _, _) = Accepted();

        var sections = Assert.Throws<DomainRuleException>(() => report.UpdateSections(ReportActor.Group, Sections with { Summary = "書き換え" }, Reviewing));
        var kpis = Assert.Throws<DomainRuleException>(() => report.ReplaceKpiActuals(ReportActor.Group, [], Reviewing));
        var budget = Assert.Throws<DomainRuleException>(() => report.ReplaceBudgetActuals(ReportActor.Coordinator, [], Reviewing));
        var comment = Assert.Throws<DomainRuleException>(() => report.UpdateDepartmentComment(ReportActor.Department, "追記", null, DepartmentUser, Reviewing));

        Assert.All([sections, kpis, budget, comment], refused => Assert.Equal(AcceptedMessage, refused.Message));
        Assert.Equal(Sections.Summary, report.Summary);
        Assert.Equal(2, report.KpiActuals.Count);
    }

    [Fact]
    public void The_department_comments_on_a_report_it_has_received()
    {
        var (draft, _, _) = Draft();
        var tooEarly = Assert.Throws<DomainRuleException>(() => draft.UpdateDepartmentComment(ReportActor.Department, "良い取組です。", DepartmentRating.Good, DepartmentUser, Reviewing));
        Assert.Equal("「下書き」の報告にはコメントできません。提出後に入力してください。", tooEarly.Message);

        var (report, _, _) = Submitted();
        var byGroup = Assert.Throws<DomainRuleException>(() => report.UpdateDepartmentComment(ReportActor.Group, "自己評価", null, GroupUser, Reviewing));
        Assert.Equal("担当課のコメントを入力できるのは担当課だけです。", byGroup.Message);
        Assert.False(report.CanComment(ReportActor.Coordinator));
        Assert.True(report.CanComment(ReportActor.Department));

        report.UpdateDepartmentComment(ReportActor.Department, "参加費の扱いは計画変更の手続きが必要でした。", DepartmentRating.NeedsImprovement, DepartmentUser, Reviewing);

        Assert.Equal("参加費の扱いは計画変更の手続きが必要でした。", report.DepartmentComment);
        Assert.Equal(DepartmentRating.NeedsImprovement, report.DepartmentRating);
        Assert.Equal(DepartmentUser, report.DepartmentCommentByUserId);
        Assert.Equal(Reviewing, report.DepartmentCommentedAtUtc);
    }

    [Fact]
    public void A_correction_is_a_new_revision_and_the_accepted_report_stays()
    {
        var (accepted, _, plan) = Accepted();
        WithId(accepted, 12);
        const string reason = "報告後に1人の就職が判明したため、就労者数を4人から5人に訂正する。";

        var correction = accepted.StartCorrection(reason, GroupUser, Reviewing.AddDays(10));

        Assert.Equal((accepted.ProjectId, accepted.FiscalYear, 2), (correction.ProjectId, correction.FiscalYear, correction.Revision));
        Assert.Equal(12, correction.CorrectionOfReportId);
        Assert.Equal(reason, correction.CorrectionReason);
        Assert.Equal(AnnualReportStatus.Draft, correction.Status);
        Assert.Equal(accepted.ToSections(), correction.ToSections());
        Assert.Equal(accepted.KpiActuals.Select(row => row.ToDraft()), correction.KpiActuals.Select(row => row.ToDraft()));
        Assert.Equal(accepted.BudgetActuals.Select(row => row.ToDraft()), correction.BudgetActuals.Select(row => row.ToDraft()));
        Assert.Null(correction.DepartmentComment);
        Assert.Empty(correction.History);

        correction.ReplaceKpiActuals(
            ReportActor.Group,
            [new KpiActualDraft("就労者数", 5, null, "団体の支援記録"), accepted.KpiActuals[1].ToDraft()],
            Reviewing.AddDays(10));
        correction.Submit(plan.Content, GroupUser, Reviewing.AddDays(11));

        Assert.Equal(AnnualReportStatus.Submitted, correction.Status);
        Assert.Equal(AnnualReportStatus.Accepted, accepted.Status);
        Assert.Equal(4m, accepted.KpiActuals[0].ActualValue);
        Assert.Equal(5m, correction.KpiActuals[0].ActualValue);
    }

    [Fact]
    public void Only_an_accepted_report_is_corrected_and_only_with_a_reason()
    {
        var (submitted, _, _) = Submitted();
        var (accepted, _, _) = Accepted();

        var notAccepted = Assert.Throws<DomainRuleException>(() => submitted.StartCorrection("誤記", GroupUser, Reviewing));
        var noReason = Assert.Throws<DomainRuleException>(() => accepted.StartCorrection(" ", GroupUser, Reviewing));

        Assert.Equal("「提出済み」の報告は訂正版を作成せずに編集してください。訂正版は受理された報告にだけ作成できます。", notAccepted.Message);
        Assert.Equal("訂正の理由を入力してください。", noReason.Message);
    }

    [Fact]
    public void Kpi_actual_rows_left_blank_are_dropped_and_duplicates_are_refused()
    {
        var (report, _, _) = Draft();

        report.ReplaceKpiActuals(ReportActor.Group, [new KpiActualDraft("就労者数", 4), new KpiActualDraft("参加者の意識の変化", null)], AfterFirstYear);
        Assert.Equal("就労者数", Assert.Single(report.KpiActuals).KpiName);

        var duplicate = Assert.Throws<DomainRuleException>(() =>
            report.ReplaceKpiActuals(ReportActor.Group, [new KpiActualDraft("就労者数", 4), new KpiActualDraft("就労者数", 5)], AfterFirstYear));
        var tooPrecise = Assert.Throws<DomainRuleException>(() =>
            report.ReplaceKpiActuals(ReportActor.Group, [new KpiActualDraft("満足度", 4.125m)], AfterFirstYear));
        var negative = Assert.Throws<DomainRuleException>(() =>
            report.ReplaceKpiActuals(ReportActor.Group, [new KpiActualDraft("満足度", -1)], AfterFirstYear));

        Assert.Equal("成果指標「就労者数」の実績が重複しています。", duplicate.Message);
        Assert.Equal("成果指標「満足度」の実績値は0以上、小数点以下2桁までで入力してください。", tooPrecise.Message);
        Assert.Equal("成果指標「満足度」の実績値は0以上、小数点以下2桁までで入力してください。", negative.Message);
        Assert.Equal(4m, Assert.Single(report.KpiActuals).ActualValue);
    }

    [Fact]
    public void Budget_actual_headings_are_unique()
    {
        var (report, _, _) = Draft();

        var refused = Assert.Throws<DomainRuleException>(() => report.ReplaceBudgetActuals(
            ReportActor.Group,
            [new BudgetActualDraft(BudgetCategory.ParticipantFees, "セミナー参加費", 0), new BudgetActualDraft(BudgetCategory.ParticipantFees, "セミナー参加費", 7_000)],
            AfterFirstYear));

        Assert.Equal("予算実績「参加費（セミナー参加費）」が重複しています。", refused.Message);
    }

    [Fact]
    public void The_report_of_a_fiscal_year_is_due_on_may_31_of_the_next_year()
    {
        var deadline = ReportDeadline.Default;

        Assert.Equal(new DateOnly(2026, 5, 31), deadline.For(FirstYear));
        Assert.False(deadline.IsOverdue(FirstYear, new DateOnly(2026, 5, 31), null));
        Assert.True(deadline.IsOverdue(FirstYear, new DateOnly(2026, 6, 1), null));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(AnnualReportStatus.Draft, true)]
    [InlineData(AnnualReportStatus.Returned, true)]
    [InlineData(AnnualReportStatus.Submitted, false)]
    [InlineData(AnnualReportStatus.Resubmitted, false)]
    [InlineData(AnnualReportStatus.Accepted, false)]
    public void After_the_deadline_a_missing_draft_or_returned_report_is_overdue(AnnualReportStatus? status, bool overdue)
    {
        Assert.Equal(overdue, ReportDeadline.Default.IsOverdue(FirstYear, new DateOnly(2026, 6, 1), status));
        Assert.False(ReportDeadline.Default.IsOverdue(FirstYear, new DateOnly(2026, 5, 31), status));
    }

    [Fact]
    public void The_date_in_japan_decides_whether_a_report_is_overdue()
    {
        // 2026-05-31T14:59Z is still May 31 in Japan; 15:00Z is already June 1.
        Assert.False(ReportDeadline.Default.IsOverdue(FirstYear, new DateTime(2026, 5, 31, 14, 59, 0, DateTimeKind.Utc), AnnualReportStatus.Draft));
        Assert.True(ReportDeadline.Default.IsOverdue(FirstYear, new DateTime(2026, 5, 31, 15, 0, 0, DateTimeKind.Utc), AnnualReportStatus.Draft));
    }

    [Fact]
    public void The_deadline_can_be_configured()
    {
        Assert.Equal(new DateOnly(2026, 6, 30), new ReportDeadline(6, 30).For(FirstYear));
        Assert.Equal(new DateOnly(2027, 2, 28), new ReportDeadline(2, 29).For(SecondYear));
        Assert.Equal(new DateOnly(2028, 2, 29), new ReportDeadline(2, 29).For(SecondYear + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportDeadline(4, 31));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportDeadline(13, 1));
    }

    internal static IEnumerable<BudgetActualDraft> BudgetActuals(long feeActual = 0)
    {
        yield return new BudgetActualDraft(BudgetCategory.CityShare, "市負担金", 300_000);
        yield return new BudgetActualDraft(BudgetCategory.ParticipantFees, "セミナー参加費", feeActual, "参加費を徴収しなかった。");
        yield return new BudgetActualDraft(BudgetCategory.Honoraria, "講師謝礼", 180_000);
        yield return new BudgetActualDraft(BudgetCategory.Rentals, "会場使用料", 96_000);
        yield return new BudgetActualDraft(BudgetCategory.Supplies, "教材印刷費", 24_000, "印刷は市で行った。");
    }

    private static (AnnualReport Report, Project Project, ProjectPlan Plan) Draft()
    {
        var (project, baseline) = InProgressWithBaseline();
        return (AnnualReport.Start(project, FirstYear, GroupUser, AfterFirstYear), project, baseline);
    }

    private static void Complete(AnnualReport report)
    {
        report.UpdateSections(ReportActor.Group, Sections, AfterFirstYear);
        report.ReplaceKpiActuals(
            ReportActor.Group,
            [
                new KpiActualDraft("就労者数", 4, null, "団体の支援記録", "1人は再就職で満足度が上がった。"),
                new KpiActualDraft("参加者の意識の変化", null, "働くことへの不安が減ったという声が多かった。", "参加者アンケート"),
            ],
            AfterFirstYear);
        report.ReplaceBudgetActuals(ReportActor.Group, BudgetActuals(), AfterFirstYear);
    }

    private static (AnnualReport Report, Project Project, ProjectPlan Plan) Submitted()
    {
        var (report, project, plan) = Draft();
        Complete(report);
        report.Submit(plan.Content, GroupUser, Reviewing);
        return (report, project, plan);
    }

    private static (AnnualReport Report, Project Project, ProjectPlan Plan) Accepted()
    {
        var (report, project, plan) = Submitted();
        report.UpdateDepartmentComment(ReportActor.Department, "参加者の確保が課題。", DepartmentRating.Fair, DepartmentUser, Reviewing);
        report.Accept(ReportActor.Department, DepartmentUser, "受理します。", Reviewing.AddDays(1));
        return (report, project, plan);
    }
}
