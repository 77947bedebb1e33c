namespace KyodoPortal.Domain.Screening;

/// <summary>A committee member (評価委員) assigned to a call's screening.</summary>
public sealed class PanelMember
{
    // For EF Core materialization.
    private PanelMember()
    {
        MemberUserId = string.Empty;
    }

    internal PanelMember(string memberUserId, DateTime assignedAtUtc)
    {
        MemberUserId = memberUserId;
        AssignedAtUtc = assignedAtUtc;
    }

    public int Id { get; private set; }

    public string MemberUserId { get; private set; }

    public DateTime AssignedAtUtc { get; private set; }
}
