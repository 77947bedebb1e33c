using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using static KyodoPortal.Tests.Domain.Builders.ProjectBuilder;

namespace KyodoPortal.Tests.Domain.Projects;

public class ActivityRecordTests
{
    private static readonly ActivityRecordDraft FirstSeminar = new(new DateOnly(2025, 5, 17), "第1回 就労支援セミナー", "鎌倉商工会議所", 20, 7, 0, "参加費を無料にして実施した。");

    [Fact]
    public void An_activity_is_recorded_with_its_fiscal_year_and_attendance_rate()
    {
        var project = InProgressProject(out _);

        var record = ActivityRecord.Record(project, FirstSeminar, GroupUser, DuringFirstYear);

        Assert.Equal(project.Id, record.ProjectId);
        Assert.Equal(new DateOnly(2025, 5, 17), record.HeldOn);
        Assert.Equal(FirstYear, record.FiscalYear);
        Assert.Equal("第1回 就労支援セミナー", record.Title);
        Assert.Equal("鎌倉商工会議所", record.Venue);
        Assert.Equal((20, 7, 0L), (record.Capacity!.Value, record.Attendance!.Value, record.FeeCharged!.Value));
        Assert.Equal(GroupUser, record.RecordedByUserId);
        Assert.Equal(DuringFirstYear, record.CreatedAtUtc);
        Assert.Equal(DuringFirstYear, record.UpdatedAtUtc);
        Assert.Equal("35.0%", record.AttendanceRate.ToString());
        Assert.Equal(350, record.AttendanceRate!.Value.Tenths);
    }

    [Theory]
    [InlineData(null, 7)]
    [InlineData(0, 7)]
    [InlineData(20, null)]
    public void Without_a_capacity_or_an_attendance_there_is_no_rate(int? capacity, int? attendance)
    {
        var project = InProgressProject(out _);

        var record = ActivityRecord.Record(project, FirstSeminar with { Capacity = capacity, Attendance = attendance }, GroupUser, DuringFirstYear);

        Assert.Null(record.AttendanceRate);
    }

    [Theory]
    [InlineData(2025, 3, 31)]
    [InlineData(2027, 4, 1)]
    public void The_date_must_fall_in_the_project_term(int year, int month, int day)
    {
        var project = InProgressProject(out _);

        var refused = Assert.Throws<DomainRuleException>(() =>
            ActivityRecord.Record(project, FirstSeminar with { HeldOn = new DateOnly(year, month, day) }, GroupUser, DuringFirstYear));

        var afterTerm = year == 2027 ? "事業期間の後の年度は、継続審査で事業期間の延長が決定されるまで計画・記録できません。" : string.Empty;
        Assert.Equal("実施日が事業期間（令和7年度〜令和8年度）外です。" + afterTerm, refused.Message);
    }

    [Fact]
    public void The_last_day_of_the_term_is_inside_it()
    {
        var project = InProgressProject(out _);

        var record = ActivityRecord.Record(project, FirstSeminar with { HeldOn = new DateOnly(2027, 3, 31) }, GroupUser, DuringFirstYear);

        Assert.Equal(SecondYear, record.FiscalYear);
    }

    [Fact]
    public void Activities_are_recorded_only_once_the_agreement_is_signed()
    {
        var project = PreparingProject(out _, out _);

        var refused = Assert.Throws<DomainRuleException>(() => ActivityRecord.Record(project, FirstSeminar, GroupUser, DuringFirstYear));

        Assert.Equal("「協定準備中」の協働事業では実施記録を登録できません。協定の締結後に行ってください。", refused.Message);
    }

