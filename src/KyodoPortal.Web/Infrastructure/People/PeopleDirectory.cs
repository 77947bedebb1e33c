using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Infrastructure.People;

/// <summary>An account as other people's pages name it: never the whole user row (no password hash, no stamps).</summary>
public sealed record PersonName(string UserId, string DisplayName, string? Email);

/// <summary>
/// The one place features look up who an account is: display names (and e-mail addresses for the
/// office's lists) projected from the user table in one query, for any set of ids. Features keep
/// only user ids on their records and ask here when a page names people.
/// </summary>
public static class PeopleDirectory
{
    /// <summary>The named accounts (one query; none when <paramref name="userIds"/> is empty).</summary>
    public static async Task<PeopleNames> NamesAsync(KyodoDbContext db, IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = userIds.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return PeopleNames.Empty;
        }

        var people = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new PersonName(u.Id, u.DisplayName, u.Email))
            .ToListAsync(cancellationToken);
        return new PeopleNames(people);
    }

    /// <summary>Active accounts holding <paramref name="role"/> (one join), e.g. the committee members a panel can take.</summary>
    public static Task<List<PersonName>> InRoleAsync(KyodoDbContext db, string role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (from user in db.Users.AsNoTracking()
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join r in db.Roles on userRole.RoleId equals r.Id
                where r.Name == role && user.IsActive
                orderby user.DisplayName
                select new PersonName(user.Id, user.DisplayName, user.Email))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>Names found by <see cref="PeopleDirectory"/>; an id not found (a removed account) reads as itself.</summary>
public sealed class PeopleNames
{
    public static readonly PeopleNames Empty = new([]);

    private readonly Dictionary<string, PersonName> _people;

    public PeopleNames(IEnumerable<PersonName> people)
    {
        _people = people.DistinctBy(p => p.UserId, StringComparer.Ordinal).ToDictionary(p => p.UserId, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<PersonName> All => _people.Values;

    public PersonName Person(string userId) => _people.GetValueOrDefault(userId) ?? new PersonName(userId, userId, null);

    public string NameOf(string userId) => Person(userId).DisplayName;

    /// <summary>Display names by user id, for code that takes a dictionary.</summary>
    public Dictionary<string, string> ToDisplayNames() => _people.ToDictionary(p => p.Key, p => p.Value.DisplayName, StringComparer.Ordinal);
}
