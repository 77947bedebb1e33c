namespace KyodoPortal.Domain.Common;

/// <summary>Guards for instants the entities keep, which are always UTC.</summary>
internal static class UtcTime
{
    // Japan has not observed daylight saving time since 1951 (see FiscalYear).
    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    /// <summary>
    /// Refuses local times (a server's time zone must never leak into stored instants) and marks
    /// unspecified ones as UTC, which is how EF Core and form binders commonly hand them over.
    /// </summary>
    public static DateTime Require(DateTime value, string paramName) =>
        value.Kind == DateTimeKind.Local
            ? throw new ArgumentException("The instant must be in UTC, not local time.", paramName)
            : DateTime.SpecifyKind(value, DateTimeKind.Utc);

    /// <summary>The calendar date in Japan at the UTC instant <paramref name="utc"/>.</summary>
    public static DateOnly JapanDate(DateTime utc) =>
        DateOnly.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc) + JapanOffset);
}