    [Theory]
    [InlineData(-1, 7, 0L, "定員と参加者数は0以上で入力してください。")]
    [InlineData(20, -1, 0L, "定員と参加者数は0以上で入力してください。")]
    [InlineData(20, 7, -1L, "参加費は0円以上の妥当な金額で入力してください。")]
    public void Counts_and_fees_cannot_be_negative(int capacity, int attendance, long fee, string message)
    {
        var project = InProgressProject(out _);

        var refused = Assert.Throws<DomainRuleException>(() =>
            ActivityRecord.Record(project, FirstSeminar with { Capacity = capacity, Attendance = attendance, FeeCharged = fee }, GroupUser, DuringFirstYear));

        Assert.Equal(message, refused.Message);
    }

    [Fact]
    public void A_record_can_be_corrected_and_moves_to_the_fiscal_year_of_its_new_date()
    {
        var project = InProgressProject(out _);
        var record = ActivityRecord.Record(project, FirstSeminar, GroupUser, DuringFirstYear);

        record.Update(project, FirstSeminar with { HeldOn = new DateOnly(2026, 5, 16), Attendance = 12, Title = "第1回 就労支援セミナー（2年目）" }, LaterInFirstYear);

        Assert.Equal(SecondYear, record.FiscalYear);
        Assert.Equal(12, record.Attendance);
        Assert.Equal("60.0%", record.AttendanceRate.ToString());
        Assert.Equal(DuringFirstYear, record.CreatedAtUtc);
        Assert.Equal(LaterInFirstYear, record.UpdatedAtUtc);
        Assert.Equal(FirstSeminar with { HeldOn = new DateOnly(2026, 5, 16), Attendance = 12, Title = "第1回 就労支援セミナー（2年目）" }, record.ToDraft());
    }

    [Fact]
    public void A_refused_correction_leaves_the_record_as_it_was()
    {
        var project = InProgressProject(out _);
        var record = ActivityRecord.Record(project, FirstSeminar, GroupUser, DuringFirstYear);

        Assert.Throws<DomainRuleException>(() => record.Update(project, FirstSeminar with { Attendance = 9, FeeCharged = -5 }, LaterInFirstYear));

        Assert.Equal(7, record.Attendance);
        Assert.Equal(DuringFirstYear, record.UpdatedAtUtc);
    }

    [Fact]
    public void A_record_is_corrected_only_with_its_own_project()
    {
        var project = InProgressProject(out _);
        var record = ActivityRecord.Record(project, FirstSeminar, GroupUser, DuringFirstYear);
        var other = WithId(InProgressProject(out _), 2);

        Assert.Throws<ArgumentException>(() => record.Update(other, FirstSeminar, LaterInFirstYear));
    }

    [Fact]
    public void A_fee_the_plan_does_not_show_is_flagged()
    {
        var (project, baseline) = InProgressWithBaseline();
        var record = ActivityRecord.Record(project, FirstSeminar, GroupUser, DuringFirstYear);

        var deviation = PlanDeviations.ForActivity(record, baseline.Content);

        Assert.NotNull(deviation);
        Assert.Equal(PlanArea.ParticipantFee, deviation.Area);
        Assert.Equal("参加費が計画と異なります（計画 1,000円、実際 0円）。承認された計画変更はありません。", deviation.Message.ToString());
    }

    [Fact]
    public void After_an_approved_change_to_free_seminars_a_free_seminar_is_not_flagged()
    {
        var (project, baseline) = InProgressWithBaseline();
        var record = ActivityRecord.Record(project, FirstSeminar, GroupUser, DuringFirstYear);
        var current = ProjectPlan.Next(baseline, ApprovedFreeSeminars(project, baseline), LaterInFirstYear);

        Assert.Null(PlanDeviations.ForActivity(record, current.Content));

        // The change covered 令和7年度 only: a free seminar in 令和8年度 is still a deviation.
        var nextYear = ActivityRecord.Record(project, FirstSeminar with { HeldOn = new DateOnly(2026, 5, 16) }, GroupUser, LaterInFirstYear);
        Assert.Equal("参加費が計画と異なります（計画 1,000円、実際 0円）。承認された計画変更はありません。", PlanDeviations.ForActivity(nextYear, current.Content)?.Message.ToString());

        // And charging the old fee after the change is a deviation too.
        var charged = ActivityRecord.Record(project, FirstSeminar with { FeeCharged = 1_000 }, GroupUser, LaterInFirstYear);
        Assert.Equal("参加費が計画と異なります（計画 0円、実際 1,000円）。承認された計画変更はありません。", PlanDeviations.ForActivity(charged, current.Content)?.Message.ToString());
    }

