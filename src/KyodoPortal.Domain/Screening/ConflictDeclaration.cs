namespace KyodoPortal.Domain.Screening;

/// <summary>
/// 利益相反の申告: whether a committee member has a conflict of interest with one subject (a
/// proposal in screening, a project in an evaluation round; see <see cref="CommitteeRoster"/>). A
/// member with a conflict is recused from that subject: they cannot score it, their sheet is not
/// counted and they are not expected to score it. Declared by the member, or recorded by the
/// coordinator when the coordinator recuses them (<see cref="DeclaredByUserId"/> then differs from
/// <see cref="MemberUserId"/>).
/// </summary>
public sealed class ConflictDeclaration
{
    public const int ReasonMaxLength = 500;

    // For EF Core materialization.
    private ConflictDeclaration()
    {
        MemberUserId = string.Empty;
        DeclaredByUserId = string.Empty;
    }

    internal ConflictDeclaration(int subjectId, string memberUserId, bool hasConflict, string? reason, string declaredByUserId, DateTime declaredAtUtc)
    {
        SubjectId = subjectId;
        MemberUserId = memberUserId;
        DeclaredByUserId = declaredByUserId;
        Apply(hasConflict, reason, declaredByUserId, declaredAtUtc);
    }

    public int Id { get; private set; }

    /// <summary>The proposal (screening) or project (evaluation) the declaration is about; the column keeps the owner's name.</summary>
    public int SubjectId { get; private set; }

    public string MemberUserId { get; private set; }

    public bool HasConflict { get; private set; }

    /// <summary>Required when <see cref="HasConflict"/>; e.g. 「提案団体の理事を務めているため」.</summary>
    public string? Reason { get; private set; }

    public DateTime DeclaredAtUtc { get; private set; }

    /// <summary>The member, or the coordinator who recused them.</summary>
    public string DeclaredByUserId { get; private set; }

    /// <summary>Whether the coordinator (not the member) recorded this declaration.</summary>
    public bool IsCoordinatorRecusal => HasConflict && !string.Equals(DeclaredByUserId, MemberUserId, StringComparison.Ordinal);

    internal void Apply(bool hasConflict, string? reason, string declaredByUserId, DateTime declaredAtUtc)
    {
        HasConflict = hasConflict;
        Reason = reason;
        DeclaredByUserId = declaredByUserId;
        DeclaredAtUtc = declaredAtUtc;
    }
}
