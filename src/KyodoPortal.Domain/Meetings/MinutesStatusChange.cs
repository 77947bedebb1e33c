namespace KyodoPortal.Domain.Meetings;

/// <summary>One row of a minutes version's status history: who moved it, when, from what to what, and why.</summary>
public sealed class MinutesStatusChange
{
    public const int CommentMaxLength = 2000;

    // For EF Core materialization.
    private MinutesStatusChange()
    {
        ByUserId = string.Empty;
    }

    internal MinutesStatusChange(MinutesStatus from, MinutesStatus to, MinutesActor actor, string byUserId, DateTime atUtc, string? comment)
    {
        From = from;
        To = to;
        Actor = actor;
        ByUserId = byUserId;
        AtUtc = atUtc;
        Comment = comment;
    }

    public int Id { get; private set; }

    public MinutesStatus From { get; private set; }

    public MinutesStatus To { get; private set; }

    public MinutesActor Actor { get; private set; }

    public string ByUserId { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string? Comment { get; private set; }
}
