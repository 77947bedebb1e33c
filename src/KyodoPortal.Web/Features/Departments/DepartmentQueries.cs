using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Departments;

public sealed record DepartmentRow(int Id, string Name, string? Division, string? ContactEmail, string? ContactPhone, bool IsActive);

public sealed record DepartmentListViewModel(string? Keyword, PageOf<DepartmentRow> Page);

public static class DepartmentQueries
{
    public static Task<PageOf<DepartmentRow>> ListAsync(KyodoDbContext db, string? keyword, int page, CancellationToken cancellationToken)
    {
        var query = db.Departments.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(keyword))
        {
            var term = keyword.Trim();
            query = query.Where(d => d.Name.Contains(term) || (d.Division != null && d.Division.Contains(term)));
        }

        return query
            .OrderByDescending(d => d.IsActive).ThenBy(d => d.Division).ThenBy(d => d.Name)
            .Select(d => new DepartmentRow(d.Id, d.Name, d.Division, d.ContactEmail, d.ContactPhone, d.IsActive))
            .ToPageAsync(page, cancellationToken);
    }
}
