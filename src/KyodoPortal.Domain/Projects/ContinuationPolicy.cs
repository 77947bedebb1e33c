using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Projects;

/// <summary>
/// The continuation review (継続審査) settings: a project may run at most <see cref="MaxFiscalYears"/>
/// fiscal years in total unless a decision records an exception, and the review of a project in
/// the last fiscal year of its term is due on a month and day of that fiscal year — by default
/// September 1, when departments request next year's budget (the review of a project ending in
/// 令和8年度 is due 令和8年9月1日; a January–March date falls in the next calendar year).
/// </summary>
public sealed class ContinuationPolicy
{
    public const int DefaultMaxFiscalYears = 5;

    public ContinuationPolicy(int maxFiscalYears, int reviewDueMonth, int reviewDueDay)
    {
        if (maxFiscalYears is < 1 or > 50)
        {
            throw new ArgumentOutOfRangeException(nameof(maxFiscalYears), maxFiscalYears, "The maximum must be 1–50 fiscal years.");
        }

        if (reviewDueMonth is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(reviewDueMonth), reviewDueMonth, "The month must be 1–12.");
        }

        // Checked against a leap year so that February 29 is allowed (it becomes the 28th in other years).
        if (reviewDueDay < 1 || reviewDueDay > DateTime.DaysInMonth(2000, reviewDueMonth))
        {
            throw new ArgumentOutOfRangeException(nameof(reviewDueDay), reviewDueDay, "The day does not exist in that month.");
        }

        MaxFiscalYears = maxFiscalYears;
        ReviewDueMonth = reviewDueMonth;
        ReviewDueDay = reviewDueDay;
    }

    /// <summary>At most 5 fiscal years; the review is due September 1 of the last year.</summary>
    public static ContinuationPolicy Default { get; } = new(DefaultMaxFiscalYears, 9, 1);

    public int MaxFiscalYears { get; }

    public int ReviewDueMonth { get; }

    public int ReviewDueDay { get; }

    /// <summary>The due date of the review of a project whose last fiscal year is <paramref name="lastFiscalYear"/> (start year).</summary>
    public DateOnly DueDate(int lastFiscalYear)
    {
        var fiscalYear = new FiscalYear(lastFiscalYear);
        var year = ReviewDueMonth >= fiscalYear.FirstDay.Month ? fiscalYear.StartYear : fiscalYear.StartYear + 1;
        return new DateOnly(year, ReviewDueMonth, Math.Min(ReviewDueDay, DateTime.DaysInMonth(year, ReviewDueMonth)));
    }

    /// <summary>
    /// Where <paramref name="project"/> stands on <paramref name="todayInJapan"/>: only a 実施中
    /// project is reviewed; without a decision for its current term it is due in its last fiscal
    /// year up to the due date, overdue after it and whenever its term has passed.
    /// </summary>
    public ContinuationReview ReviewOf(Project project, DateOnly todayInJapan)
    {
        ArgumentNullException.ThrowIfNull(project);
        return ReviewOf(project.Status, project.EndFiscalYear, project.DecisionForCurrentTerm?.Outcome, todayInJapan);
    }

    /// <summary>
    /// The same rule on a project's figures alone, for lists that read them without loading the
    /// project: its status, last fiscal year, and the outcome decided for the current term (null while
    /// undecided).
    /// </summary>
    public ContinuationReview ReviewOf(ProjectStatus status, int endFiscalYear, ContinuationOutcome? currentTermOutcome, DateOnly todayInJapan)
    {
        var due = DueDate(endFiscalYear);
        if (status != ProjectStatus.InProgress)
        {
            return new ContinuationReview(ContinuationReviewState.NotDue, due);
        }

        if (currentTermOutcome == ContinuationOutcome.End)
        {
            return new ContinuationReview(ContinuationReviewState.DecidedToEnd, due);
        }

        var currentYear = FiscalYear.Of(todayInJapan).StartYear;
        if (currentYear < endFiscalYear)
        {
            return new ContinuationReview(ContinuationReviewState.NotDue, due);
        }

        return new ContinuationReview(
            currentYear > endFiscalYear || todayInJapan > due ? ContinuationReviewState.Overdue : ContinuationReviewState.Due,
            due);
    }
}

/// <summary>A project's continuation review on a day: its state and the due date of its last year's review.</summary>
public sealed record ContinuationReview(ContinuationReviewState State, DateOnly DueOn);
