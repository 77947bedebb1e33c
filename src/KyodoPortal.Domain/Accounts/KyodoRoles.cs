namespace KyodoPortal.Domain.Accounts;

/// <summary>The roles of the portal (see docs/domain.md). Stored by name; never rename one.</summary>
public static class KyodoRoles
{
    public const string Administrator = nameof(Administrator);
    public const string Coordinator = nameof(Coordinator);
    public const string DepartmentStaff = nameof(DepartmentStaff);
    public const string GroupMember = nameof(GroupMember);
    public const string CommitteeMember = nameof(CommitteeMember);

    public static IReadOnlyList<string> All { get; } =
        [Administrator, Coordinator, DepartmentStaff, GroupMember, CommitteeMember];
}
