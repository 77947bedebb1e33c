using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Projects;

/// <summary>
/// When the annual report of a fiscal year is due: a month and day of the following calendar
/// year, by default May 31 (the report of 令和7年度 is due 令和8年5月31日). A report is overdue
/// from the day after the deadline while it is missing, a draft or returned.
/// </summary>
public sealed class ReportDeadline
{
    public ReportDeadline(int month, int day)
    {
        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "The month must be 1–12.");
        }

        // Checked against a leap year so that February 29 is allowed (it becomes the 28th in other years).
        if (day < 1 || day > DateTime.DaysInMonth(2000, month))
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "The day does not exist in that month.");
        }

        Month = month;
        Day = day;
    }

    /// <summary>May 31 of the year after the fiscal year's start year.</summary>
    public static ReportDeadline Default { get; } = new(5, 31);

    public int Month { get; }

    public int Day { get; }

    /// <summary>The last day to submit the report of <paramref name="fiscalYear"/> (start year).</summary>
    public DateOnly For(int fiscalYear)
    {
        var year = new FiscalYear(fiscalYear).StartYear + 1;
        return new DateOnly(year, Month, Math.Min(Day, DateTime.DaysInMonth(year, Month)));
    }

    /// <summary>
    /// Whether the report of <paramref name="fiscalYear"/> is overdue on <paramref name="todayInJapan"/>:
    /// after the deadline and the report is missing (<paramref name="status"/> null), a draft or
    /// returned. Pass the status of the report that counts for the year (the latest revision
    /// that is not a correction draft of an accepted report).
    /// </summary>
    public bool IsOverdue(int fiscalYear, DateOnly todayInJapan, AnnualReportStatus? status) =>
        todayInJapan > For(fiscalYear)
            && status is null or AnnualReportStatus.Draft or AnnualReportStatus.Returned;

    /// <summary><see cref="IsOverdue(int, DateOnly, AnnualReportStatus?)"/> at the UTC instant <paramref name="nowUtc"/> (the date in Japan decides).</summary>
    public bool IsOverdue(int fiscalYear, DateTime nowUtc, AnnualReportStatus? status) =>
        IsOverdue(fiscalYear, UtcTime.JapanDate(UtcTime.Require(nowUtc, nameof(nowUtc))), status);
}
