using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Projects;

/// <summary>
/// How far an amount is from its plan: <see cref="Amount"/> = actual − planned (yen) and
/// <see cref="Percent"/> = that difference as a share of the plan (null when nothing was planned).
/// 参加費 planned 120,000円, actual 0円 → −120,000円, −100.0%.
/// </summary>
public readonly record struct BudgetDeviation(long Amount, Percentage? Percent)
{
    public static BudgetDeviation Between(long planned, long actual) =>
        new(actual - planned, Percentage.OfOrNull(actual - planned, planned));
}

/// <summary>The figures the execution stage shows, computed exactly (never with floating point).</summary>
public static class ProjectFigures
{
    /// <summary>参加率: attendance of capacity, 7 of 20 = 35.0%. Null without an attendance or a capacity (0 = none).</summary>
    public static Percentage? AttendanceRate(int? attendance, int? capacity) =>
        attendance is { } attended && capacity is { } seats and > 0 ? Percentage.Of(attended, seats) : null;

    /// <summary>達成率: a KPI's actual of its target, 4 of 5 = 80.0%. Null without an actual or a target (0 = none).</summary>
    public static Percentage? Attainment(decimal? actual, long? target) =>
        actual is { } value && target is { } goal and > 0 ? Percentage.Of(value, goal) : null;
}
