using KyodoPortal.Domain.Proposals;
using KyodoPortal.Web.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Proposals;

/// <summary>
/// Builds section inputs from a proposal and pads them with blank rows, so a person adds rows
/// without JavaScript (blank rows are ignored on save).
/// </summary>
public static class ProposalForms
{
    public const int SpareActivityRows = 3;
    public const int SpareRoleRows = 3;
    public const int SpareBudgetRows = 8;
    public const int SpareKpiRows = 2;

    public static PlanInput Plan(Proposal p)
    {
        var input = new PlanInput
        {
            Activities = [.. p.Activities.OrderBy(a => a.SortOrder).Select(a => new ActivityRow { Name = a.Name, TimesPerYear = a.TimesPerYear, CapacityPerTime = a.CapacityPerTime, Description = a.Description })],
            Schedule = [.. p.ScheduleItems.OrderBy(s => s.FiscalYear).ThenBy(s => s.SortOrder).Select(s => new ScheduleRow { FiscalYear = s.FiscalYear, Description = s.Description })],
            Roles = [.. p.RoleSplits.OrderBy(r => r.SortOrder).Select(r => new RoleRow { Task = r.Task, GroupRole = r.GroupRole, CityRole = r.CityRole })],
            Version = p.Version,
        };
        return Pad(input, p.TermFiscalYears());
    }

    /// <summary>Drops blank rows, then adds the spare ones, so failed posts never pile rows up.</summary>
    public static PlanInput Pad(PlanInput input, IReadOnlyList<int> years)
    {
        input.Activities.RemoveAll(r => r.IsBlank);
        input.Roles.RemoveAll(r => r.IsBlank);
        input.Activities.AddRange(Enumerable.Range(0, SpareActivityRows).Select(_ => new ActivityRow()));
        input.Roles.AddRange(Enumerable.Range(0, SpareRoleRows).Select(_ => new RoleRow()));

        // One schedule row per year of the term, whatever was there before.
        input.Schedule = [.. years.Select(y => input.Schedule.FirstOrDefault(s => s.FiscalYear == y) ?? new ScheduleRow { FiscalYear = y })];
        return input;
    }

    public static BudgetInput Budget(Proposal p) => Pad(new BudgetInput
    {
        Lines = [.. p.BudgetLines.OrderBy(l => l.FiscalYear).ThenBy(l => l.Direction).ThenBy(l => l.SortOrder).Select(l => new BudgetRow
        {
            FiscalYear = l.FiscalYear,
            Category = l.Category,
            Item = l.Item,
            Amount = l.UnitPrice is null ? l.Amount : null,
            UnitPrice = l.UnitPrice,
            Quantity = l.Quantity,
        })],
        Version = p.Version,
    });

    public static BudgetInput Pad(BudgetInput input)
    {
        input.Lines.RemoveAll(r => r.IsBlank);
        input.Lines.AddRange(Enumerable.Range(0, SpareBudgetRows).Select(_ => new BudgetRow()));
        return input;
    }

    public static KpiInput Kpis(Proposal p) => Pad(
        new KpiInput
        {
            Kpis = [.. p.Kpis.OrderBy(k => k.SortOrder).Select(k => new KpiRow
            {
                Name = k.Name,
                Kind = k.Kind,
                Unit = k.Unit,
                MeasurementMethod = k.MeasurementMethod,
                Targets = [.. k.Targets.Select(t => new KpiTargetRow { FiscalYear = t.FiscalYear, Value = t.TargetValue, Text = t.TargetText })],
            })],
            Version = p.Version,
        },
        p.TermFiscalYears());

    public static KpiInput Pad(KpiInput input, IReadOnlyList<int> years)
    {
        input.Kpis.RemoveAll(k => k.IsBlank);
        input.Kpis.AddRange(Enumerable.Range(0, SpareKpiRows).Select(_ => new KpiRow()));
        foreach (var kpi in input.Kpis)
        {
            kpi.Targets = [.. years.Select(y => kpi.Targets.FirstOrDefault(t => t.FiscalYear == y) ?? new KpiTargetRow { FiscalYear = y })];
        }

        return input;
    }

    /// <summary>A group or department picked on the form must be an active one; else the reason goes on its field.</summary>
    public static async Task<bool> PartnersExistAsync(
        KyodoDbContext db,
        ModelStateDictionary modelState,
        IStringLocalizer localizer,
        int? groupId,
        int? departmentId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(localizer);
        if (groupId is { } g && !await db.CitizenGroups.AnyAsync(x => x.Id == g && x.IsActive, cancellationToken))
        {
            modelState.AddModelError("Input.ProposingGroupId", localizer["選んだ団体が見つかりません。"]);
        }

        if (departmentId is { } d && !await db.Departments.AnyAsync(x => x.Id == d && x.IsActive, cancellationToken))
        {
            modelState.AddModelError("Input.PartnerDepartmentId", localizer["選んだ担当課が見つかりません。"]);
        }

        return modelState.IsValid;
    }

    public static IEnumerable<ActivityDraft> ToDrafts(this IEnumerable<ActivityRow> rows) =>
        rows.Where(r => !r.IsBlank).Select(r => new ActivityDraft(r.Name!.Trim(), r.TimesPerYear!.Value, r.CapacityPerTime!.Value, r.Description));

    public static IEnumerable<ScheduleItemDraft> ToDrafts(this IEnumerable<ScheduleRow> rows) =>
        rows.Where(r => !string.IsNullOrWhiteSpace(r.Description)).Select(r => new ScheduleItemDraft(r.FiscalYear, r.Description!.Trim()));

    public static IEnumerable<RoleSplitDraft> ToDrafts(this IEnumerable<RoleRow> rows) =>
        rows.Where(r => !r.IsBlank).Select(r => new RoleSplitDraft(r.Task!.Trim(), r.GroupRole, r.CityRole));

    public static IEnumerable<BudgetLineDraft> ToDrafts(this IEnumerable<BudgetRow> rows) =>
        rows.Where(r => !r.IsBlank).Select(r => new BudgetLineDraft(r.FiscalYear!.Value, r.Category!.Value, r.Item, r.Amount, r.UnitPrice, r.Quantity));

    public static IEnumerable<KpiDraft> ToDrafts(this IEnumerable<KpiRow> rows) =>
        rows.Where(r => !r.IsBlank).Select(r => new KpiDraft(
            r.Name!.Trim(),
            r.Kind!.Value,
            r.Unit,
            r.MeasurementMethod,
            [.. r.Targets.Where(t => t.Value is not null || !string.IsNullOrWhiteSpace(t.Text)).Select(t => new KpiTargetDraft(t.FiscalYear, t.Value, t.Text))]));
}

/// <summary>
/// Editable rows for a partial shared by every form that edits plan rows (the proposal's sections,
/// the agreement, a change request): the field-name prefix (e.g. "Input" or "Input.Plan"), the rows
/// and, where rows have a column per year, the fiscal years.
/// </summary>
public sealed record RowsForm<T>(string Prefix, IReadOnlyList<T> Rows, IReadOnlyList<int> Years);
