using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Proposals;

/// <summary>役割分担: for one task, what the group does and what the city does.</summary>
public sealed class ProposalRoleSplit
{
    public const int TaskMaxLength = 200;
    public const int RoleMaxLength = 1000;

    // For EF Core materialization.
    private ProposalRoleSplit()
    {
        Task = string.Empty;
    }

    internal ProposalRoleSplit(RoleSplitDraft draft, int sortOrder)
    {
        Task = Text.Required(draft.Task, TaskMaxLength, nameof(draft.Task));
        GroupRole = Text.Optional(draft.GroupRole, RoleMaxLength, nameof(draft.GroupRole));
        CityRole = Text.Optional(draft.CityRole, RoleMaxLength, nameof(draft.CityRole));
        if (GroupRole is null && CityRole is null)
        {
            throw new DomainRuleException("役割分担「{0}」の団体または市の役割を入力してください。", Task);
        }

        SortOrder = sortOrder;
    }

    public int Id { get; private set; }

    public string Task { get; private set; }

    public string? GroupRole { get; private set; }

    public string? CityRole { get; private set; }

    public int SortOrder { get; private set; }
}

public sealed record RoleSplitDraft(string Task, string? GroupRole, string? CityRole);
