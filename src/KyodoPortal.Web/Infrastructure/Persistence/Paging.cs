using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Infrastructure.Persistence;

/// <summary>One page of a list, with what the pager needs.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount) : IPageInfo
{
    public int TotalPages => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    /// <summary>The same page holding other rows: what a page of records becomes once its rows are shaped for the view.</summary>
    public PageOf<TRow> With<TRow>(IReadOnlyList<TRow> rows) => new(rows, Page, PageSize, TotalCount);
}

public interface IPageInfo
{
    int Page { get; }

    int PageSize { get; }

    int TotalCount { get; }

    int TotalPages { get; }
}

public static class Paging
{
    public const int DefaultPageSize = 20;

    /// <summary>Two queries: the count and the page. An out-of-range page number shows the last page.</summary>
    public static async Task<PageOf<T>> ToPageAsync<T>(this IQueryable<T> query, int page, CancellationToken cancellationToken, int pageSize = DefaultPageSize)
    {
        var total = await query.CountAsync(cancellationToken);
        var current = Clamp(page, total, pageSize);
        var items = await query.Skip((current - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PageOf<T>(items, current, pageSize, total);
    }

    /// <summary>A page of rows already in memory (e.g. an aggregate's own collection), by the same rule.</summary>
    public static PageOf<T> ToPage<T>(this IReadOnlyList<T> rows, int page, int pageSize = DefaultPageSize)
    {
        var current = Clamp(page, rows.Count, pageSize);
        return new PageOf<T>([.. rows.Skip((current - 1) * pageSize).Take(pageSize)], current, pageSize, rows.Count);
    }

    private static int Clamp(int page, int total, int pageSize) => Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
}
