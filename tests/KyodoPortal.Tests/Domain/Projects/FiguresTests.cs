using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using static KyodoPortal.Tests.Domain.Builders.ProjectBuilder;

namespace KyodoPortal.Tests.Domain.Projects;

public class FiguresTests
{
    [Theory]
    [InlineData(7, 20, 350, "35.0%")]
    [InlineData(8, 25, 320, "32.0%")]
    [InlineData(1, 3, 333, "33.3%")]
    [InlineData(2, 3, 667, "66.7%")]
    [InlineData(1, 2000, 1, "0.1%")]
    [InlineData(1, 3000, 0, "0.0%")]
    [InlineData(-1, 2000, -1, "-0.1%")]
    [InlineData(-1, 3000, 0, "0.0%")]
    [InlineData(-120_000, 420_000, -286, "-28.6%")]
    [InlineData(1, -4, -250, "-25.0%")]
    [InlineData(4, 4, 1000, "100.0%")]
    public void A_rate_is_exact_and_shown_with_one_decimal_rounded_half_away_from_zero(long part, long whole, long tenths, string display)
    {
        var rate = Percentage.Of(part, whole);

        Assert.Equal(tenths, rate.Tenths);
        Assert.Equal(tenths / 10m, rate.Rounded);
        Assert.Equal(display, rate.ToString());
    }

    [Fact]
    public void Rates_compare_and_equal_exactly()
    {
        Assert.Equal(Percentage.Of(1, 2), Percentage.Of(50, 100));
        Assert.True(Percentage.Of(1, 3) < Percentage.Of(3_333_333_333_333_334, 10_000_000_000_000_000));
        Assert.NotEqual(Percentage.Of(1, 3), Percentage.Of(3_333, 10_000));
        Assert.Equal(Percentage.Of(1, 3), Percentage.Of(1m, 3m));
        Assert.Equal(Percentage.Of(1, 3), Percentage.Of(0.1m, 0.3m));
        Assert.Equal("75.0%", Percentage.Of(4.5m, 6m).ToString());
        Assert.Equal("0.0%", default(Percentage).ToString());
    }

