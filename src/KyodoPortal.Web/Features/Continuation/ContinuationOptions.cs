using KyodoPortal.Domain.Projects;

namespace KyodoPortal.Web.Features.Continuation;

/// <summary>
/// appsettings "Continuation": the maximum total term in fiscal years (default 5) and when the
/// review of a project in its last fiscal year is due — a month and day of that fiscal year,
/// by default September 1 (<see cref="ContinuationPolicy.Default"/>).
/// </summary>
public sealed class ContinuationOptions
{
    public const string Section = "Continuation";

    public int MaxFiscalYears { get; set; } = ContinuationPolicy.Default.MaxFiscalYears;

    public int ReviewDueMonth { get; set; } = ContinuationPolicy.Default.ReviewDueMonth;

    public int ReviewDueDay { get; set; } = ContinuationPolicy.Default.ReviewDueDay;

    public ContinuationPolicy Policy => new(MaxFiscalYears, ReviewDueMonth, ReviewDueDay);
}
