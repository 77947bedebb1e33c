using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Projects;

/// <summary>One allowed move of an annual report's status, and who may make it.</summary>
public sealed record AnnualReportTransition(AnnualReportStatus From, AnnualReportStatus To, ReportActor Actor, bool CommentRequired);

/// <summary>
/// The annual-report lifecycle in one place: the group submits, the department or the
/// coordinator returns it (with the reason) or accepts it, the group resubmits a returned report.
/// <see cref="AnnualReport.CanMoveTo"/> reads it for the UI's buttons; the transition methods
/// enforce it. An accepted report is final; corrections are new revisions.
/// </summary>
public static class AnnualReportWorkflow
{
    public static IReadOnlyList<AnnualReportTransition> Transitions { get; } =
    [
        new(AnnualReportStatus.Draft, AnnualReportStatus.Submitted, ReportActor.Group, CommentRequired: false),
        new(AnnualReportStatus.Submitted, AnnualReportStatus.Returned, ReportActor.Department, CommentRequired: true),
        new(AnnualReportStatus.Submitted, AnnualReportStatus.Returned, ReportActor.Coordinator, CommentRequired: true),
        new(AnnualReportStatus.Resubmitted, AnnualReportStatus.Returned, ReportActor.Department, CommentRequired: true),
        new(AnnualReportStatus.Resubmitted, AnnualReportStatus.Returned, ReportActor.Coordinator, CommentRequired: true),
        new(AnnualReportStatus.Returned, AnnualReportStatus.Resubmitted, ReportActor.Group, CommentRequired: false),
        new(AnnualReportStatus.Submitted, AnnualReportStatus.Accepted, ReportActor.Department, CommentRequired: false),
        new(AnnualReportStatus.Submitted, AnnualReportStatus.Accepted, ReportActor.Coordinator, CommentRequired: false),
        new(AnnualReportStatus.Resubmitted, AnnualReportStatus.Accepted, ReportActor.Department, CommentRequired: false),
        new(AnnualReportStatus.Resubmitted, AnnualReportStatus.Accepted, ReportActor.Coordinator, CommentRequired: false),
    ];

    public static AnnualReportTransition? Find(AnnualReportStatus from, AnnualReportStatus to, ReportActor actor) =>
        Transitions.FirstOrDefault(t => t.From == from && t.To == to && t.Actor == actor);

    public static bool IsAllowed(AnnualReportStatus from, AnnualReportStatus to, ReportActor actor) =>
        Find(from, to, actor) is not null;

    /// <summary>The moves <paramref name="actor"/> can make from <paramref name="from"/>, for the UI's buttons.</summary>
    public static IEnumerable<AnnualReportTransition> AvailableFrom(AnnualReportStatus from, ReportActor actor) =>
        Transitions.Where(t => t.From == from && t.Actor == actor);

    /// <summary>The message for a move the table does not allow, naming both states (and the actor when only they are wrong).</summary>
    internal static UserMessage NotAllowedMessage(AnnualReportStatus from, AnnualReportStatus to, ReportActor actor)
    {
        if (from == to)
        {
            return new UserMessage("この報告はすでに「{0}」です。", from);
        }

        return Transitions.Any(t => t.From == from && t.To == to)
            ? new UserMessage("{0}は「{1}」の報告を「{2}」にできません。", actor, from, to)
            : new UserMessage("「{0}」の報告は「{1}」にできません。", from, to);
    }
}
