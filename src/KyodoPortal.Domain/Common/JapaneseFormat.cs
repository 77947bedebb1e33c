using System.Globalization;

namespace KyodoPortal.Domain.Common;

/// <summary>
/// Formats dates and amounts the way Japanese municipal documents expect them.
/// </summary>
/// <remarks>
/// Strings are composed by hand rather than through format patterns because pattern output
/// (for example whether year 1 is written 元 or 1) varies between ICU and Windows NLS versions,
/// and official documents must render identically on every server.
/// </remarks>
public static class JapaneseFormat
{
    /// <summary>
    /// The first date that can be written in wareki. Japan adopted the Gregorian calendar on
    /// Meiji 6-01-01; earlier Meiji dates were lunisolar, so a Gregorian date before this has no
    /// faithful wareki rendering.
    /// </summary>
    public static readonly DateOnly FirstWarekiDate = new(1873, 1, 1);

    private const string GannenYear = "元";

    // 日曜日 first, as DayOfWeek counts.
    private const string JapaneseWeekdays = "日月火水木金土";

    private static readonly JapaneseCalendar EraCalendar = new();

    // The era names come from the OS globalization data (ICU) instead of a hard-coded table so a
    // future era is picked up by a platform update rather than a code change.
    private static readonly DateTimeFormatInfo EraNames = CreateEraNames();

    // A dedicated NumberFormatInfo pins the English currency shape ("-¥1,000") regardless of what
    // the host culture data says about en-* currency patterns.
    private static readonly NumberFormatInfo EnglishYen = CreateEnglishYen();

    /// <summary>Formats <paramref name="date"/> as a wareki date, e.g. 令和6年4月1日 or 令和元年5月1日.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is before <see cref="FirstWarekiDate"/>.</exception>
    public static string WarekiDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{WarekiYear(date)}{date.Month}月{date.Day}日");

    /// <summary>Formats the era year containing <paramref name="date"/>, e.g. 令和6年 or 令和元年.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is before <see cref="FirstWarekiDate"/>.</exception>
    public static string WarekiYear(DateOnly date)
    {
        if (date < FirstWarekiDate)
        {
            throw new ArgumentOutOfRangeException(
                nameof(date),
                date,
                "Wareki dates are only supported from 1873-01-01 (Meiji 6), when Japan adopted the Gregorian calendar.");
        }

        var dateTime = date.ToDateTime(TimeOnly.MinValue);
        var era = EraCalendar.GetEra(dateTime);
        var year = EraCalendar.GetYear(dateTime);
        var yearText = year == 1 ? GannenYear : year.ToString(CultureInfo.InvariantCulture);
        return EraNames.GetEraName(era) + yearText + "年";
    }

    /// <summary>Formats <paramref name="date"/> as ISO 8601 (yyyy-MM-dd), used by the English UI.</summary>
    public static string IsoDate(DateOnly date) =>
        date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Wareki for Japanese cultures (ja, ja-JP, …), ISO 8601 for everything else.</summary>
    public static string Date(DateOnly date, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return IsJapanese(culture) ? WarekiDate(date) : IsoDate(date);
    }

    /// <summary>
    /// The date with its day of the week, as minutes and notices write a meeting day:
    /// 令和8年12月2日（水） for Japanese cultures, 2026-12-02 (Wed) for everything else.
    /// </summary>
    public static string DateWithWeekday(DateOnly date, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return IsJapanese(culture)
            ? $"{WarekiDate(date)}（{JapaneseWeekdays[(int)date.DayOfWeek]}）"
            : string.Create(CultureInfo.InvariantCulture, $"{IsoDate(date)} ({date.DayOfWeek.ToString()[..3]})");
    }

    /// <summary>
    /// 420,000円 for Japanese cultures (ja, ja-JP, …); ¥420,000 / -¥120,000 for everything else.
    /// </summary>
    public static string Yen(long amount, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return IsJapanese(culture) ? JapaneseYen(amount) : amount.ToString("C", EnglishYen);
    }

    internal static bool IsJapanese(CultureInfo culture) =>
        string.Equals(culture.TwoLetterISOLanguageName, "ja", StringComparison.OrdinalIgnoreCase);

    /// <summary>A yen amount the way municipal documents write it, e.g. 420,000円 or -120,000円.</summary>
    public static string JapaneseYen(long amount) =>
        amount.ToString("#,0", CultureInfo.InvariantCulture) + "円";

    private static DateTimeFormatInfo CreateEraNames()
    {
        var format = (DateTimeFormatInfo)new CultureInfo("ja-JP", useUserOverride: false).DateTimeFormat.Clone();
        format.Calendar = EraCalendar;
        return DateTimeFormatInfo.ReadOnly(format);
    }

    private static NumberFormatInfo CreateEnglishYen()
    {
        var format = (NumberFormatInfo)NumberFormatInfo.InvariantInfo.Clone();
        format.CurrencySymbol = "\u00A5";
        format.CurrencyDecimalDigits = 0;
        format.CurrencyGroupSeparator = ",";
        format.CurrencyGroupSizes = [3];
        format.NegativeSign = "-";
        format.CurrencyPositivePattern = 0; // $n
        format.CurrencyNegativePattern = 1; // -$n
        return NumberFormatInfo.ReadOnly(format);
    }
}
