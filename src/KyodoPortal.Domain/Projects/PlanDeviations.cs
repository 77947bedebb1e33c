using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Projects;

/// <summary>Something done differently from the plan in force, with a message to show as is.</summary>
public sealed record PlanDeviation(PlanArea Area, UserMessage Message);

/// <summary>An activity record and how it deviates from the plan.</summary>
public sealed record ActivityRecordDeviation(ActivityRecord Record, PlanDeviation Deviation);

/// <summary>
/// Compares what was done with the current plan (the latest <see cref="ProjectPlan"/>). A
/// difference the plan does not show means no approved change request covers it: an approved
/// change would have become the current plan.
/// </summary>
public static class PlanDeviations
{
    /// <summary>
    /// The record's fee against the plan's participant fees for its fiscal year (no 参加費 line
    /// means free, 0円). Null when they agree or when the record has no fee.
    /// </summary>
    public static PlanDeviation? ForActivity(ActivityRecord record, PlanContent currentPlan)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(currentPlan);
        if (record.FeeCharged is not { } charged)
        {
            return null;
        }

        var planned = currentPlan.PlannedParticipantFees(record.FiscalYear);
        IReadOnlyList<long> plannedOrFree = planned.Count == 0 ? [0] : planned;
        if (plannedOrFree.Contains(charged))
        {
            return null;
        }

        var plannedAmounts = UserMessage.Join("・", plannedOrFree.Select(amount => (object?)new Yen(amount)));
        return new PlanDeviation(
            PlanArea.ParticipantFee,
            new UserMessage("参加費が計画と異なります（計画 {0}、実際 {1}）。承認された計画変更はありません。", plannedAmounts, new Yen(charged)));
    }

    /// <summary>Every record that deviates from the plan, with its deviation, in date order.</summary>
    public static IReadOnlyList<ActivityRecordDeviation> ForActivities(IEnumerable<ActivityRecord> records, PlanContent currentPlan)
    {
        ArgumentNullException.ThrowIfNull(records);
        var deviations = new List<ActivityRecordDeviation>();
        foreach (var record in records.OrderBy(record => record.HeldOn).ThenBy(record => record.Id))
        {
            if (ForActivity(record, currentPlan) is { } deviation)
            {
                deviations.Add(new ActivityRecordDeviation(record, deviation));
            }
        }

        return deviations;
    }
}