    [Fact]
    public void A_rate_of_nothing_is_undefined()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentage.Of(1, 0));
        Assert.Null(Percentage.OfOrNull(1, 0));
        Assert.Null(Percentage.OfOrNull(1m, 0m));
        Assert.Equal(Percentage.Of(1, 4), Percentage.OfOrNull(1, 4));
    }

    [Fact]
    public void A_signed_rate_shows_the_direction_of_a_deviation()
    {
        Assert.Equal("+20.0%", Percentage.Of(1, 5).ToSignedString());
        Assert.Equal("-100.0%", Percentage.Of(-1, 1).ToSignedString());
        Assert.Equal("0.0%", Percentage.Of(0, 1).ToSignedString());
    }

    [Fact]
    public void Attendance_of_7_for_20_seats_is_35_percent()
    {
        Assert.Equal("35.0%", ProjectFigures.AttendanceRate(7, 20).ToString());
        Assert.Null(ProjectFigures.AttendanceRate(7, 0));
        Assert.Null(ProjectFigures.AttendanceRate(null, 20));
    }

    [Fact]
    public void Attainment_is_the_actual_of_the_target()
    {
        Assert.Equal("100.0%", ProjectFigures.Attainment(4, 4).ToString());
        Assert.Equal("66.7%", ProjectFigures.Attainment(4, 6).ToString());
        Assert.Equal("125.0%", ProjectFigures.Attainment(7.5m, 6).ToString());
        Assert.Null(ProjectFigures.Attainment(4, 0));
        Assert.Null(ProjectFigures.Attainment(4, null));
        Assert.Null(ProjectFigures.Attainment(null, 4));
    }

    [Fact]
    public void A_budget_deviation_is_the_difference_and_its_share_of_the_plan()
    {
        Assert.Equal(new BudgetDeviation(-120_000, Percentage.Of(-1, 1)), BudgetDeviation.Between(120_000, 0));
        Assert.Equal("+11.1%", BudgetDeviation.Between(180_000, 200_000).Percent!.Value.ToSignedString());
        Assert.Equal(new BudgetDeviation(5_000, null), BudgetDeviation.Between(0, 5_000));
    }

    [Fact]
    public void Budget_execution_puts_each_planned_heading_beside_its_actual()
    {
        var (project, baseline) = InProgressWithBaseline();
        var report = AnnualReport.Start(project, FirstYear, GroupUser, AfterFirstYear);
        report.ReplaceBudgetActuals(
            ReportActor.Group,
            [
                new BudgetActualDraft(BudgetCategory.CityShare, "市負担金", 300_000),
                new BudgetActualDraft(BudgetCategory.ParticipantFees, "セミナー参加費", 0, "参加費を徴収しなかった。"),
                new BudgetActualDraft(BudgetCategory.Honoraria, "講師謝礼", 180_000),
                new BudgetActualDraft(BudgetCategory.Supplies, "教材印刷費", 24_000),
                new BudgetActualDraft(BudgetCategory.OtherExpense, "広告費", 10_000),
            ],
            AfterFirstYear);

        var table = BudgetExecution.For(report, baseline.Content);

        Assert.Equal(FirstYear, table.FiscalYear);
        Assert.Equal(
            [
                ("市負担金（市負担金）", true, 300_000L, (long?)300_000, (long?)0, "0.0%"),
                ("参加費（セミナー参加費）", true, 120_000, 0, -120_000, "-100.0%"),
                ("報償費（講師謝礼）", true, 180_000, 180_000, 0, "0.0%"),
                ("使用料（会場使用料）", true, 120_000, null, null, null),
                ("需用費（教材印刷費）", true, 120_000, 24_000, -96_000, "-80.0%"),
                ("その他（広告費）", false, 0, 10_000, 10_000, null),
            ],
            table.Rows.Select(row => (row.Label, row.InPlan, row.Planned, row.Actual, row.Deviation?.Amount, row.Deviation?.Percent?.ToString())));
        Assert.Equal("参加費を徴収しなかった。", table.Rows[1].Note);
        Assert.Equal(new BudgetExecutionTotal(420_000, 300_000, BudgetDeviation.Between(420_000, 300_000)), table.Income);
        Assert.Equal("-28.6%", table.Income.Deviation.Percent.ToString());
        Assert.Equal((420_000L, 214_000L), (table.Expense.Planned, table.Expense.Actual));
    }

    [Fact]
    public void Planned_lines_sharing_a_heading_are_summed()
    {
        var plan = PlanContent.Create(
            [],
            [new BudgetLineDraft(FirstYear, BudgetCategory.Honoraria, "講師謝礼", 30_000), new BudgetLineDraft(FirstYear, BudgetCategory.Honoraria, "講師謝礼", 50_000)],
            [],
            []);

        var row = Assert.Single(BudgetExecution.For(plan, FirstYear, []).Rows);

        Assert.Equal((80_000L, (long?)null), (row.Planned, row.Actual));
    }

    [Fact]
    public void Kpi_results_show_targets_actuals_and_attainment_and_kpis_the_plan_never_set()
    {
        var (project, baseline) = InProgressWithBaseline();
        var report = AnnualReport.Start(project, FirstYear, GroupUser, AfterFirstYear);
        report.ReplaceKpiActuals(
            ReportActor.Group,
            [
                new KpiActualDraft("セミナー参加者数", 7, Comment: "定員20人に対して7人"),
                new KpiActualDraft("就労者数", 4, Evidence: "団体の支援記録"),
            ],
            AfterFirstYear);

        var results = KpiResults.For(report, baseline.Content);

        Assert.Equal(
            [
                ("就労者数", true, (long?)4, (decimal?)4, "100.0%"),
                ("参加者の意識の変化", true, null, null, null),
                ("セミナー参加者数", false, null, 7, null),
            ],
            results.Select(result => (result.KpiName, result.InPlan, result.TargetValue, result.ActualValue, result.Attainment?.ToString())));
        Assert.Equal("働くことへの不安が減る", results[1].TargetText);
        Assert.Equal("人", results[0].Unit);
        Assert.Null(results[2].Kind);
    }
}
