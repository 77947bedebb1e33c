using System.Globalization;
using KyodoPortal.Domain.Common;

namespace KyodoPortal.Web.Infrastructure.Formatting;

/// <summary>View helpers: dates, fiscal years and yen in the current UI culture (wareki in Japanese).</summary>
public static class DisplayFormat
{
    public static string Date(DateOnly date) => JapaneseFormat.Date(date, CultureInfo.CurrentUICulture);

    /// <summary>令和8年12月2日（水） / 2026-12-02 (Wed).</summary>
    public static string DateWithWeekday(DateOnly date) => JapaneseFormat.DateWithWeekday(date, CultureInfo.CurrentUICulture);

    /// <summary>「13:30〜16:00」, 「13:30〜」 or nothing.</summary>
    public static string TimeRange(TimeOnly? startsAt, TimeOnly? endsAt) =>
        startsAt is { } start
            ? start.ToString("HH:mm", CultureInfo.InvariantCulture) + (endsAt is { } end ? "〜" + end.ToString("HH:mm", CultureInfo.InvariantCulture) : "〜")
            : string.Empty;

    /// <summary>A stored UTC instant shown as a Japan-time date and time.</summary>
    public static string DateTime(DateTime utc)
    {
        var local = JapanTime.FromUtc(utc);
        return string.Create(CultureInfo.InvariantCulture, $"{Date(DateOnly.FromDateTime(local))} {local:HH:mm}");
    }

    public static string Yen(long amount) => JapaneseFormat.Yen(amount, CultureInfo.CurrentUICulture);

    public static string FiscalYear(FiscalYear year) => year.ToString(CultureInfo.CurrentUICulture);
}
