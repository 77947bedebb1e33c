using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Lists;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Users;

public sealed record UserRow(
    string Id,
    string DisplayName,
    string? Email,
    bool IsActive,
    DateTimeOffset? LockoutEnd,
    string? DepartmentName,
    string? GroupName,
    IReadOnlyList<string> Roles);

public sealed record UserListViewModel(ListQuery Query, string? Role, PageOf<UserRow> Page, DateTimeOffset Now)
{
    public string? Keyword => Query.Q;
}


public sealed record UserFormOptions(IReadOnlyList<SelectOption> Departments, IReadOnlyList<SelectOption> Groups);

public static class UserQueries
{
    /// <summary>氏名, メールアドレス, 所属 (department, then group), 状態 (the default: active accounts first, by e-mail).</summary>
    public static readonly SortColumns<AppUser> Columns = new SortColumns<AppUser>("status", defaultDescending: false, u => u.Id)
        .Column("name", u => u.DisplayName)
        .Column("email", u => u.Email)
        .Column("affiliation", u => u.Department != null ? u.Department.Name : null).ThenBy(u => u.CitizenGroup != null ? u.CitizenGroup.Name : null)
        .Column("status", u => u.IsActive ? 0 : 1).ThenBy(u => u.Email);

    public static Task<PageOf<UserRow>> ListAsync(KyodoDbContext db, ListQuery query, string? role, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var users = db.Users.AsNoTracking();
        if (query.Q is { } term)
        {
            var upper = term.ToUpperInvariant();
            users = users.Where(u => u.DisplayName.Contains(term) || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(upper)));
        }

        if (!string.IsNullOrWhiteSpace(role))
        {
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }

        return Columns.Apply(users, query.Sort)
            .Select(u => new UserRow(
                u.Id,
                u.DisplayName,
                u.Email,
                u.IsActive,
                u.LockoutEnd,
                u.Department != null ? u.Department.Name : null,
                u.CitizenGroup != null ? u.CitizenGroup.Name : null,
                db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                    .ToList()))
            .ToPageAsync(page, cancellationToken);
    }

    /// <summary>Active departments and groups for the affiliation selects, plus the current ones even if inactive.</summary>
    public static async Task<UserFormOptions> OptionsAsync(KyodoDbContext db, int? currentDepartmentId, int? currentGroupId, CancellationToken cancellationToken)
    {
        var departments = await db.Departments.AsNoTracking()
            .Where(d => d.IsActive || d.Id == currentDepartmentId)
            .OrderBy(d => d.Name)
            .Select(d => new SelectOption(d.Id, d.Name))
            .ToListAsync(cancellationToken);
        var groups = await db.CitizenGroups.AsNoTracking()
            .Where(g => g.IsActive || g.Id == currentGroupId)
            .OrderBy(g => g.NameKana ?? g.Name)
            .Select(g => new SelectOption(g.Id, g.Name))
            .ToListAsync(cancellationToken);
        return new UserFormOptions(departments, groups);
    }
}

/// <summary>What the shared role/affiliation fields need, including errors keyed Input.*.</summary>
public sealed record UserProfileFieldsModel(UserProfileInput Input, UserFormOptions Options, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary ModelState)
{
    public string? Error(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;
}
