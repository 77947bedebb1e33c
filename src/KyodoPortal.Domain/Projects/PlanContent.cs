using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Projects;

/// <summary>
/// What a project promised, as one immutable snapshot: activities, budget lines per fiscal year,
/// KPIs with their yearly targets, and the role split. The baseline (当初計画) is copied from the
/// selected proposal; every approved change request produces a new snapshot. Rows are validated
/// by the proposal's own rules (<see cref="ProposalActivity"/>, <see cref="BudgetLine"/>,
/// <see cref="Kpi"/>), so a plan can hold nothing a proposal could not; the role split has one
/// role per party of the agreement, as the agreement's own (<see cref="PlanRoleSplit"/>).
/// </summary>
/// <remarks>Stored as a JSON document: plain rows, no ids; a role-split row holds its parties' roles.</remarks>
public sealed class PlanContent
{
    private readonly List<PlanActivity> _activities = [];
    private readonly List<PlanBudgetLine> _budgetLines = [];
    private readonly List<PlanKpi> _kpis = [];
    private readonly List<PlanKpiTarget> _kpiTargets = [];
    private readonly List<PlanRoleSplit> _roleSplits = [];

    // For EF Core materialization.
    private PlanContent()
    {
    }

    public IReadOnlyList<PlanActivity> Activities => _activities;

    public IReadOnlyList<PlanBudgetLine> BudgetLines => _budgetLines;

    public IReadOnlyList<PlanKpi> Kpis => _kpis;

    /// <summary>Every KPI's yearly targets, in KPI order then year order.</summary>
    public IReadOnlyList<PlanKpiTarget> KpiTargets => _kpiTargets;

    public IReadOnlyList<PlanRoleSplit> RoleSplits => _roleSplits;

    /// <summary>Validates the drafts with the proposal's rules and takes a snapshot of them.</summary>
    public static PlanContent Create(
        IEnumerable<ActivityDraft> activities,
        IEnumerable<BudgetLineDraft> budgetLines,
        IEnumerable<KpiDraft> kpis,
        IEnumerable<AgreementRoleSplitDraft> roleSplits)
    {
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(budgetLines);
        ArgumentNullException.ThrowIfNull(kpis);
        ArgumentNullException.ThrowIfNull(roleSplits);

        var kpiDrafts = kpis.ToList();
        var duplicate = kpiDrafts.GroupBy(kpi => kpi.Name?.Trim(), StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainRuleException("成果指標「{0}」が重複しています。", duplicate.Key);
        }

        return Build(
            activities.Select((draft, index) => new ProposalActivity(draft, index + 1)),
            budgetLines.Select((draft, index) => new BudgetLine(draft, index + 1)),
            kpiDrafts.Select((draft, index) => new Kpi(draft, index + 1)),
            roleSplits.Select(draft => new PlanRoleSplit(draft)));
    }

    /// <summary>Same as <see cref="Create(IEnumerable{ActivityDraft}, IEnumerable{BudgetLineDraft}, IEnumerable{KpiDraft}, IEnumerable{AgreementRoleSplitDraft})"/>, from a form's drafts.</summary>
    public static PlanContent Create(PlanDrafts drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        return Create(drafts.Activities, drafts.BudgetLines, drafts.Kpis, drafts.RoleSplits);
    }

