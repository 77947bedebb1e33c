using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Proposals;

/// <summary>One allowed move of a proposal's status, and who may make it.</summary>
public sealed record ProposalTransition(ProposalStatus From, ProposalStatus To, ProposalActor Actor, bool CommentRequired);

/// <summary>
/// The proposal lifecycle in one place. <see cref="Proposal.CanMoveTo"/> reads it to decide which
/// buttons the UI shows; <see cref="Proposal"/>'s transition methods enforce it. Conditions that
/// depend on more than the status (the call's window, a complete proposal) are checked by the
/// transition methods themselves.
/// </summary>
/// <remarks>
/// A returned proposal may be resubmitted after the call's window closed: the coordinator asked
/// for the correction, so the proposer must not lose the proposal for answering it late.
/// Withdrawal is possible at any point before the decision, never after it.
/// </remarks>
public static class ProposalWorkflow
{
    public static IReadOnlyList<ProposalTransition> Transitions { get; } =
    [
        new(ProposalStatus.Draft, ProposalStatus.Submitted, ProposalActor.Proposer, CommentRequired: false),
        new(ProposalStatus.Submitted, ProposalStatus.Returned, ProposalActor.Coordinator, CommentRequired: true),
        new(ProposalStatus.Resubmitted, ProposalStatus.Returned, ProposalActor.Coordinator, CommentRequired: true),
        new(ProposalStatus.Returned, ProposalStatus.Resubmitted, ProposalActor.Proposer, CommentRequired: false),
        new(ProposalStatus.Submitted, ProposalStatus.UnderScreening, ProposalActor.Coordinator, CommentRequired: false),
        new(ProposalStatus.Resubmitted, ProposalStatus.UnderScreening, ProposalActor.Coordinator, CommentRequired: false),
        new(ProposalStatus.UnderScreening, ProposalStatus.Selected, ProposalActor.Coordinator, CommentRequired: false),
        new(ProposalStatus.UnderScreening, ProposalStatus.NotSelected, ProposalActor.Coordinator, CommentRequired: false),
        new(ProposalStatus.Draft, ProposalStatus.Withdrawn, ProposalActor.Proposer, CommentRequired: false),
        new(ProposalStatus.Submitted, ProposalStatus.Withdrawn, ProposalActor.Proposer, CommentRequired: false),
        new(ProposalStatus.Returned, ProposalStatus.Withdrawn, ProposalActor.Proposer, CommentRequired: false),
        new(ProposalStatus.Resubmitted, ProposalStatus.Withdrawn, ProposalActor.Proposer, CommentRequired: false),
        new(ProposalStatus.UnderScreening, ProposalStatus.Withdrawn, ProposalActor.Proposer, CommentRequired: false),
    ];

    public static ProposalTransition? Find(ProposalStatus from, ProposalStatus to, ProposalActor actor) =>
        Transitions.FirstOrDefault(t => t.From == from && t.To == to && t.Actor == actor);

    public static bool IsAllowed(ProposalStatus from, ProposalStatus to, ProposalActor actor) =>
        Find(from, to, actor) is not null;

    /// <summary>The moves <paramref name="actor"/> can make from <paramref name="from"/>, for the UI's buttons.</summary>
    public static IEnumerable<ProposalTransition> AvailableFrom(ProposalStatus from, ProposalActor actor) =>
        Transitions.Where(t => t.From == from && t.Actor == actor);

    /// <summary>The message for a move the table does not allow, naming both states.</summary>
    internal static UserMessage NotAllowedMessage(ProposalStatus from, ProposalStatus to) =>
        from == to
            ? new UserMessage("この提案はすでに「{0}」です。", from)
            : new UserMessage("「{0}」の提案は「{1}」にできません。", from, to);
}
