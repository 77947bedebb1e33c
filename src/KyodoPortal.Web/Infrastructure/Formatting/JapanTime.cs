namespace KyodoPortal.Web.Infrastructure.Formatting;

/// <summary>
/// Forms take and show Japan time (a call closes at 17:00 JST, whatever the server's zone);
/// the database keeps UTC. Japan has had no daylight saving since 1951, so +9 h is exact.
/// </summary>
public static class JapanTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateTime ToUtc(DateTime japanLocal) =>
        DateTime.SpecifyKind(DateTime.SpecifyKind(japanLocal, DateTimeKind.Unspecified) - Offset, DateTimeKind.Utc);

    public static DateTime FromUtc(DateTime utc) =>
        DateTime.SpecifyKind(DateTime.SpecifyKind(utc, DateTimeKind.Utc) + Offset, DateTimeKind.Unspecified);

    /// <summary>Now, in UTC, from the app's clock.</summary>
    public static DateTime UtcNow(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    /// <summary>Today's date in Japan, from the app's clock.</summary>
    public static DateOnly JapanToday(this TimeProvider clock) => DateOnly.FromDateTime(FromUtc(clock.UtcNow()));
}
