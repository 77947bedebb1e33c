using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Guidelines;

namespace KyodoPortal.Tests.Domain.Guidelines;

/// <summary>Issue 17, part A: the guideline, its periods, scheme and areas, measures and their yearly progress.</summary>
public class GuidelineTests
{
    private static readonly DateTime Now = new(2025, 6, 10, 1, 0, 0, DateTimeKind.Utc);

    /// <summary>Seed 002's scheme and its areas (1)–(2), period 1 (令和2年8月, FY2020–FY2024) adopted.</summary>
    internal static Guideline Seed002()
    {
        var guideline = new Guideline("市民活動と協働を推進するための指針");
        guideline.AddClassification("Ⅰ", "優先度が高く、短期的（１～２年）に実施していくもの", isPriority: true);
        guideline.AddClassification("Ⅱ—ア", "優先度がやや高く、中期的（３～５年）に実施していくもの", isPriority: false);
        guideline.AddClassification("Ⅱ—イ", "現状の取り組みを継続しながら、充実を図るもの", isPriority: false);
        guideline.AddClassification("Ⅲ", "充分に検討しながら、段階的に実施していくもの", isPriority: false);
        guideline.AddArea("活動の場の提供に関すること", "市民活動団体等の活動拠点の確保");
        var money = guideline.AddArea("財政的支援に関すること");
        guideline.AddSubArea(money, "市民活動団体等の活動資金の確保");
        guideline.AddSubArea(money, "活動に伴うリスクの負担に対する支援");
        guideline.AddPeriod(2020, 2024).Adopt(new DateOnly(2020, 8, 1));
        return guideline;
    }

    internal static GuidelineMeasure Fund(Guideline guideline) =>
        new(guideline, guideline.PeriodNumbered(1), new MeasureDraft(
            "市民活動を支援するための基金の設置",
            "市民活動支援に充てる財源を確保していくために寄附金を活用した基金を設置します。",
            guideline.AreaNumbered(2),
            guideline.AreaNumbered(2).FindSubArea("ア"),
            guideline.FindClassification("Ⅰ"),
            IsPriority: true,
            [7]));

    private static ProgressEntry Entry(MeasureProgressStatus status = MeasureProgressStatus.InProgress) =>
        new(status, "基金の設置に向けて条例案を検討した。", "検討会 3回", 3m, MeasureEffectiveness.Some, "寄附の受け皿の形が決まった。");

    [Theory]
    [InlineData("Ⅱ—ア")]
    [InlineData("Ⅱ-ア")]
    [InlineData("Ⅱｰア")]
    [InlineData("Ⅱーア")]
    [InlineData("Ⅱ－ア")]
    [InlineData("Ⅱ–ア")]
    [InlineData("II-ｱ")]
    [InlineData("ＩＩ－ア")]
    [InlineData(" Ⅱ ア ")]
    [InlineData("Ⅱア")]
    [InlineData("ii-ア")]
    [InlineData("２ア")]
    [InlineData("【Ⅱ—ア】")]
    public void A_classification_is_read_the_same_whatever_the_dash_or_width(string typed)
    {
        Assert.Equal("II-ア", ClassificationCode.Key(typed));
        Assert.Equal("Ⅱ—ア", Seed002().FindClassification(typed)!.Code);
    }

    [Theory]
    [InlineData("Ⅰ", "I")]
    [InlineData("Ⅲ", "III")]
    [InlineData("III", "III")]
    [InlineData("１", "I")]
    public void A_classification_without_a_letter_is_its_numeral(string typed, string key) =>
        Assert.Equal(key, ClassificationCode.Key(typed));

    [Theory]
    [InlineData("Ⅱ—ウ")]
    [InlineData("Ⅳ")]
    [InlineData("重点")]
    [InlineData("")]
    [InlineData(null)]
    public void A_classification_the_scheme_does_not_have_is_not_found(string? typed) =>
        Assert.Null(Seed002().FindClassification(typed));

