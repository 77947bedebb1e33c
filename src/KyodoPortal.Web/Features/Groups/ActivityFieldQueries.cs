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
}
