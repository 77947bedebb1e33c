using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Projects;

/// <summary>役割分担 in a <see cref="PlanContent"/>: for one task, what the group does and what the city does.</summary>
public sealed class PlanRoleSplit
{
    // For EF Core materialization.
    private PlanRoleSplit()
    {
        Task = string.Empty;
    }

    /// <summary>Copies a row the proposal's rules already validated.</summary>
    internal PlanRoleSplit(ProposalRoleSplit validated)
    {
        Task = validated.Task;
        GroupRole = validated.GroupRole;
        CityRole = validated.CityRole;
    }

    public string Task { get; private set; }

    public string? GroupRole { get; private set; }

    public string? CityRole { get; private set; }

    public RoleSplitDraft ToDraft() => new(Task, GroupRole, CityRole);

    /// <summary>A separate instance with the same values: an owned row can belong to one owner only.</summary>
    internal PlanRoleSplit Copy() => (PlanRoleSplit)MemberwiseClone();
}