    [Fact]
    public void Ⅱ_ア_and_Ⅱ_イ_are_different_classes_and_Ⅱ_alone_is_neither()
    {
        Assert.False(ClassificationCode.Same("Ⅱ—ア", "Ⅱ—イ"));
        Assert.Null(Seed002().FindClassification("Ⅱ"));
    }

    [Fact]
    public void The_scheme_refuses_a_second_class_that_reads_as_one_already_there()
    {
        var guideline = Seed002();

        var refusal = Assert.Throws<DomainRuleException>(() => guideline.AddClassification("Ⅱ-ア", "重複", isPriority: false));

        Assert.Equal("分類「Ⅱ-ア」はすでにあります。", refusal.Message);
        Assert.Equal(4, guideline.Classifications.Count);
    }

    [Fact]
    public void The_coordinator_edits_a_class_of_the_scheme_for_another_citys_wording()
    {
        var guideline = Seed002();
        var one = guideline.FindClassification("Ⅰ")!;

        guideline.UpdateClassification(one, "A", "最優先で取り組むもの", isPriority: true);

        Assert.Same(one, guideline.FindClassification("ａ"));
        Assert.Equal("最優先で取り組むもの", one.Description);
        Assert.Throws<DomainRuleException>(() => guideline.UpdateClassification(one, "Ⅲ", "x", isPriority: false));
    }

    [Fact]
    public void Areas_are_numbered_in_order_and_sub_areas_lettered_ア_イ()
    {
        var guideline = Seed002();

        Assert.Equal([1, 2], guideline.Areas.Select(a => a.Number));
        Assert.Equal(["ア", "イ"], guideline.AreaNumbered(2).SubAreas.Select(s => s.Letter));
        Assert.Same(guideline.AreaNumbered(2).SubAreas[1], guideline.AreaNumbered(2).FindSubArea("ｲ"));
        Assert.Equal("（9）の分野はありません。", Assert.Throws<DomainRuleException>(() => guideline.AreaNumbered(9)).Message);
    }

    [Fact]
    public void A_period_is_adopted_once_and_then_closed()
    {
        var guideline = Seed002();
        var first = guideline.PeriodNumbered(1);

        Assert.Equal(new DateOnly(2020, 8, 1), first.AdoptedOn);
        Assert.Equal([2020, 2021, 2022, 2023, 2024], first.FiscalYears);
        Assert.Equal("第1期はすでに「策定済」です。", Assert.Throws<DomainRuleException>(() => first.Adopt(new DateOnly(2020, 9, 1))).Message);
        var second = guideline.AddPeriod(2025, 2029);
        Assert.Equal(2, second.Number);
        Assert.Throws<DomainRuleException>(() => guideline.AddPeriod(2030, 2034));
        Assert.Equal("「案」の期は「終了」にできません。", Assert.Throws<DomainRuleException>(second.Close).Message);

        first.Close();

        Assert.True(first.IsClosed);
        Assert.Equal("第1期は終了しているため変更できません。", Assert.Throws<DomainRuleException>(() => first.SetDeadline(2024, new DateOnly(2025, 6, 30))).Message);
    }

    [Fact]
    public void A_period_refuses_years_in_the_wrong_order_or_too_many()
    {
        var guideline = new Guideline("指針");

        Assert.Throws<DomainRuleException>(() => guideline.AddPeriod(2024, 2020));
        Assert.Throws<DomainRuleException>(() => guideline.AddPeriod(2020, 2030));
        Assert.Empty(guideline.Periods);
    }

    [Fact]
    public void A_measure_has_its_place_classification_and_departments()
    {
        var guideline = Seed002();

        var measure = Fund(guideline);

        Assert.Equal(2, measure.Area.Number);
        Assert.Equal("ア", measure.SubArea!.Letter);
        Assert.Equal("Ⅰ", measure.Classification.Code);
        Assert.True(measure.IsPriority);
        Assert.True(measure.IsInChargeOf(7));
        Assert.False(measure.IsInChargeOf(8));
    }

