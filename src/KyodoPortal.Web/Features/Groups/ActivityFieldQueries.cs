using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Groups;


public static class ActivityFieldQueries
{
    /// <summary>The managed list of 活動分野, in the office's order.</summary>
    public static Task<List<SelectOption>> AllAsync(KyodoDbContext db, CancellationToken cancellationToken) =>
        db.ActivityFields.AsNoTracking()
            .OrderBy(f => f.SortOrder).ThenBy(f => f.Id)
            .Select(f => new SelectOption(f.Id, f.Name))
            .ToListAsync(cancellationToken);

    /// <summary>True when every id names a field of the managed list (an empty list is fine).</summary>
    public static async Task<bool> AllExistAsync(KyodoDbContext db, IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToList();
        return distinct.Count == 0 || await db.ActivityFields.CountAsync(f => distinct.Contains(f.Id), cancellationToken) == distinct.Count;
    }
}
