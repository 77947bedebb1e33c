using System.Globalization;

namespace KyodoPortal.Web.Features.ProjectYears;

/// <summary>One fiscal year of a quantitative KPI: the plan's target and the reported actual (either may be missing).</summary>
public sealed record KpiChartPoint(int FiscalYear, string Label, long? Target, decimal? Actual);

/// <summary>A bar in SVG user units; <see cref="Y"/> is its top edge.</summary>
public sealed record KpiChartBar(decimal Value, decimal X, decimal Y, decimal Width, decimal Height);

/// <summary>A horizontal grid line with its value.</summary>
public sealed record KpiChartTick(decimal Value, decimal Y)
{
    public string Text => Value.ToString("#,0.##", CultureInfo.InvariantCulture);
}

/// <summary>One fiscal year on the chart: a target bar and an actual bar side by side, and the year's label below them.</summary>
public sealed record KpiChartGroup(KpiChartPoint Point, decimal LabelX, KpiChartBar? Target, KpiChartBar? Actual);

/// <summary>Everything the view needs to draw a target-vs-actual bar chart; coordinates in SVG user units.</summary>
public sealed record KpiChartModel(
    decimal Width,
    decimal Height,
    decimal PlotLeft,
    decimal PlotRight,
    decimal PlotTop,
    decimal PlotBottom,
    decimal AxisMax,
    IReadOnlyList<KpiChartTick> Ticks,
    IReadOnlyList<KpiChartGroup> Groups);

/// <summary>
/// Lays out a small bar chart of a KPI's target against its actual over the fiscal years of a
/// term. The value axis starts at 0 and ends at a round number (1, 2 or 5 × 10ⁿ steps) at or above
/// the largest value, so bars of different KPIs read the same way. Pure geometry: the view only
/// prints the numbers into &lt;rect&gt; and &lt;text&gt; elements.
/// </summary>
public static class KpiChart
{
    public const decimal Width = 480;
    public const decimal Height = 220;
    public const decimal MarginLeft = 56;
    public const decimal MarginRight = 12;
    public const decimal MarginTop = 12;
    public const decimal MarginBottom = 32;

    /// <summary>At most this many steps between 0 and the axis maximum.</summary>
    public const int MaxSteps = 5;

    /// <summary>Each bar's share of its year's slot.</summary>
    private const decimal BarShare = 0.3m;

    public static KpiChartModel Build(IReadOnlyList<KpiChartPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var plotLeft = MarginLeft;
        var plotRight = Width - MarginRight;
        var plotTop = MarginTop;
        var plotBottom = Height - MarginBottom;
        var plotHeight = plotBottom - plotTop;

        var largest = points.SelectMany(p => new[] { p.Target is { } t ? (decimal)t : 0m, p.Actual ?? 0m }).DefaultIfEmpty(0m).Max();
        var step = Step(largest);
        var axisMax = largest <= 0 ? step : Math.Ceiling(largest / step) * step;
        var ticks = new List<KpiChartTick>();
        for (var value = 0m; value <= axisMax; value += step)
        {
            ticks.Add(new KpiChartTick(value, Round(plotBottom - (value / axisMax * plotHeight))));
        }

        var slot = points.Count == 0 ? 0 : (plotRight - plotLeft) / points.Count;
        var barWidth = Round(slot * BarShare);
        var groups = new List<KpiChartGroup>();
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var center = plotLeft + (slot * i) + (slot / 2);
            groups.Add(new KpiChartGroup(
                point,
                Round(center),
                point.Target is { } target ? Bar(target, Round(center - barWidth), barWidth, axisMax, plotBottom, plotHeight) : null,
                point.Actual is { } actual ? Bar(actual, Round(center), barWidth, axisMax, plotBottom, plotHeight) : null));
        }

        return new KpiChartModel(Width, Height, plotLeft, plotRight, plotTop, plotBottom, axisMax, ticks, groups);
    }

    /// <summary>A coordinate for an SVG attribute: invariant, at most two decimals ("12.5", not "12,50").</summary>
    public static string Svg(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The smallest 1, 2 or 5 × 10ⁿ step that covers <paramref name="largest"/> in <see cref="MaxSteps"/> steps (1 for nothing to show).</summary>
    internal static decimal Step(decimal largest)
    {
        if (largest <= 0)
        {
            return 1;
        }

        var raw = largest / MaxSteps;
        var magnitude = 1m;
        while (magnitude * 10 <= raw)
        {
            magnitude *= 10;
        }

        while (magnitude > raw && magnitude > 0.01m)
        {
            magnitude /= 10;
        }

        foreach (var factor in new[] { 1m, 2m, 5m, 10m })
        {
            if (magnitude * factor >= raw)
            {
                return magnitude * factor;
            }
        }

        return magnitude * 10;
    }

    private static KpiChartBar Bar(decimal value, decimal x, decimal width, decimal axisMax, decimal plotBottom, decimal plotHeight)
    {
        var height = Round(value / axisMax * plotHeight);
        return new KpiChartBar(value, x, plotBottom - height, width, height);
    }

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
