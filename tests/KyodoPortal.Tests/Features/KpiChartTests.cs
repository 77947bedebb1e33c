using KyodoPortal.Web.Features.ProjectYears;

namespace KyodoPortal.Tests.Features;

/// <summary>The geometry of the KPI target-vs-actual chart on the fiscal-year page.</summary>
public sealed class KpiChartTests
{
    private static readonly KpiChartPoint[] Seed000 =
    [
        new(2025, "令和7年度", 120, 42),
        new(2026, "令和8年度", 120, null),
    ];

    [Theory]
    [InlineData(0, 1)]
    [InlineData(4, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(42, 10)]
    [InlineData(120, 50)]
    [InlineData(1000, 200)]
    [InlineData(0.5, 0.1)]
    public void The_step_is_a_round_number_that_covers_the_largest_value_in_five_steps(decimal largest, decimal step)
    {
        Assert.Equal(step, KpiChart.Step(largest));
    }

    [Fact]
    public void The_axis_ends_at_the_first_round_value_at_or_above_the_largest_and_ticks_run_bottom_to_top()
    {
        var chart = KpiChart.Build(Seed000);

        Assert.Equal(150, chart.AxisMax);
        Assert.Equal([0m, 50m, 100m, 150m], chart.Ticks.Select(t => t.Value));
        Assert.Equal(chart.PlotBottom, chart.Ticks[0].Y);
        Assert.Equal(chart.PlotTop, chart.Ticks[^1].Y);
        Assert.Equal(["0", "50", "100", "150"], chart.Ticks.Select(t => t.Text));
    }

    [Fact]
    public void Bar_heights_are_proportional_to_their_values_and_stand_on_the_baseline()
    {
        var chart = KpiChart.Build(Seed000);
        var plotHeight = chart.PlotBottom - chart.PlotTop;
        var first = chart.Groups[0];

        Assert.Equal(Math.Round(120m / 150m * plotHeight, 2), first.Target!.Height);
        Assert.Equal(Math.Round(42m / 150m * plotHeight, 2), first.Actual!.Height);
        Assert.Equal(chart.PlotBottom, first.Target.Y + first.Target.Height);
        Assert.Equal(chart.PlotBottom, first.Actual.Y + first.Actual.Height);
        Assert.Equal(0.35m, Math.Round(first.Actual.Height / first.Target.Height, 2));
    }

    [Fact]
    public void Each_year_gets_an_equal_slot_with_the_target_left_and_the_actual_right_of_its_centre()
    {
        var chart = KpiChart.Build(Seed000);
        var slot = (chart.PlotRight - chart.PlotLeft) / 2;

        Assert.Equal([chart.PlotLeft + (slot / 2), chart.PlotLeft + (slot * 1.5m)], chart.Groups.Select(g => g.LabelX));
        var first = chart.Groups[0];
        Assert.Equal(first.LabelX, first.Target!.X + first.Target.Width);
        Assert.Equal(first.LabelX, first.Actual!.X);
        Assert.True(first.Actual.X + first.Actual.Width <= chart.Groups[1].Target!.X);
        Assert.Null(chart.Groups[1].Actual);
    }

    [Fact]
    public void Nothing_to_show_still_gives_a_valid_axis()
    {
        var chart = KpiChart.Build([new KpiChartPoint(2025, "令和7年度", null, null)]);

        Assert.Equal(1, chart.AxisMax);
        Assert.Null(chart.Groups[0].Target);
        Assert.Null(chart.Groups[0].Actual);
        Assert.Empty(KpiChart.Build([]).Groups);
    }

    [Fact]
    public void A_zero_actual_is_a_bar_of_no_height_not_a_missing_one()
    {
        var chart = KpiChart.Build([new KpiChartPoint(2025, "令和7年度", 10, 0)]);

        Assert.Equal(0, chart.Groups[0].Actual!.Height);
        Assert.Equal(chart.PlotBottom, chart.Groups[0].Actual!.Y);
    }

    [Fact]
    public void Coordinates_are_written_with_a_dot_whatever_the_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal("12.5", KpiChart.Svg(12.50m));
            Assert.Equal("176", KpiChart.Svg(176.00m));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
