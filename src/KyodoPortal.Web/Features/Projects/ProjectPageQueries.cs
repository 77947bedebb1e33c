using System.Security.Claims;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Lists;
using KyodoPortal.Web.Infrastructure.Persistence;
using KyodoPortal.Web.Features.Agreements;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Projects;

/// <summary>One row of the project list.</summary>
public sealed record ProjectListRow(
    int Id,
    string Title,
    string? GroupName,
    string? DepartmentName,
    int StartFiscalYear,
    int EndFiscalYear,
    ProjectStatus Status,
    int? CurrentPlanNumber,
    int OpenChangeRequests);

/// <summary>The project list: a page of rows and the search and order that produced it.</summary>
public sealed record ProjectListViewModel(PageOf<ProjectListRow> Page, ListQuery Query);

/// <summary>A party of the project as the project page lists it.</summary>
public sealed record ProjectPartyView(AgreementPartyKind Kind, string Name, string? Representative, string? Role);

/// <summary>One change request in a project's list.</summary>
public sealed record ChangeRequestRow(
    int Id,
    int Number,
    DateTime CreatedAtUtc,
    ChangeRequestParty RequestedBy,
    ChangeRequestStatus Status,
    int BasePlanNumber,
    string Reason);

/// <summary>What the project page shows.</summary>
public sealed record ProjectPageViewModel(
    Project Project,
    ProjectNames Names,
    ProjectSide Side,
    IReadOnlyList<ProjectPartyView> Parties,
    ProjectPlan? CurrentPlan,
    IReadOnlyList<PlanChange> Deviations,
    IReadOnlyList<ChangeRequestRow> ChangeRequests,
    IReadOnlyList<int> FeedbackYears,
    IReadOnlyList<Guidelines.ProjectMeasure> Measures)
{
    /// <summary>The parties (not the office) may ask for a plan change while the project runs.</summary>
    public bool CanRequestChange => Project.Status == ProjectStatus.InProgress && Side is ProjectSide.Group or ProjectSide.Department;

    public IReadOnlyList<int> FiscalYears => [.. Enumerable.Range(Project.StartFiscalYear, Project.TermYears)];
}

/// <summary>A plan version in the version history.</summary>
public sealed record PlanVersionRow(int Number, DateTime CreatedAtUtc, int? ChangeRequestId, int? ChangeRequestNumber, string? Reason);

/// <summary>The plan page: one version (the current one unless another was asked for), its history, and the deviations from the baseline.</summary>
public sealed record PlanPageViewModel(
    Project Project,
    ProjectPlan Plan,
    bool IsCurrent,
    IReadOnlyList<PlanVersionRow> Versions,
    IReadOnlyList<PlanChange> Deviations,
    bool CanRequestChange);

/// <summary>The queries of the project list, page and plan pages.</summary>
public static class ProjectPageQueries
{
    /// <summary>
    /// The projects the person may see (the rules of <see cref="ProjectAccess"/> as a filter): the
    /// office every project, a group member those their group proposed or signed, department staff
    /// those their department partners or signed.
    /// </summary>
    public static IQueryable<Project> Visible(KyodoDbContext db, ClaimsPrincipal user)
    {
        var projects = db.Projects.AsNoTracking();
        if (user.IsOffice())
        {
            return projects;
        }

        var groupId = user.IsInRole(KyodoRoles.GroupMember) ? user.GetCitizenGroupId() : null;
        var departmentId = user.IsInRole(KyodoRoles.DepartmentStaff) ? user.GetDepartmentId() : null;
        return projects.Where(p =>
            (groupId != null && (p.ProposingGroupId == groupId || p.Agreement!.Parties.Any(party => party.CitizenGroupId == groupId)))
            || (departmentId != null && (p.PartnerDepartmentId == departmentId || p.Agreement!.Parties.Any(party => party.DepartmentId == departmentId))));
    }

    /// <summary>
    /// The list's columns: 事業名, 団体, 担当課 (names looked up in the same statement), 期間 (the default,
    /// newest first), 状態 in lifecycle order (a CASE, since the status is stored as text).
    /// </summary>
    private static SortColumns<Project> Columns(KyodoDbContext db) => new SortColumns<Project>("term", defaultDescending: true, p => p.Id)
        .Column("title", p => p.Title)
        .Column("group", p => db.CitizenGroups.Where(g => g.Id == p.ProposingGroupId).Select(g => g.Name).FirstOrDefault())
        .Column("department", p => db.Departments.Where(d => d.Id == p.PartnerDepartmentId).Select(d => d.Name).FirstOrDefault())
        .Column("term", p => p.StartFiscalYear).ThenBy(p => p.EndFiscalYear)
        .Column("status", p => p.Status == ProjectStatus.Preparing ? 0 : p.Status == ProjectStatus.InProgress ? 1 : 2);

