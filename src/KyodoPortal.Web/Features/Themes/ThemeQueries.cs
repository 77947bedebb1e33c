using KyodoPortal.Domain.Organizations;
using KyodoPortal.Domain.Themes;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Groups;
using KyodoPortal.Web.Infrastructure.Lists;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Themes;

public sealed record ThemeSearch(int? Year, int? Field, ThemeStatus? Status, string? Q = null)
{
    public bool IsEmpty => Year is null && Field is null && Status is null && string.IsNullOrWhiteSpace(Q);
}

public sealed record ThemeRow(int Id, string Title, string DepartmentName, int FiscalYear, ThemeStatus Status, bool IsPublished, IReadOnlyList<int> FieldIds);

public sealed record ThemeListViewModel(ThemeSearch Search, ListSort Sort, PageOf<ThemeRow> Page, IReadOnlyList<SelectOption> FieldOptions, IReadOnlyList<int> Years, bool CanWrite);

public sealed record ThemeDetails(
    int Id,
    string Title,
    string Description,
    string? Goal,
    int DepartmentId,
    string DepartmentName,
    int FiscalYear,
    ThemeStatus Status,
    bool IsPublished,
    IReadOnlyList<int> FieldIds);

/// <summary>A group whose fields overlap the theme's; <see cref="SharedFields"/> is the overlap.</summary>
public sealed record MatchingGroup(int Id, string Name, LegalForm LegalForm, string? Area, int SharedFields, IReadOnlyList<int> FieldIds);

public sealed record ThemeDetailsViewModel(ThemeDetails Theme, IReadOnlyList<MatchingGroup> Matches, IReadOnlyList<SelectOption> RelatedCalls, IReadOnlyList<SelectOption> FieldOptions, bool CanEdit, bool ShowStaffLinks);

public static class ThemeQueries
{
    public const int MatchLimit = 20;

    /// <summary>
    /// 課題名, 担当課, 年度 (the default: newest first, open themes before closed ones within a year), 状態.
    /// </summary>
    private static SortColumns<Theme> Columns(KyodoDbContext db) => new SortColumns<Theme>("year", defaultDescending: true, t => t.Id)
        .Column("title", t => t.Title)
        .Column("department", t => db.Departments.Where(d => d.Id == t.DepartmentId).Select(d => d.Name).FirstOrDefault())
        .Column("year", t => t.FiscalYear).ThenBy(t => t.Status == ThemeStatus.Open ? 1 : 0)
        .Column("status", t => t.Status == ThemeStatus.Open ? 0 : 1).ThenBy(t => t.FiscalYear);

    /// <summary>The search as the list uses it: the keyword trimmed (blank = none), the order resolved.</summary>
    public static (ThemeSearch Search, ListSort Sort) Resolve(KyodoDbContext db, ThemeSearch search, string? sort, string? dir)
    {
        ArgumentNullException.ThrowIfNull(search);
        var query = Columns(db).Query(new ListRequest(search.Q, sort, dir));
        return (search with { Q = query.Q }, query.Sort);
    }

    /// <summary>Themes filtered, searched by title and description, and sorted as asked.</summary>
    public static Task<PageOf<ThemeRow>> SearchAsync(KyodoDbContext db, ThemeSearch search, ListSort sort, bool publishedOnly, int page, CancellationToken cancellationToken)
    {
        var query = db.Themes.AsNoTracking();
        if (publishedOnly)
        {
            query = query.Where(t => t.IsPublished);
        }

        if (search.Year is { } year)
        {
            query = query.Where(t => t.FiscalYear == year);
        }

        if (search.Field is { } field)
        {
            query = query.Where(t => t.Fields.Any(f => f.ActivityFieldId == field));
        }

        if (search.Status is { } status)
        {
            query = query.Where(t => t.Status == status);
        }

        if (ListQuery.Term(search.Q) is { } term)
        {
            query = query.Where(t => t.Title.Contains(term) || t.Description.Contains(term));
        }

        return Columns(db).Apply(query, sort)
            .Select(t => new ThemeRow(
                t.Id,
                t.Title,
                db.Departments.Where(d => d.Id == t.DepartmentId).Select(d => d.Name).First(),
                t.FiscalYear,
                t.Status,
                t.IsPublished,
                t.Fields.Select(x => x.ActivityFieldId).ToList()))
            .ToPageAsync(page, cancellationToken);
    }

    public static Task<List<int>> YearsAsync(KyodoDbContext db, bool publishedOnly, CancellationToken cancellationToken) =>
        db.Themes.AsNoTracking().Where(t => !publishedOnly || t.IsPublished).Select(t => t.FiscalYear).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);

    public static Task<ThemeDetails?> DetailsAsync(KyodoDbContext db, int id, bool publishedOnly, CancellationToken cancellationToken) =>
        db.Themes.AsNoTracking()
            .Where(t => t.Id == id && (!publishedOnly || t.IsPublished))
            .Select(t => new ThemeDetails(
                t.Id,
                t.Title,
                t.Description,
                t.Goal,
                t.DepartmentId,
                db.Departments.Where(d => d.Id == t.DepartmentId).Select(d => d.Name).First(),
                t.FiscalYear,
                t.Status,
                t.IsPublished,
                t.Fields.Select(x => x.ActivityFieldId).ToList()))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Published calls that name this theme, newest first: where a group goes to propose on it.</summary>
    public static Task<List<SelectOption>> RelatedCallsAsync(KyodoDbContext db, int themeId, CancellationToken cancellationToken) =>
        db.Calls.AsNoTracking()
            .Where(c => c.IsPublished && c.Themes.Any(t => t.ThemeId == themeId))
            .OrderByDescending(c => c.FiscalYear).ThenByDescending(c => c.OpensAtUtc)
            .Select(c => new SelectOption(c.Id, c.Name))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Published, active groups that share at least one field with the theme, most shared fields
    /// first (then in kana order), so staff who "cannot find a partner" see the likeliest first.
    /// </summary>
    public static Task<List<MatchingGroup>> MatchingGroupsAsync(KyodoDbContext db, int themeId, CancellationToken cancellationToken)
    {
        var themeFields = db.Themes.Where(t => t.Id == themeId).SelectMany(t => t.Fields.Select(f => f.ActivityFieldId));
        return db.CitizenGroups.AsNoTracking()
            .Where(g => g.IsPublished && g.IsActive)
            .Select(g => new { Group = g, Shared = g.Fields.Count(f => themeFields.Contains(f.ActivityFieldId)) })
            .Where(x => x.Shared > 0)
            .OrderByDescending(x => x.Shared).ThenBy(x => x.Group.NameKana ?? x.Group.Name).ThenBy(x => x.Group.Id)
            .Take(MatchLimit)
            .Select(x => new MatchingGroup(
                x.Group.Id,
                x.Group.Name,
                x.Group.LegalForm,
                x.Group.Area,
                x.Shared,
                x.Group.Fields.Select(t => t.ActivityFieldId).ToList()))
            .ToListAsync(cancellationToken);
    }
}
