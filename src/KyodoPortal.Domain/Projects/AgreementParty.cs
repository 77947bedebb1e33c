using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Projects;

/// <summary>One party to a 協定, e.g. the group, 商工課, and the lecturer's own group (seed 000 has three).</summary>
public sealed class AgreementParty
{
    public const int NameMaxLength = 200;
    public const int RepresentativeMaxLength = 100;
    public const int RoleMaxLength = 1000;
    public const int AddressMaxLength = 200;

    // For EF Core materialization.
    private AgreementParty()
    {
        Name = string.Empty;
    }

    internal AgreementParty(AgreementPartyDraft draft, int sortOrder)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!Enum.IsDefined(draft.Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(draft), draft.Kind, "Unknown agreement party kind.");
        }

        Name = Text.Required(draft.Name, NameMaxLength, nameof(draft.Name));
        Kind = draft.Kind;
        switch (draft.Kind)
        {
            case AgreementPartyKind.CitizenGroup:
                CitizenGroupId = draft.CitizenGroupId ?? throw new DomainRuleException(new UserMessage("当事者「{0}」の市民活動団体を選択してください。", Name));
                RefuseId(draft.DepartmentId, nameof(draft.DepartmentId));
                break;
            case AgreementPartyKind.Department:
                DepartmentId = draft.DepartmentId ?? throw new DomainRuleException(new UserMessage("当事者「{0}」の担当課を選択してください。", Name));
                RefuseId(draft.CitizenGroupId, nameof(draft.CitizenGroupId));
                break;
            default:
                RefuseId(draft.CitizenGroupId, nameof(draft.CitizenGroupId));
                RefuseId(draft.DepartmentId, nameof(draft.DepartmentId));
                break;
        }

        if (CitizenGroupId <= 0 || DepartmentId <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(draft), "Group and department ids must be positive.");
        }

        Representative = Text.Optional(draft.Representative, RepresentativeMaxLength, nameof(draft.Representative));
        Role = Text.Optional(draft.Role, RoleMaxLength, nameof(draft.Role));
        Address = Text.Optional(draft.Address, AddressMaxLength, nameof(draft.Address));
        SortOrder = sortOrder;
    }

    public int Id { get; private set; }

    public AgreementPartyKind Kind { get; private set; }

    /// <summary>Set exactly when <see cref="Kind"/> is <see cref="AgreementPartyKind.CitizenGroup"/>.</summary>
    public int? CitizenGroupId { get; private set; }

    /// <summary>Set exactly when <see cref="Kind"/> is <see cref="AgreementPartyKind.Department"/>.</summary>
    public int? DepartmentId { get; private set; }

    /// <summary>The name as written in the agreement (kept even if the directory entry is renamed later).</summary>
    public string Name { get; private set; }

    /// <summary>代表者, e.g. 代表 山田花子 or 鎌倉市長.</summary>
    public string? Representative { get; private set; }

    /// <summary>What this party does under the agreement, e.g. セミナー講師の派遣.</summary>
    public string? Role { get; private set; }

    /// <summary>所在地, written in the party's 記名押印欄 of the printed agreement; optional.</summary>
    public string? Address { get; private set; }

    /// <summary>The party's number in the agreement (1 = 甲, 2 = 乙, 3 = 丙, …); a role-split row names its party by it.</summary>
    public int SortOrder { get; private set; }

    internal AgreementPartyDraft ToDraft() => new(Kind, CitizenGroupId, DepartmentId, Name, Representative, Role, Address);

    private static void RefuseId(int? id, string paramName)
    {
        if (id is not null)
        {
            throw new ArgumentException("This kind of party does not take this id.", paramName);
        }
    }
}