    /// <summary>
    /// A page of projects, searched (事業名, 団体, 担当課) and sorted as asked (newest term first by default):
    /// two statements, the count and the page, whose rows carry the names, the current plan's number and
    /// the open change requests as scalar subqueries (indexed lookups for the 20 rows of a page).
    /// </summary>
    public static async Task<ProjectListViewModel> ListAsync(KyodoDbContext db, ClaimsPrincipal user, ListRequest request, int page, CancellationToken cancellationToken)
    {
        var columns = Columns(db);
        var listQuery = columns.Query(request);
        var visible = Visible(db, user);
        if (listQuery.Q is { } term)
        {
            visible = visible.Where(p => p.Title.Contains(term)
                || db.CitizenGroups.Any(g => g.Id == p.ProposingGroupId && g.Name.Contains(term))
                || db.Departments.Any(d => d.Id == p.PartnerDepartmentId && d.Name.Contains(term)));
        }

        var projects = await columns.Apply(visible, listQuery.Sort)
            .Select(p => new ProjectListRow(
                p.Id,
                p.Title,
                db.CitizenGroups.Where(g => g.Id == p.ProposingGroupId).Select(g => g.Name).FirstOrDefault(),
                db.Departments.Where(d => d.Id == p.PartnerDepartmentId).Select(d => d.Name).FirstOrDefault(),
                p.StartFiscalYear,
                p.EndFiscalYear,
                p.Status,
                db.ProjectPlans.Where(v => v.ProjectId == p.Id).Max(v => (int?)v.Number),
                db.ChangeRequests.Count(c => c.ProjectId == p.Id && c.Status == ChangeRequestStatus.Submitted)))
            .ToPageAsync(page, cancellationToken);
        return new ProjectListViewModel(projects, listQuery);
    }

    /// <summary>The parties as the agreement names them, or — before one is drafted — the proposing group and the partner department.</summary>
    public static IReadOnlyList<ProjectPartyView> Parties(Project project, ProjectNames names)
    {
        if (project.Agreement is { } agreement)
        {
            return [.. agreement.Parties.OrderBy(p => p.SortOrder).Select(p => new ProjectPartyView(p.Kind, p.Name, p.Representative, p.Role))];
        }

        var parties = new List<ProjectPartyView>();
        if (names.GroupName is { } group)
        {
            parties.Add(new ProjectPartyView(AgreementPartyKind.CitizenGroup, group, null, null));
        }

        if (names.DepartmentName is { } department)
        {
            parties.Add(new ProjectPartyView(AgreementPartyKind.Department, department, null, null));
        }

        return parties;
    }

    /// <summary>
    /// What the project page shows beside the project and its plan — the parties' names, the change
    /// requests (oldest first, numbered 1, 2, …) and the years whose evaluation feedback is published —
    /// in one statement (a handful of rows) instead of three round trips.
    /// </summary>
    public static async Task<(ProjectNames Names, IReadOnlyList<ChangeRequestRow> ChangeRequests, IReadOnlyList<int> FeedbackYears)> PageExtrasAsync(
        KyodoDbContext db, int projectId, CancellationToken cancellationToken)
    {
        var extras = await db.Projects.AsNoTracking()
            .Where(p => p.Id == projectId)
            .Select(p => new
            {
                GroupName = db.CitizenGroups.Where(g => g.Id == p.ProposingGroupId).Select(g => g.Name).FirstOrDefault(),
                DepartmentName = db.Departments.Where(d => d.Id == p.PartnerDepartmentId).Select(d => d.Name).FirstOrDefault(),
                Requests = db.ChangeRequests
                    .Where(c => c.ProjectId == p.Id)
                    .OrderBy(c => c.Id)
                    .Select(c => new { c.Id, c.CreatedAtUtc, c.RequestedBy, c.Status, c.BasePlanNumber, c.Reason })
                    .ToList(),
                FeedbackYears = db.EvaluationRounds
                    .Where(r => r.ProjectId == p.Id && r.FeedbackPublishedAtUtc != null)
                    .OrderBy(r => r.FiscalYear)
                    .Select(r => r.FiscalYear)
                    .ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (extras is null)
        {
            return (new ProjectNames(null, null), [], []);
        }

        return (
            new ProjectNames(extras.GroupName, extras.DepartmentName),
            [.. extras.Requests.Select((c, index) => new ChangeRequestRow(c.Id, index + 1, c.CreatedAtUtc, c.RequestedBy, c.Status, c.BasePlanNumber, c.Reason))],
            extras.FeedbackYears);
    }

    /// <summary>The project's change requests, oldest first, numbered 1, 2, … in that order.</summary>
    public static async Task<IReadOnlyList<ChangeRequestRow>> ChangeRequestsAsync(KyodoDbContext db, int projectId, CancellationToken cancellationToken)
    {
        var requests = await db.ChangeRequests.AsNoTracking()
            .Where(c => c.ProjectId == projectId)
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.CreatedAtUtc, c.RequestedBy, c.Status, c.BasePlanNumber, c.Reason })
            .ToListAsync(cancellationToken);
        return [.. requests.Select((c, index) => new ChangeRequestRow(c.Id, index + 1, c.CreatedAtUtc, c.RequestedBy, c.Status, c.BasePlanNumber, c.Reason))];
    }