    /// <summary>
    /// The proposal's activities, budget, KPIs and role split: the baseline (当初計画). The
    /// proposal's 団体 and 市 roles go to the columns of <paramref name="parties"/> (the agreement's
    /// parties in order) by <see cref="AgreementRoleSplitDraft.FromGroupAndCity"/>, the rule the
    /// agreement's draft and the PlanRolesPerParty migration use; a row none of whose roles has a
    /// party (a 団体 role of a proposal without a group, say) is left out rather than kept empty.
    /// </summary>
    public static PlanContent FromProposal(Proposal proposal, IReadOnlyList<AgreementPartyDraft> parties)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(parties);
        return Build(
            proposal.Activities.OrderBy(row => row.SortOrder),
            proposal.BudgetLines.OrderBy(row => row.SortOrder),
            proposal.Kpis.OrderBy(row => row.SortOrder),
            proposal.RoleSplits
                .OrderBy(row => row.SortOrder)
                .Select(row => AgreementRoleSplitDraft.FromGroupAndCity(
                    new RoleSplitDraft(row.Task, row.GroupRole, row.CityRole), parties, proposal.ProposingGroupId, proposal.PartnerDepartmentId))
                .Where(draft => draft.PartyRoles.Any(role => !string.IsNullOrWhiteSpace(role)))
                .Select(draft => new PlanRoleSplit(draft)));
    }

    /// <summary>The highest party number any role-split row has a role for (0 without rows).</summary>
    public int LastPartyNumber => _roleSplits.Count == 0 ? 0 : _roleSplits.Max(split => split.LastPartyNumber);

    /// <summary>The plan as drafts, to pre-fill a change-request form.</summary>
    public PlanDrafts ToDrafts() => new(
        [.. _activities.Select(activity => activity.ToDraft())],
        [.. _budgetLines.Select(line => line.ToDraft())],
        [
            .. _kpis.Select(kpi => new KpiDraft(
                kpi.Name,
                kpi.Kind,
                kpi.Unit,
                kpi.MeasurementMethod,
                [.. TargetsOf(kpi.Name).Select(target => new KpiTargetDraft(target.FiscalYear, target.TargetValue, target.TargetText))])),
        ],
        [.. _roleSplits.Select(split => split.ToDraft(LastPartyNumber))]);

    /// <summary>The yearly targets of the KPI named <paramref name="kpiName"/>, oldest year first.</summary>
    public IReadOnlyList<PlanKpiTarget> TargetsOf(string kpiName) =>
        [.. _kpiTargets.Where(target => string.Equals(target.KpiName, kpiName, StringComparison.Ordinal)).OrderBy(target => target.FiscalYear)];

    /// <summary>The target of <paramref name="kpiName"/> for <paramref name="fiscalYear"/>, or null when none was set.</summary>
    public PlanKpiTarget? TargetFor(string kpiName, int fiscalYear) =>
        _kpiTargets.FirstOrDefault(target => string.Equals(target.KpiName, kpiName, StringComparison.Ordinal) && target.FiscalYear == fiscalYear);

    /// <summary>The budget lines of one fiscal year, in plan order.</summary>
    public IReadOnlyList<PlanBudgetLine> BudgetLinesOf(int fiscalYear) =>
        [.. _budgetLines.Where(line => line.FiscalYear == fiscalYear)];

    /// <summary>
    /// The participant fees (per person) planned for <paramref name="fiscalYear"/>: the distinct
    /// unit prices of its 参加費 lines, lowest first. Empty when no fee is planned, i.e. free.
    /// </summary>
    public IReadOnlyList<long> PlannedParticipantFees(int fiscalYear) =>
    [
        .. _budgetLines
            .Where(line => line.FiscalYear == fiscalYear && line.Category == BudgetCategory.ParticipantFees && line.UnitPrice is not null)
            .Select(line => line.UnitPrice!.Value)
            .Distinct()
            .Order(),
    ];

    /// <summary>Income, expense and city-share totals of <paramref name="fiscalYear"/> (zeros for a year without lines).</summary>
    public BudgetYear BudgetTotals(int fiscalYear)
    {
        var lines = _budgetLines.Where(line => line.FiscalYear == fiscalYear).ToList();
        return new BudgetYear(
            new FiscalYear(fiscalYear),
            lines.Where(line => line.Direction == BudgetDirection.Expense).Sum(line => line.Amount),
            lines.Where(line => line.Direction == BudgetDirection.Income).Sum(line => line.Amount),
            lines.Where(line => line.Category == BudgetCategory.CityShare).Sum(line => line.Amount));
    }

    /// <summary>The fiscal years that have budget lines, in order.</summary>
    public IReadOnlyList<int> BudgetFiscalYears() => [.. _budgetLines.Select(line => line.FiscalYear).Distinct().Order()];

    /// <summary>The years whose income does not cover exactly their expenses (収入合計 ≠ 支出合計).</summary>
    public IReadOnlyList<BudgetYear> UnbalancedYears() =>
        [.. BudgetFiscalYears().Select(BudgetTotals).Where(year => !year.Balanced)];

    /// <summary>Every fiscal year the plan mentions (budget lines and KPI targets), in order.</summary>
    public IReadOnlyList<int> FiscalYears() =>
        [.. _budgetLines.Select(line => line.FiscalYear).Concat(_kpiTargets.Select(target => target.FiscalYear)).Distinct().Order()];

    /// <summary>
    /// A separate snapshot with the same rows. A JSON-owned document belongs to one owner, so a
    /// change request's content is copied, not shared, when it becomes a plan version.
    /// </summary>
    internal PlanContent Copy()
    {
        var copy = new PlanContent();
        copy._activities.AddRange(_activities.Select(row => row.Copy()));
        copy._budgetLines.AddRange(_budgetLines.Select(row => row.Copy()));
        copy._kpis.AddRange(_kpis.Select(row => row.Copy()));
        copy._kpiTargets.AddRange(_kpiTargets.Select(row => row.Copy()));
        copy._roleSplits.AddRange(_roleSplits.Select(row => row.Copy()));
        return copy;
    }

    /// <summary>An empty plan, only as a placeholder before EF Core sets the real one.</summary>
    internal static PlanContent Placeholder() => new();

    private static PlanContent Build(
        IEnumerable<ProposalActivity> activities,
        IEnumerable<BudgetLine> budgetLines,
        IEnumerable<Kpi> kpis,
        IEnumerable<PlanRoleSplit> roleSplits)
    {
        var content = new PlanContent();
        content._activities.AddRange(activities.Select(activity => new PlanActivity(activity)));
        content._budgetLines.AddRange(budgetLines.Select(line => new PlanBudgetLine(line)));
        foreach (var kpi in kpis)
        {
            content._kpis.Add(new PlanKpi(kpi));
            content._kpiTargets.AddRange(kpi.Targets.OrderBy(target => target.FiscalYear).Select(target => new PlanKpiTarget(kpi.Name, target)));
        }

        content._roleSplits.AddRange(roleSplits);
        return content;
    }
}

/// <summary>A plan as form drafts: what <see cref="PlanContent.ToDrafts"/> gives and <see cref="PlanContent.Create(PlanDrafts)"/> takes.</summary>
public sealed record PlanDrafts(
    IReadOnlyList<ActivityDraft> Activities,
    IReadOnlyList<BudgetLineDraft> BudgetLines,
    IReadOnlyList<KpiDraft> Kpis,
    IReadOnlyList<AgreementRoleSplitDraft> RoleSplits);
