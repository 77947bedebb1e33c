using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Meetings;

/// <summary>One allowed move of a minutes version's status, and who may make it.</summary>
public sealed record MinutesTransition(MinutesStatus From, MinutesStatus To, MinutesActor Actor);

/// <summary>
/// The minutes lifecycle in one place: the coordinator circulates the draft to the projects'
/// parties for a check, takes it back to edit, approves it and publishes it. Published minutes
/// are final; a correction is a new version. <see cref="Minutes.CanMoveTo"/> reads it for the
/// UI's buttons; the transition methods enforce it.
/// </summary>
public static class MinutesWorkflow
{
    public static IReadOnlyList<MinutesTransition> Transitions { get; } =
    [
        new(MinutesStatus.Draft, MinutesStatus.Circulated, MinutesActor.Coordinator),
        new(MinutesStatus.Circulated, MinutesStatus.Draft, MinutesActor.Coordinator),
        new(MinutesStatus.Circulated, MinutesStatus.Approved, MinutesActor.Coordinator),
        new(MinutesStatus.Approved, MinutesStatus.Published, MinutesActor.Coordinator),
        new(MinutesStatus.Approved, MinutesStatus.Draft, MinutesActor.Coordinator),
    ];

    public static MinutesTransition? Find(MinutesStatus from, MinutesStatus to, MinutesActor actor) =>
        Transitions.FirstOrDefault(t => t.From == from && t.To == to && t.Actor == actor);

    public static bool IsAllowed(MinutesStatus from, MinutesStatus to, MinutesActor actor) =>
        Find(from, to, actor) is not null;

    /// <summary>The moves <paramref name="actor"/> can make from <paramref name="from"/>, for the UI's buttons.</summary>
    public static IEnumerable<MinutesTransition> AvailableFrom(MinutesStatus from, MinutesActor actor) =>
        Transitions.Where(t => t.From == from && t.Actor == actor);

    /// <summary>The message for a move the table does not allow, naming both states (and the actor when only they are wrong).</summary>
    internal static UserMessage NotAllowedMessage(MinutesStatus from, MinutesStatus to, MinutesActor actor)
    {
        if (from == to)
        {
            return new UserMessage("この議事録はすでに「{0}」です。", from);
        }

        return Transitions.Any(t => t.From == from && t.To == to)
            ? new UserMessage("{0}は「{1}」の議事録を「{2}」にできません。", actor, from, to)
            : new UserMessage("「{0}」の議事録は「{1}」にできません。", from, to);
    }
}
