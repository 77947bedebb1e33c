namespace KyodoPortal.Domain.Projects;

/// <summary>One row of an annual report's status history: who moved it, when, from what to what, and why.</summary>
public sealed class AnnualReportStatusChange
{
    public const int CommentMaxLength = 2000;

    // For EF Core materialization.
    private AnnualReportStatusChange()
    {
        ByUserId = string.Empty;
    }

    internal AnnualReportStatusChange(AnnualReportStatus from, AnnualReportStatus to, ReportActor actor, string byUserId, DateTime atUtc, string? comment)
    {
        From = from;
        To = to;
        Actor = actor;
        ByUserId = byUserId;
        AtUtc = atUtc;
        Comment = comment;
    }

    public int Id { get; private set; }

    public AnnualReportStatus From { get; private set; }

    public AnnualReportStatus To { get; private set; }

    public ReportActor Actor { get; private set; }

    public string ByUserId { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string? Comment { get; private set; }
}