    [Fact]
    public void A_measure_without_area_or_classification_is_refused_with_a_clear_message()
    {
        var guideline = Seed002();
        var period = guideline.PeriodNumbered(1);
        var area = guideline.AreaNumbered(1);
        var one = guideline.FindClassification("Ⅰ");

        Assert.Equal("施策の分野を選んでください。", Assert.Throws<DomainRuleException>(() => new GuidelineMeasure(guideline, period, new MeasureDraft("公共施設の有効利用", null, null, null, one, false, []))).Message);
        Assert.Equal("施策の分類を選んでください。", Assert.Throws<DomainRuleException>(() => new GuidelineMeasure(guideline, period, new MeasureDraft("公共施設の有効利用", null, area, null, null, false, []))).Message);
    }

    [Fact]
    public void A_measure_cannot_sit_under_another_areas_sub_area()
    {
        var guideline = Seed002();
        var draft = new MeasureDraft("公共施設の有効利用", null, guideline.AreaNumbered(1), guideline.AreaNumbered(2).FindSubArea("イ"), guideline.FindClassification("Ⅰ"), false, []);

        var refusal = Assert.Throws<DomainRuleException>(() => new GuidelineMeasure(guideline, guideline.PeriodNumbered(1), draft));

        Assert.Equal("「活動に伴うリスクの負担に対する支援」は（1）活動の場の提供に関することの項目ではありません。", refusal.Message);
    }

    [Fact]
    public void A_measures_departments_are_replaced_by_an_edit()
    {
        var guideline = Seed002();
        var measure = Fund(guideline);

        measure.Update(guideline, new MeasureDraft(measure.Title, measure.Description, measure.Area, measure.SubArea, guideline.FindClassification("Ⅱ—ア"), false, [8, 9, 8]));

        Assert.Equal([8, 9], measure.Departments.Select(d => d.DepartmentId));
        Assert.Equal("Ⅱ—ア", measure.Classification.Code);
    }

    [Fact]
    public void A_closed_period_is_read_only_for_its_measures_and_their_progress()
    {
        var guideline = Seed002();
        var measure = Fund(guideline);
        var progress = new MeasureProgress(measure, 2024, Entry());
        guideline.PeriodNumbered(1).Close();

        Assert.Equal("第1期は終了しているため変更できません。", Assert.Throws<DomainRuleException>(() => measure.Update(guideline, new MeasureDraft("新しい名前", null, measure.Area, null, measure.Classification, false, []))).Message);
        Assert.Throws<DomainRuleException>(() => new GuidelineMeasure(guideline, guideline.PeriodNumbered(1), new MeasureDraft("追加", null, measure.Area, null, measure.Classification, false, [])));
        Assert.Throws<DomainRuleException>(() => progress.Update(Entry(MeasureProgressStatus.Done)));
        Assert.Throws<DomainRuleException>(() => progress.Submit(ProgressActor.Department, "dept", Now));
        Assert.Throws<DomainRuleException>(() => new MeasureProgress(measure, 2023, Entry()));
        Assert.False(progress.IsEditable);
        Assert.False(progress.CanMoveTo(ProgressReviewStatus.Submitted, ProgressActor.Coordinator));
        Assert.Equal("市民活動を支援するための基金の設置", measure.Title);
        Assert.Equal(MeasureProgressStatus.InProgress, progress.Status);
    }

    [Fact]
    public void Progress_is_recorded_only_for_a_fiscal_year_of_the_period()
    {
        var measure = Fund(Seed002());

        var refusal = Assert.Throws<DomainRuleException>(() => new MeasureProgress(measure, 2025, Entry()));

        Assert.Equal("令和7年度は第1期（令和2年度～令和6年度）の年度ではありません。", refusal.Message);
    }

