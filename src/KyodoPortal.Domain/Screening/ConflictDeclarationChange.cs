namespace KyodoPortal.Domain.Screening;

/// <summary>
/// 申告の履歴: one change of a member's conflict declaration on a subject — the first declaration
/// (from 未申告), the member's own correction (利害関係なし → あり) or the coordinator's recusal. A
/// declaration row keeps only its current state, so this history is what lets the office see
/// who changed what and when after a member has already scored.
/// </summary>
public sealed class ConflictDeclarationChange
{
    // For EF Core materialization.
    private ConflictDeclarationChange()
    {
        MemberUserId = string.Empty;
        ChangedByUserId = string.Empty;
    }

    internal ConflictDeclarationChange(int subjectId, string memberUserId, bool? previousHasConflict, bool hasConflict, string? reason, string changedByUserId, DateTime changedAtUtc)
    {
        SubjectId = subjectId;
        MemberUserId = memberUserId;
        PreviousHasConflict = previousHasConflict;
        HasConflict = hasConflict;
        Reason = reason;
        ChangedByUserId = changedByUserId;
        ChangedAtUtc = changedAtUtc;
    }

    public int Id { get; private set; }

    /// <summary>The proposal (screening) the declaration is about.</summary>
    public int SubjectId { get; private set; }

    public string MemberUserId { get; private set; }

    /// <summary>Before the change: null when the member had not declared yet (未申告).</summary>
    public bool? PreviousHasConflict { get; private set; }

    /// <summary>After the change.</summary>
    public bool HasConflict { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>The member, or the coordinator who recused them.</summary>
    public string ChangedByUserId { get; private set; }

    public DateTime ChangedAtUtc { get; private set; }

    public bool IsByCoordinator => !string.Equals(ChangedByUserId, MemberUserId, StringComparison.Ordinal);
}
