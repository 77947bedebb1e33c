using System.Globalization;
using KyodoPortal.Domain.Common;

namespace KyodoPortal.Web.Infrastructure.Formatting;

/// <summary>View helpers: dates, fiscal years and yen in the current UI culture (wareki in Japanese).</summary>
public static class DisplayFormat
{
    public static string Date(DateOnly date) => JapaneseFormat.Date(date, CultureInfo.CurrentUICulture);

    /// <summary>A stored UTC instant shown as a Japan-time date and time.</summary>
    public static string DateTime(DateTime utc)
    {
        var local = JapanTime.FromUtc(utc);
        return string.Create(CultureInfo.InvariantCulture, $"{Date(DateOnly.FromDateTime(local))} {local:HH:mm}");
    }

    public static string Yen(long amount) => JapaneseFormat.Yen(amount, CultureInfo.CurrentUICulture);

    public static string FiscalYear(FiscalYear year) => year.ToString(CultureInfo.CurrentUICulture);
}
