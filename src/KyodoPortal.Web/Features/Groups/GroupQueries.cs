using KyodoPortal.Domain.Organizations;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Groups;

public sealed record GroupRow(int Id, string Name, string? NameKana, LegalForm LegalForm, string? Representative, string? Area, bool IsActive);

public sealed record GroupListViewModel(string? Keyword, LegalForm? LegalForm, PageOf<GroupRow> Page);

public static class GroupQueries
{
    public static Task<PageOf<GroupRow>> ListAsync(KyodoDbContext db, string? keyword, LegalForm? legalForm, int page, CancellationToken cancellationToken)
    {
        var query = db.CitizenGroups.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(keyword))
        {
            var term = keyword.Trim();
            query = query.Where(g => g.Name.Contains(term) || (g.NameKana != null && g.NameKana.Contains(term)));
        }

        if (legalForm is { } form)
        {
            query = query.Where(g => g.LegalForm == form);
        }

        // Kana order is how a Japanese directory is read; groups without kana follow by name.
        return query
            .OrderByDescending(g => g.IsActive).ThenBy(g => g.NameKana ?? g.Name).ThenBy(g => g.Id)
            .Select(g => new GroupRow(g.Id, g.Name, g.NameKana, g.LegalForm, g.Representative, g.Area, g.IsActive))
            .ToPageAsync(page, cancellationToken);
    }
}