    [Fact]
    public void The_department_submits_the_coordinator_returns_with_a_reason_and_confirms_the_resubmission()
    {
        var progress = new MeasureProgress(Fund(Seed002()), 2024, Entry());
        Assert.True(progress.CanMoveTo(ProgressReviewStatus.Submitted, ProgressActor.Department));
        Assert.False(progress.CanMoveTo(ProgressReviewStatus.Confirmed, ProgressActor.Coordinator));

        progress.Submit(ProgressActor.Department, "dept", Now);
        Assert.False(progress.IsEditable);
        Assert.False(progress.CanMoveTo(ProgressReviewStatus.Returned, ProgressActor.Department));
        Assert.True(progress.CanMoveTo(ProgressReviewStatus.Confirmed, ProgressActor.Coordinator));
        Assert.False(progress.CanMoveTo(ProgressReviewStatus.Confirmed, ProgressActor.Department));
        Assert.Equal("この進捗はすでに「提出済み」です。", Assert.Throws<DomainRuleException>(() => progress.Submit(ProgressActor.Department, "dept", Now)).Message);
        Assert.Equal("差し戻す理由を入力してください。", Assert.Throws<DomainRuleException>(() => progress.Return("  ", "coord", Now)).Message);

        progress.Return("実績の数値を記入してください。", "coord", Now);
        Assert.True(progress.IsEditable);
        Assert.Equal("実績の数値を記入してください。", progress.ReturnReason);
        progress.Update(Entry(MeasureProgressStatus.Done));
        progress.Submit(ProgressActor.Department, "dept", Now);
        progress.Confirm("coord", Now);

        Assert.Equal(ProgressReviewStatus.Confirmed, progress.Review);
        Assert.Equal(MeasureProgressStatus.Done, progress.Status);
        Assert.Equal(
            [(ProgressReviewStatus.Draft, ProgressReviewStatus.Submitted), (ProgressReviewStatus.Submitted, ProgressReviewStatus.Returned), (ProgressReviewStatus.Returned, ProgressReviewStatus.Submitted), (ProgressReviewStatus.Submitted, ProgressReviewStatus.Confirmed)],
            progress.History.Select(h => (h.From, h.To)));
        Assert.Equal("実績の数値を記入してください。", progress.History[1].Comment);
    }

    [Fact]
    public void A_confirmed_record_is_final_and_confirming_twice_is_refused()
    {
        var progress = new MeasureProgress(Fund(Seed002()), 2024, Entry());
        progress.Submit(ProgressActor.Coordinator, "coord", Now);
        progress.Confirm("coord", Now);

        Assert.Equal("この進捗はすでに「確認済み」です。", Assert.Throws<DomainRuleException>(() => progress.Confirm("coord", Now)).Message);
        Assert.Equal("「確認済み」の進捗は変更できません。変更できるのは下書きか差戻しの間だけです。", Assert.Throws<DomainRuleException>(() => progress.Update(Entry())).Message);
        Assert.Throws<DomainRuleException>(() => progress.Return("やり直し", "coord", Now));
        Assert.Single(progress.History, h => h.To == ProgressReviewStatus.Confirmed);
    }

    [Fact]
    public void A_year_is_due_on_May_31_after_it_unless_the_coordinator_set_another_day()
    {
        var period = Seed002().PeriodNumbered(1);

        Assert.Equal(new DateOnly(2024, 5, 31), period.DueOn(2023));
        period.SetDeadline(2023, new DateOnly(2024, 6, 30));
        period.SetDeadline(2023, new DateOnly(2024, 7, 15));

        Assert.Equal(new DateOnly(2024, 7, 15), period.DueOn(2023));
        Assert.Single(period.Deadlines);
        Assert.Throws<DomainRuleException>(() => period.SetDeadline(2025, new DateOnly(2026, 5, 31)));
        Assert.Throws<DomainRuleException>(() => period.SetDeadline(2023, new DateOnly(2023, 3, 31)));
    }

    [Theory]
    [InlineData(null, "2024-06-01", true)]
    [InlineData(ProgressReviewStatus.Draft, "2024-06-01", true)]
    [InlineData(ProgressReviewStatus.Returned, "2024-06-01", true)]
    [InlineData(ProgressReviewStatus.Submitted, "2024-06-01", false)]
    [InlineData(ProgressReviewStatus.Confirmed, "2024-06-01", false)]
    [InlineData(null, "2024-05-31", false)]
    public void A_year_is_overdue_after_its_deadline_while_missing_draft_or_returned(ProgressReviewStatus? status, string today, bool overdue) =>
        Assert.Equal(overdue, Seed002().PeriodNumbered(1).IsOverdue(2023, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), status));
}