    /// <summary>The number (1, 2, …) a change request has in its project's list.</summary>
    public static Task<int> ChangeRequestNumberAsync(KyodoDbContext db, ChangeRequest request, CancellationToken cancellationToken) =>
        db.ChangeRequests.CountAsync(c => c.ProjectId == request.ProjectId && c.Id <= request.Id, cancellationToken);

    /// <summary>Every plan version, newest first, with the reason of the change request it came from.</summary>
    public static async Task<IReadOnlyList<PlanVersionRow>> VersionsAsync(KyodoDbContext db, int projectId, CancellationToken cancellationToken)
    {
        var versions = await db.ProjectPlans.AsNoTracking()
            .Where(p => p.ProjectId == projectId)
            .OrderByDescending(p => p.Number)
            .Select(p => new { p.Number, p.CreatedAtUtc, p.ChangeRequestId })
            .ToListAsync(cancellationToken);
        var requests = await ChangeRequestsAsync(db, projectId, cancellationToken);
        return [.. versions.Select(v =>
        {
            var request = requests.FirstOrDefault(r => r.Id == v.ChangeRequestId);
            return new PlanVersionRow(v.Number, v.CreatedAtUtc, v.ChangeRequestId, request?.Number, request?.Reason);
        })];
    }

    /// <summary>One plan version; null when the project has no such version.</summary>
    public static Task<ProjectPlan?> VersionAsync(KyodoDbContext db, int projectId, int number, CancellationToken cancellationToken) =>
        db.ProjectPlans.AsNoTracking().FirstOrDefaultAsync(p => p.ProjectId == projectId && p.Number == number, cancellationToken);

    /// <summary>The deviations of <paramref name="current"/> from the baseline; none when there is no plan yet or only the baseline.</summary>
    public static async Task<IReadOnlyList<PlanChange>> DeviationsAsync(KyodoDbContext db, Project project, ProjectPlan? current, CancellationToken cancellationToken)
    {
        if (current is null || current.IsBaseline)
        {
            return [];
        }

        var baseline = await ProjectQueries.BaselineAsync(db, current.ProjectId, cancellationToken);
        return baseline is null ? [] : PlanComparison.Between(baseline.Content, current.Content, RoleColumns.PartyNames(project));
    }

    /// <summary>The fiscal years a plan view lists: the project's term, plus any year the plan mentions outside it.</summary>
    public static IReadOnlyList<int> YearsOf(Project project, PlanContent content) =>
        [.. Enumerable.Range(project.StartFiscalYear, project.TermYears).Concat(content.FiscalYears()).Distinct().Order()];

    /// <summary>The term in the current UI culture, e.g. 令和8年度〜令和9年度.</summary>
    public static string Term(int startFiscalYear, int endFiscalYear) =>
        startFiscalYear == endFiscalYear
            ? Infrastructure.Formatting.DisplayFormat.FiscalYear(new FiscalYear(startFiscalYear))
            : $"{Infrastructure.Formatting.DisplayFormat.FiscalYear(new FiscalYear(startFiscalYear))}〜{Infrastructure.Formatting.DisplayFormat.FiscalYear(new FiscalYear(endFiscalYear))}";
}

/// <summary>A plan comparison to show (<c>_PlanChanges</c>): the table's id and caption, and what to say when nothing differs.</summary>
public sealed record PlanChangesView(string Id, string Caption, string Empty, IReadOnlyList<PlanChange> Changes);

/// <summary>A plan's content to show (<c>_PlanContent</c>) for the given fiscal years.</summary>
public sealed record PlanContentView(PlanContent Content, IReadOnlyList<int> Years, IReadOnlyList<RoleColumn> RoleColumns);
