using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Projects;

/// <summary>A planned activity in a <see cref="PlanContent"/>, e.g. 就労支援セミナー: 6 times a year, 20 seats each.</summary>
public sealed class PlanActivity
{
    // For EF Core materialization.
    private PlanActivity()
    {
        Name = string.Empty;
    }

    /// <summary>Copies a row the proposal's rules already validated.</summary>
    internal PlanActivity(ProposalActivity validated)
    {
        Name = validated.Name;
        TimesPerYear = validated.TimesPerYear;
        CapacityPerTime = validated.CapacityPerTime;
        Description = validated.Description;
    }

    public string Name { get; private set; }

    public int TimesPerYear { get; private set; }

    /// <summary>定員 per session; 0 when the activity has no fixed capacity.</summary>
    public int CapacityPerTime { get; private set; }

    public string? Description { get; private set; }

    public ActivityDraft ToDraft() => new(Name, TimesPerYear, CapacityPerTime, Description);

    /// <summary>A separate instance with the same values: an owned row can belong to one owner only.</summary>
    internal PlanActivity Copy() => (PlanActivity)MemberwiseClone();
}
