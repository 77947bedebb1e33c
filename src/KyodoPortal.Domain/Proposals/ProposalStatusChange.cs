namespace KyodoPortal.Domain.Proposals;

/// <summary>One row of a proposal's status history: who moved it, when, from what to what, and why.</summary>
public sealed class ProposalStatusChange
{
    public const int CommentMaxLength = 1000;

    // For EF Core materialization.
    private ProposalStatusChange()
    {
        ActorUserId = string.Empty;
    }

    internal ProposalStatusChange(ProposalStatus from, ProposalStatus to, ProposalActor actor, string actorUserId, DateTime atUtc, string? comment)
    {
        From = from;
        To = to;
        Actor = actor;
        ActorUserId = actorUserId;
        AtUtc = atUtc;
        Comment = comment;
    }

    public int Id { get; private set; }

    public ProposalStatus From { get; private set; }

    public ProposalStatus To { get; private set; }

    public ProposalActor Actor { get; private set; }

    public string ActorUserId { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string? Comment { get; private set; }
}
