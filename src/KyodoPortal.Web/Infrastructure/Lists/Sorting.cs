using System.Linq.Expressions;

namespace KyodoPortal.Web.Infrastructure.Lists;

/// <summary>The order a list is shown in: one of the list's column keys and a direction.</summary>
public sealed record ListSort(string Key, bool Descending)
{
    /// <summary>The value of the <c>dir</c> query parameter.</summary>
    public string Direction => Descending ? SortColumns.Desc : SortColumns.Asc;
}

/// <summary>
/// What a list request asks for besides the page: free-text search <c>q</c> (trimmed; blank means
/// everything) and the order, already resolved against the list's columns.
/// </summary>
public sealed record ListQuery(string? Q, ListSort Sort)
{
    public bool IsSearch => Q is not null;

    /// <summary>Trims the search; blank means no search.</summary>
    public static string? Term(string? q) => string.IsNullOrWhiteSpace(q) ? null : q.Trim();
}

/// <summary>The list parameters as the request carries them (<c>q</c>, <c>sort</c>, <c>dir</c>), not yet checked.</summary>
public sealed record ListRequest(string? Q, string? Sort, string? Dir);

public static class SortColumns
{
    public const string Asc = "asc";

    public const string Desc = "desc";
}

/// <summary>
/// The sortable columns of one list, declared once: key → key selector(s) on the list's entity, a
/// default key and direction, and the unique tie-breaker (Id) every ordering ends with so that
/// paging is stable. A request names a key and a direction (<c>sort</c>, <c>dir</c>); anything it does
/// not know falls back to the default, so no query-string value reaches the query except as a lookup key.
/// Keep selectors to columns SQLite can order (no <c>DateTimeOffset</c> or <c>decimal</c>).
/// </summary>
public sealed class SortColumns<T>
{
    private readonly Dictionary<string, List<Ordering>> _columns = new(StringComparer.Ordinal);
    private readonly Ordering _tieBreaker;
    private readonly string _defaultKey;
    private readonly bool _defaultDescending;
    private List<Ordering>? _last;

    public SortColumns(string defaultKey, bool defaultDescending, Expression<Func<T, int>> tieBreaker)
        : this(defaultKey, defaultDescending, By(tieBreaker))
    {
    }

    /// <summary>For entities with a string key (Identity's users).</summary>
    public SortColumns(string defaultKey, bool defaultDescending, Expression<Func<T, string>> tieBreaker)
        : this(defaultKey, defaultDescending, By(tieBreaker))
    {
    }

    private SortColumns(string defaultKey, bool defaultDescending, Ordering tieBreaker)
    {
        _defaultKey = defaultKey;
        _defaultDescending = defaultDescending;
        _tieBreaker = tieBreaker;
    }

    /// <summary>A column, sorted by <paramref name="selector"/>.</summary>
    public SortColumns<T> Column<TKey>(string key, Expression<Func<T, TKey>> selector)
    {
        _last = [By(selector)];
        _columns.Add(key, _last);
        return this;
    }

    /// <summary>A further key of the column declared last (same direction), before the tie-breaker.</summary>
    public SortColumns<T> ThenBy<TKey>(Expression<Func<T, TKey>> selector)
    {
        (_last ?? throw new InvalidOperationException("ThenBy follows a Column.")).Add(By(selector));
        return this;
    }

    /// <summary>The order a request asks for, or the default when it names an unknown key or direction.</summary>
    public ListSort Resolve(string? sort, string? dir)
    {
        if (!_columns.ContainsKey(_defaultKey))
        {
            throw new InvalidOperationException($"The default sort key '{_defaultKey}' is not a declared column.");
        }

        var known = sort is not null && _columns.ContainsKey(sort) && dir is SortColumns.Asc or SortColumns.Desc;
        return known ? new ListSort(sort!, dir == SortColumns.Desc) : new ListSort(_defaultKey, _defaultDescending);
    }

    /// <summary>The request's search (trimmed, blank = none) and its order resolved against these columns.</summary>
    public ListQuery Query(ListRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ListQuery(ListQuery.Term(request.Q), Resolve(request.Sort, request.Dir));
    }

    public IOrderedQueryable<T> Apply(IQueryable<T> query, ListSort sort)
    {
        var column = _columns.TryGetValue(sort.Key, out var found) ? found : _columns[_defaultKey];
        var descending = found is null ? _defaultDescending : sort.Descending;
        var ordered = column[0].First(query, descending);
        foreach (var then in column.Skip(1).Append(_tieBreaker))
        {
            ordered = then.Then(ordered, descending);
        }

        return ordered;
    }

    /// <summary>
    /// The same order for rows already in memory: a list whose rows are computed after its query (a
    /// domain rule decides what each row says), sorted by the declared selectors as LINQ to Objects.
    /// </summary>
    public IReadOnlyList<T> Sort(IEnumerable<T> rows, ListSort sort) => [.. Apply(rows.AsQueryable(), sort)];

    private static Ordering By<TKey>(Expression<Func<T, TKey>> selector) => new(
        (query, descending) => descending ? query.OrderByDescending(selector) : query.OrderBy(selector),
        (query, descending) => descending ? query.ThenByDescending(selector) : query.ThenBy(selector));

    private sealed record Ordering(
        Func<IQueryable<T>, bool, IOrderedQueryable<T>> First,
        Func<IOrderedQueryable<T>, bool, IOrderedQueryable<T>> Then);
}

/// <summary>The search box above a list (<c>Shared/_ListSearch</c>): its label names what the search looks in.</summary>
public sealed record ListSearchBox(string Label, ListQuery Query);
