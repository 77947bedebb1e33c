using System.Globalization;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Projects;

/// <summary>
/// The differences between two plans. <c>Between(baseline, current)</c> is every deviation from
/// the 当初計画 at a glance; <c>Between(current, proposed)</c> is what a change request asks for.
/// </summary>
/// <remarks>
/// Rows are matched by what identifies them for a reader: activities by name, budget lines by
/// (fiscal year, category, item), KPIs by name (definition, then each year's target), role splits
/// by task and then each party's role (one change per party whose role differs). Rows sharing a
/// key are paired in order. The result is ordered by
/// <see cref="PlanArea"/>, then: activities, KPIs and role splits in the new plan's order followed
/// by removed ones; budget lines by year, category and item.
/// </remarks>
public static class PlanComparison
{
    /// <param name="before">The earlier plan.</param>
    /// <param name="after">The later plan.</param>
    /// <param name="partyNames">The names of the agreement's parties by number (1 = 甲), for the role split's subjects; a party not named is 「当事者N」.</param>
    public static IReadOnlyList<PlanChange> Between(PlanContent before, PlanContent after, IReadOnlyDictionary<int, string>? partyNames = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<PlanChange>();
        changes.AddRange(Activities(before, after));
        var budget = BudgetLines(before, after).ToList();
        changes.AddRange(budget.Where(change => change.Area == PlanArea.Budget));
        changes.AddRange(budget.Where(change => change.Area == PlanArea.ParticipantFee));
        changes.AddRange(Kpis(before, after));
        changes.AddRange(RoleSplits(before, after, partyNames ?? new Dictionary<int, string>()));
        return changes;
    }

    /// <summary>A line's amount as the plan states it: 1,000円 × 120人 = 120,000円, or 180,000円.</summary>
    internal static string Amounts(PlanBudgetLine line)
    {
        if (line.UnitPrice is { } unitPrice && line.Quantity is { } quantity)
        {
            var unit = line.Category == BudgetCategory.ParticipantFees ? "人" : string.Empty;
            return $"{Yen(unitPrice)} × {Number(quantity)}{unit} = {Yen(line.Amount)}";
        }

        return Yen(line.Amount);
    }

    internal static string Subject(PlanBudgetLine line) =>
        $"{ProposalText.Year(line.FiscalYear)} {line.Category.DisplayName()}{(line.Item is null ? string.Empty : $"（{line.Item}）")}";

    private static IEnumerable<PlanChange> Activities(PlanContent before, PlanContent after) =>
        Pair(before.Activities, after.Activities, activity => activity.Name, StringComparer.Ordinal)
            .Select(pair => Change(PlanArea.Activity, $"活動「{(pair.After ?? pair.Before)!.Name}」", Describe(pair.Before), Describe(pair.After), budgetEffect: null))
            .OfType<PlanChange>();

    private static IEnumerable<PlanChange> BudgetLines(PlanContent before, PlanContent after) =>
        Pair(before.BudgetLines, after.BudgetLines, line => (line.FiscalYear, line.Category, line.Item), EqualityComparer<(int FiscalYear, BudgetCategory Category, string? Item)>.Default)
            .OrderBy(pair => pair.Key.FiscalYear)
            .ThenBy(pair => pair.Key.Category)
            .ThenBy(pair => pair.Key.Item, StringComparer.Ordinal)
            .ThenBy(pair => pair.Occurrence)
            .Select(pair =>
            {
                var line = (pair.After ?? pair.Before)!;
                var area = line.Category == BudgetCategory.ParticipantFees ? PlanArea.ParticipantFee : PlanArea.Budget;
                var effect = (pair.After?.Amount ?? 0) - (pair.Before?.Amount ?? 0);
                return Change(area, Subject(line), Describe(pair.Before), Describe(pair.After), effect);
            })
            .OfType<PlanChange>();

    private static IEnumerable<PlanChange> Kpis(PlanContent before, PlanContent after)
    {
        var targets = Pair(before.KpiTargets, after.KpiTargets, target => (target.KpiName, target.FiscalYear), EqualityComparer<(string KpiName, int FiscalYear)>.Default).ToList();
        foreach (var pair in Pair(before.Kpis, after.Kpis, kpi => kpi.Name, StringComparer.Ordinal))
        {
            var name = (pair.After ?? pair.Before)!.Name;
            if (Change(PlanArea.Kpi, $"成果指標「{name}」", Describe(pair.Before), Describe(pair.After), budgetEffect: null) is { } definition)
            {
                yield return definition;
            }

            foreach (var target in targets.Where(target => string.Equals(target.Key.KpiName, name, StringComparison.Ordinal)).OrderBy(target => target.Key.FiscalYear))
            {
                var subject = $"成果指標「{name}」 {ProposalText.Year(target.Key.FiscalYear)}の目標";
                if (Change(PlanArea.Kpi, subject, Describe(target.Before, pair.Before), Describe(target.After, pair.After), budgetEffect: null) is { } change)
                {
                    yield return change;
                }
            }
        }
    }

