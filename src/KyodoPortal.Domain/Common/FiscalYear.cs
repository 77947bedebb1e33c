using System.Globalization;

namespace KyodoPortal.Domain.Common;

/// <summary>
/// A Japanese local-government fiscal year (年度), running from April 1 to March 31
/// (地方自治法 第208条).
/// </summary>
/// <param name="StartYear">The Gregorian year containing the fiscal year's April 1.</param>
public readonly record struct FiscalYear(int StartYear) : IComparable<FiscalYear>
{
    public const int MinStartYear = 1;

    // March 31 of the following year must still be a valid DateOnly.
    public const int MaxStartYear = 9998;

    private const int FirstMonth = 4;

    // Japan has not observed daylight saving time since 1951, so a fixed offset is exact and
    // avoids depending on the host's time-zone database ("Asia/Tokyo" vs "Tokyo Standard Time").
    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    public int StartYear { get; } = StartYear is >= MinStartYear and <= MaxStartYear
        ? StartYear
        : throw new ArgumentOutOfRangeException(
            nameof(StartYear),
            StartYear,
            string.Create(CultureInfo.InvariantCulture, $"A fiscal year must start between {MinStartYear} and {MaxStartYear}."));

    /// <summary>April 1 of <see cref="StartYear"/>.</summary>
    public DateOnly FirstDay => new(StartYear, FirstMonth, 1);

    /// <summary>March 31 of the year after <see cref="StartYear"/>.</summary>
    public DateOnly LastDay => new(StartYear + 1, FirstMonth - 1, 31);

    public static FiscalYear Of(DateOnly date) =>
        new(date.Month >= FirstMonth ? date.Year : date.Year - 1);

    /// <summary>
    /// The fiscal year in force at <paramref name="instant"/> in Japan, so that e.g.
    /// 2026-03-31T15:00Z (April 1, 00:00 JST) already belongs to FY2026.
    /// </summary>
    public static FiscalYear Of(DateTimeOffset instant) =>
        Of(DateOnly.FromDateTime(instant.ToOffset(JapanOffset).DateTime));

    public bool Contains(DateOnly date) => date >= FirstDay && date <= LastDay;

    public FiscalYear Next() => new(StartYear + 1);

    public FiscalYear Previous() => new(StartYear - 1);

    /// <summary>The Japanese label, e.g. 令和6年度 or 令和元年度.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The date that decides the era is before <see cref="JapaneseFormat.FirstWarekiDate"/>.
    /// </exception>
    public string ToJapaneseLabel(FiscalYearEraRule rule = FiscalYearEraRule.EraOfCalendarYear)
    {
        var eraDecidingDate = rule switch
        {
            FiscalYearEraRule.EraOfCalendarYear => new DateOnly(StartYear, 12, 31),
            FiscalYearEraRule.EraOnFirstDay => FirstDay,
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown fiscal-year era rule."),
        };
        return JapaneseFormat.WarekiYear(eraDecidingDate) + "度";
    }

    /// <summary>The English label, e.g. FY2024.</summary>
    public string ToEnglishLabel() =>
        "FY" + StartYear.ToString(CultureInfo.InvariantCulture);

    /// <summary>The Japanese label for Japanese cultures (ja, ja-JP, …), the English label otherwise.</summary>
    public string ToString(CultureInfo culture, FiscalYearEraRule rule = FiscalYearEraRule.EraOfCalendarYear)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return JapaneseFormat.IsJapanese(culture) ? ToJapaneseLabel(rule) : ToEnglishLabel();
    }

    // Logs and exception messages should read "FY2024", not the compiler's record dump.
    public override string ToString() => ToEnglishLabel();

    public int CompareTo(FiscalYear other) => StartYear.CompareTo(other.StartYear);

    public static bool operator <(FiscalYear left, FiscalYear right) => left.CompareTo(right) < 0;

    public static bool operator <=(FiscalYear left, FiscalYear right) => left.CompareTo(right) <= 0;

    public static bool operator >(FiscalYear left, FiscalYear right) => left.CompareTo(right) > 0;

    public static bool operator >=(FiscalYear left, FiscalYear right) => left.CompareTo(right) >= 0;
}

/// <summary>How to choose the era (元号) named in a fiscal year's Japanese label.</summary>
public enum FiscalYearEraRule
{
    /// <summary>
    /// The era in force on December 31 of the start year. This is what municipalities and the
    /// national government publish after an era change, so FY2019 is 令和元年度 and FY1988 is 昭和63年度.
    /// </summary>
    EraOfCalendarYear,

    /// <summary>
    /// The era in force on April 1, matching documents issued before the era changed, so FY2019
    /// is 平成31年度.
    /// </summary>
    EraOnFirstDay,
}
