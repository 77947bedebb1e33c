using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Projects;

/// <summary>役割分担 as agreed in the 協定: for one task, what the group does and what the city does.</summary>
public sealed class AgreementRoleSplit
{
    // For EF Core materialization.
    private AgreementRoleSplit()
    {
        Task = string.Empty;
    }

    /// <summary>Copies a row the proposal's rules already validated (<see cref="ProposalRoleSplit"/>).</summary>
    internal AgreementRoleSplit(ProposalRoleSplit validated)
    {
        Task = validated.Task;
        GroupRole = validated.GroupRole;
        CityRole = validated.CityRole;
        SortOrder = validated.SortOrder;
    }

    public int Id { get; private set; }

    public string Task { get; private set; }

    public string? GroupRole { get; private set; }

    public string? CityRole { get; private set; }

    public int SortOrder { get; private set; }
}
