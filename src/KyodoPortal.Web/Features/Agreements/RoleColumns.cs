using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Agreements;

/// <summary>One party's column in a 役割分担 table: its designation (甲, 乙, …; none for a party row left blank), name and, where shown, kind.</summary>
public sealed record RoleColumn(string? Designation, string Name, string? Kind = null)
{
    /// <summary>The column as one text, for labels: 「甲 name」.</summary>
    public string Label => Designation is null ? Name : $"{Designation} {Name}";
}

/// <summary>
/// An editable 役割分担 with one column per party (<c>_RoleColumns</c>): the agreement's form and the
/// change-request form (the plan). Fields are named <c>{Prefix}.Roles[i].Task</c> and <c>{Prefix}.Roles[i].PartyRoles[c]</c>.
/// </summary>
public sealed record RoleColumnsForm(string Prefix, IReadOnlyList<RoleColumn> Columns, IReadOnlyList<AgreementRoleRow> Rows);

/// <summary>A 役割分担 to read (<c>_RoleTable</c>): the agreement's page and print, the plan's page.</summary>
public sealed record RoleTable(string Id, string CssClass, IReadOnlyList<RoleColumn> Columns, IReadOnlyList<RoleTableRow> Rows);

/// <summary>One row of a <see cref="RoleTable"/>: the task and one role per column (null where the party has none).</summary>
public sealed record RoleTableRow(string Task, IReadOnlyList<string?> Roles);

/// <summary>The columns of a role split: the agreement's parties, in order (1 = 甲).</summary>
public static class RoleColumns
{
    /// <summary>The agreement's parties as columns; with <paramref name="withKind"/>, each with its kind (市民活動団体, 市の担当課, その他).</summary>
    public static IReadOnlyList<RoleColumn> Of(Agreement agreement, IStringLocalizer localizer, bool withKind = false)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return [.. agreement.Parties.OrderBy(p => p.SortOrder).Select(p => new RoleColumn(PartyDesignation.Of(localizer, p.SortOrder), p.Name, withKind ? localizer.Label(p.Kind) : null))];
    }

    /// <summary>
    /// The columns of a project's plan: the agreement's parties with their kind; before an agreement
    /// (or for a party number past its parties), 「当事者 N」. At least <paramref name="lastPartyNumber"/> columns.
    /// </summary>
    public static IReadOnlyList<RoleColumn> ForPlan(Project project, int lastPartyNumber, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(project);
        var columns = project.Agreement is { } agreement ? [.. Of(agreement, localizer, withKind: true)] : new List<RoleColumn>();
        if (project.Agreement is null)
        {
            // Before an agreement the plan's parties are the proposal's: its group (if any) and its department.
            columns.AddRange(ProjectPlan.PartiesOf(project).Select((p, index) => new RoleColumn(PartyDesignation.Of(localizer, index + 1), localizer.Label(p.Kind))));
        }

        for (var number = columns.Count + 1; number <= lastPartyNumber; number++)
        {
            columns.Add(new RoleColumn(null, localizer["当事者 {0}", number]));
        }

        return columns;
    }

    /// <summary>
    /// The agreement form's columns: one per party row before the spare ones, named as entered (else
    /// by the group or department chosen, else by kind); a blank row keeps its column, unnamed, for
    /// the error next to a role left in it.
    /// </summary>
    public static IReadOnlyList<RoleColumn> ForAgreementForm(AgreementFormViewModel model, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        var input = model.Input;
        var number = 0;
        return [.. Enumerable.Range(0, input.PartyColumns).Select(column =>
        {
            var party = input.Parties[column];
            if (party.IsBlank)
            {
                return new RoleColumn(null, localizer["当事者 {0}", column + 1]);
            }

            var name = !string.IsNullOrWhiteSpace(party.Name) ? party.Name.Trim()
                : model.Groups.FirstOrDefault(g => party.Kind == AgreementPartyKind.CitizenGroup && g.Id == party.CitizenGroupId)?.Name
                ?? model.Departments.FirstOrDefault(d => party.Kind == AgreementPartyKind.Department && d.Id == party.DepartmentId)?.Name
                ?? (party.Kind is { } kind ? localizer.Label(kind) : localizer["当事者 {0}", column + 1].Value);
            return new RoleColumn(PartyDesignation.Of(localizer, ++number), name);
        })];
    }

    /// <summary>The names of the agreement's parties by number, for the plan comparison's subjects.</summary>
    public static IReadOnlyDictionary<int, string> PartyNames(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return project.Agreement?.Parties.ToDictionary(p => p.SortOrder, p => p.Name) ?? new Dictionary<int, string>();
    }

    /// <summary>A plan's role split as a table with <paramref name="columns"/>.</summary>
    public static RoleTable PlanTable(PlanContent content, IReadOnlyList<RoleColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(columns);
        return new RoleTable(
            "plan-roles",
            "data plan-roles",
            columns,
            [.. content.RoleSplits.Select(r => new RoleTableRow(r.Task, [.. Enumerable.Range(1, columns.Count).Select(r.RoleOf)]))]);
    }

    /// <summary>An agreement's role split as a table of its parties' columns.</summary>
    public static RoleTable AgreementTable(Agreement agreement, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var parties = agreement.Parties.OrderBy(p => p.SortOrder).ToList();
        return new RoleTable(
            "agreement-roles",
            "data agreement-roles",
            Of(agreement, localizer),
            [.. agreement.RoleSplits.OrderBy(r => r.SortOrder).Select(r => new RoleTableRow(r.Task, [.. parties.Select(p => r.RoleOf(p.SortOrder))]))]);
    }
}