    private static IEnumerable<PlanChange> RoleSplits(PlanContent before, PlanContent after, IReadOnlyDictionary<int, string> partyNames)
    {
        foreach (var pair in Pair(before.RoleSplits, after.RoleSplits, split => split.Task, StringComparer.Ordinal))
        {
            var task = (pair.After ?? pair.Before)!.Task;
            var parties = (pair.Before?.Roles ?? []).Concat(pair.After?.Roles ?? []).Select(role => role.PartyNumber).Distinct().Order();
            foreach (var party in parties)
            {
                var name = partyNames.TryGetValue(party, out var known) && !string.IsNullOrWhiteSpace(known) ? known : $"当事者{party}";
                if (Change(PlanArea.RoleSplit, $"役割分担「{task}」 {name}", pair.Before?.RoleOf(party), pair.After?.RoleOf(party), budgetEffect: null) is { } change)
                {
                    yield return change;
                }
            }
        }
    }

    private static PlanChange? Change(PlanArea area, string subject, string? before, string? after, long? budgetEffect)
    {
        if (string.Equals(before, after, StringComparison.Ordinal))
        {
            return null;
        }

        var kind = before is null ? PlanChangeKind.Added : after is null ? PlanChangeKind.Removed : PlanChangeKind.Changed;
        return new PlanChange(area, kind, subject, before, after, budgetEffect);
    }

    private static string? Describe(PlanActivity? activity) =>
        activity is null
            ? null
            : $"年{Number(activity.TimesPerYear)}回・{(activity.CapacityPerTime == 0 ? "定員なし" : $"定員{Number(activity.CapacityPerTime)}人")}"
                + (activity.Description is null ? string.Empty : $"／{activity.Description}");

    private static string? Describe(PlanBudgetLine? line) => line is null ? null : Amounts(line);

    private static string? Describe(PlanKpi? kpi) =>
        kpi is null
            ? null
            : kpi.Kind.DisplayName()
                + (kpi.Unit is null ? string.Empty : $"・単位 {kpi.Unit}")
                + (kpi.MeasurementMethod is null ? string.Empty : $"・測定方法 {kpi.MeasurementMethod}");

    private static string? Describe(PlanKpiTarget? target, PlanKpi? kpi)
    {
        if (target is null)
        {
            return null;
        }

        var value = target.TargetValue is { } number ? Number(number) + (kpi?.Unit ?? string.Empty) : null;
        return (value, target.TargetText) switch
        {
            (null, null) => string.Empty,
            ({ } only, null) => only,
            (null, { } text) => text,
            ({ } both, { } text) => $"{both}（{text}）",
        };
    }

    private static string Yen(long amount) => JapaneseFormat.JapaneseYen(amount);

    private static string Number(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>
    /// Pairs the rows of two lists by key: the n-th row with a key in <paramref name="after"/> with
    /// the n-th row with that key in <paramref name="before"/>. Rows of <paramref name="after"/>
    /// come first in their order, then the unmatched rows of <paramref name="before"/>.
    /// </summary>
    private static IEnumerable<KeyedPair<T, TKey>> Pair<T, TKey>(
        IReadOnlyList<T> before,
        IReadOnlyList<T> after,
        Func<T, TKey> key,
        IEqualityComparer<TKey> comparer)
        where T : class
        where TKey : notnull
    {
        var remaining = new Dictionary<TKey, Queue<T>>(comparer);
        foreach (var row in before)
        {
            if (!remaining.TryGetValue(key(row), out var queue))
            {
                queue = new Queue<T>();
                remaining.Add(key(row), queue);
            }

            queue.Enqueue(row);
        }

        var occurrences = new Dictionary<TKey, int>(comparer);
        foreach (var row in after)
        {
            var rowKey = key(row);
            var occurrence = occurrences.GetValueOrDefault(rowKey);
            occurrences[rowKey] = occurrence + 1;
            var match = remaining.TryGetValue(rowKey, out var queue) && queue.Count > 0 ? queue.Dequeue() : null;
            yield return new KeyedPair<T, TKey>(rowKey, occurrence, match, row);
        }

        foreach (var row in before)
        {
            var rowKey = key(row);
            if (remaining.TryGetValue(rowKey, out var queue) && queue.Count > 0 && ReferenceEquals(queue.Peek(), row))
            {
                queue.Dequeue();
                var occurrence = occurrences.GetValueOrDefault(rowKey);
                occurrences[rowKey] = occurrence + 1;
                yield return new KeyedPair<T, TKey>(rowKey, occurrence, row, null);
            }
        }
    }

    private sealed record KeyedPair<T, TKey>(TKey Key, int Occurrence, T? Before, T? After)
        where T : class;
}