    [Fact]
    public void The_planned_fee_or_no_recorded_fee_is_not_a_deviation()
    {
        var (project, baseline) = InProgressWithBaseline();
        var asPlanned = ActivityRecord.Record(project, FirstSeminar with { FeeCharged = 1_000 }, GroupUser, DuringFirstYear);
        var notRecorded = ActivityRecord.Record(project, FirstSeminar with { FeeCharged = null }, GroupUser, DuringFirstYear);

        Assert.Null(PlanDeviations.ForActivity(asPlanned, baseline.Content));
        Assert.Null(PlanDeviations.ForActivity(notRecorded, baseline.Content));
    }

    [Fact]
    public void A_plan_without_a_fee_line_plans_free_participation()
    {
        var project = InProgressProject(out _);
        var free = PlanContent.Create(
            [],
            [new BudgetLineDraft(FirstYear, BudgetCategory.CityShare, null, 300_000), new BudgetLineDraft(FirstYear, BudgetCategory.Honoraria, "講師謝礼", 300_000)],
            [],
            []);
        var charged = ActivityRecord.Record(project, FirstSeminar with { FeeCharged = 500 }, GroupUser, DuringFirstYear);
        var notCharged = ActivityRecord.Record(project, FirstSeminar, GroupUser, DuringFirstYear);

        Assert.Equal("参加費が計画と異なります（計画 0円、実際 500円）。承認された計画変更はありません。", PlanDeviations.ForActivity(charged, free)?.Message.ToString());
        Assert.Null(PlanDeviations.ForActivity(notCharged, free));
    }

    [Fact]
    public void Any_of_several_planned_fees_is_as_planned()
    {
        var project = InProgressProject(out _);
        var plan = PlanContent.Create(
            [],
            [
                new BudgetLineDraft(FirstYear, BudgetCategory.ParticipantFees, "一般", null, 1_000, 100),
                new BudgetLineDraft(FirstYear, BudgetCategory.ParticipantFees, "学生", null, 500, 20),
            ],
            [],
            []);
        var student = ActivityRecord.Record(project, FirstSeminar with { FeeCharged = 500 }, GroupUser, DuringFirstYear);
        var other = ActivityRecord.Record(project, FirstSeminar with { FeeCharged = 800 }, GroupUser, DuringFirstYear);

        Assert.Equal([500L, 1_000L], plan.PlannedParticipantFees(FirstYear));
        Assert.Null(PlanDeviations.ForActivity(student, plan));
        Assert.Equal("参加費が計画と異なります（計画 500円・1,000円、実際 800円）。承認された計画変更はありません。", PlanDeviations.ForActivity(other, plan)?.Message.ToString());
    }

    [Fact]
    public void Deviating_records_are_listed_in_date_order()
    {
        var (project, baseline) = InProgressWithBaseline();
        var second = ActivityRecord.Record(project, FirstSeminar with { HeldOn = new DateOnly(2025, 7, 19), Title = "第2回" }, GroupUser, DuringFirstYear);
        var asPlanned = ActivityRecord.Record(project, FirstSeminar with { FeeCharged = 1_000 }, GroupUser, DuringFirstYear);
        var first = ActivityRecord.Record(project, FirstSeminar with { Title = "第1回" }, GroupUser, DuringFirstYear);

        var deviations = PlanDeviations.ForActivities([second, asPlanned, first], baseline.Content);

        Assert.Equal(["第1回", "第2回"], deviations.Select(deviation => deviation.Record.Title));
    }
}
