namespace KyodoPortal.Domain.Meetings;

/// <summary>A committee member present at a report meeting (出席委員).</summary>
public sealed class MeetingAttendee
{
    // For EF Core materialization.
    private MeetingAttendee()
    {
        UserId = string.Empty;
    }

    internal MeetingAttendee(string userId, int order)
    {
        UserId = userId;
        Order = order;
    }

    public int Id { get; private set; }

    public string UserId { get; private set; }

    public int Order { get; private set; }

    internal void MoveTo(int order) => Order = order;
}
