using KyodoPortal.Domain.Projects;

namespace KyodoPortal.Web.Features.AnnualReports;

/// <summary>
/// appsettings "Reports": when a fiscal year's report is due — a month and day of the following
/// calendar year, by default May 31 (<see cref="ReportDeadline.Default"/>).
/// </summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    public int DeadlineMonth { get; set; } = ReportDeadline.Default.Month;

    public int DeadlineDay { get; set; } = ReportDeadline.Default.Day;

    public ReportDeadline Deadline => new(DeadlineMonth, DeadlineDay);
}
