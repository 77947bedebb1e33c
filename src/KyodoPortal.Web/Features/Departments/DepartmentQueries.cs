using KyodoPortal.Domain.Organizations;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Lists;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Departments;

public sealed record DepartmentRow(int Id, string Name, string? Division, string? ContactEmail, string? ContactPhone, bool IsActive);

public sealed record DepartmentListViewModel(ListQuery Query, PageOf<DepartmentRow> Page);

public static class DepartmentQueries
{
    /// <summary>課名, 部局 (the default: by division, then name), 状態 (有効 first when ascending).</summary>
    public static readonly SortColumns<Department> Columns = new SortColumns<Department>("division", defaultDescending: false, d => d.Id)
        .Column("name", d => d.Name)
        .Column("division", d => d.Division).ThenBy(d => d.Name)
        .Column("status", d => d.IsActive ? 0 : 1).ThenBy(d => d.Name);

    public static Task<PageOf<DepartmentRow>> ListAsync(KyodoDbContext db, ListQuery listQuery, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listQuery);
        var query = db.Departments.AsNoTracking();
        if (listQuery.Q is { } term)
        {
            query = query.Where(d => d.Name.Contains(term) || (d.Division != null && d.Division.Contains(term)));
        }

        return Columns.Apply(query, listQuery.Sort)
            .Select(d => new DepartmentRow(d.Id, d.Name, d.Division, d.ContactEmail, d.ContactPhone, d.IsActive))
            .ToPageAsync(page, cancellationToken);
    }
}
