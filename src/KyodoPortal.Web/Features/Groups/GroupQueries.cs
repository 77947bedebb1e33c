using KyodoPortal.Domain.Organizations;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Lists;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Groups;

/// <summary>What a directory search asks for; every part optional.</summary>
public sealed record GroupSearch(string? Q, int? Field, string? Area, LegalForm? LegalForm)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Q) && Field is null && string.IsNullOrWhiteSpace(Area) && LegalForm is null;
}

public sealed record GroupRow(
    int Id,
    string Name,
    string? NameKana,
    LegalForm LegalForm,
    string? Representative,
    string? Area,
    string? Description,
    IReadOnlyList<int> FieldIds,
    bool IsPublished,
    bool IsActive);

/// <summary>The staff list (/groups) and the public directory (/directory) share this model and the search form.</summary>
public sealed record GroupListViewModel(string BasePath, GroupSearch Search, ListSort Sort, PageOf<GroupRow> Page, IReadOnlyList<SelectOption> FieldOptions, bool CanRegister);

public sealed record GroupDetails(
    int Id,
    string Name,
    string? NameKana,
    LegalForm LegalForm,
    string? Representative,
    string? Area,
    int? FoundedYear,
    int? MemberCount,
    string? Description,
    string? Skills,
    string? Website,
    string? PublicEmail,
    string? PublicPhone,
    bool IsPublished,
    bool IsActive,
    IReadOnlyList<int> FieldIds,
    IReadOnlyList<string> MemberEmails);

public static class GroupQueries
{
    /// <summary>
    /// 団体名 (the default: in kana order, how a Japanese directory is read; groups without kana by name),
    /// 活動地域, 状態 (有効 first when ascending, then by kana).
    /// </summary>
    public static readonly SortColumns<CitizenGroup> Columns = new SortColumns<CitizenGroup>("name", defaultDescending: false, g => g.Id)
        .Column("name", g => g.NameKana ?? g.Name)
        .Column("area", g => g.Area).ThenBy(g => g.NameKana ?? g.Name)
        .Column("status", g => g.IsActive ? 0 : 1).ThenBy(g => g.NameKana ?? g.Name);

    /// <summary>The search as the list uses it: the keyword trimmed (blank = none), the order resolved.</summary>
    public static (GroupSearch Search, ListSort Sort) Resolve(GroupSearch search, string? sort, string? dir)
    {
        ArgumentNullException.ThrowIfNull(search);
        var query = Columns.Query(new ListRequest(search.Q, sort, dir));
        return (search with { Q = query.Q }, query.Sort);
    }

    /// <summary>
    /// The directory. The public sees published, active groups only; staff see every group.
    /// Two queries (count and page) whatever the page size.
    /// </summary>
    public static Task<PageOf<GroupRow>> SearchAsync(KyodoDbContext db, GroupSearch search, ListSort sort, bool publicOnly, int page, CancellationToken cancellationToken)
    {
        var query = db.CitizenGroups.AsNoTracking();
        if (publicOnly)
        {
            query = query.Where(g => g.IsPublished && g.IsActive);
        }

        if (!string.IsNullOrWhiteSpace(search.Q))
        {
            var term = search.Q.Trim();
            query = query.Where(g => g.Name.Contains(term)
                || (g.NameKana != null && g.NameKana.Contains(term))
                || (g.Description != null && g.Description.Contains(term)));
        }

        if (search.Field is { } field)
        {
            query = query.Where(g => g.Fields.Any(f => f.ActivityFieldId == field));
        }

        if (!string.IsNullOrWhiteSpace(search.Area))
        {
            var area = search.Area.Trim();
            query = query.Where(g => g.Area != null && g.Area.Contains(area));
        }

        if (search.LegalForm is { } form)
        {
            query = query.Where(g => g.LegalForm == form);
        }

        return Columns.Apply(query, sort)
            .Select(g => new GroupRow(
                g.Id,
                g.Name,
                g.NameKana,
                g.LegalForm,
                g.Representative,
                g.Area,
                g.Description,
                g.Fields.Select(t => t.ActivityFieldId).ToList(),
                g.IsPublished,
                g.IsActive))
            .ToPageAsync(page, cancellationToken);
    }

    /// <param name="withMemberAccounts">Members' sign-in e-mails are personal data: the coordinating office only.</param>
    public static Task<GroupDetails?> DetailsAsync(KyodoDbContext db, int id, bool publicOnly, bool withMemberAccounts, CancellationToken cancellationToken) =>
        db.CitizenGroups.AsNoTracking()
            .Where(g => g.Id == id && (!publicOnly || (g.IsPublished && g.IsActive)))
            .Select(g => new GroupDetails(
                g.Id,
                g.Name,
                g.NameKana,
                g.LegalForm,
                g.Representative,
                g.Area,
                g.FoundedYear,
                g.MemberCount,
                g.Description,
                g.Skills,
                g.Website,
                g.PublicEmail,
                g.PublicPhone,
                g.IsPublished,
                g.IsActive,
                g.Fields.Select(t => t.ActivityFieldId).ToList(),
                !withMemberAccounts ? new List<string>() : db.Users.Where(u => u.CitizenGroupId == g.Id && u.IsActive).OrderBy(u => u.Email).Select(u => u.Email!).ToList()))
            .SingleOrDefaultAsync(cancellationToken);
}
