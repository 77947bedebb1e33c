using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KyodoPortal.Web.Infrastructure.Persistence;

/// <summary>
/// Counts the SQL commands each request sends, for its request log line
/// (<c>HTTP GET /projects responded 200 in 3.1 ms (4 SQL)</c>): an operator sees a page that
/// queries per row, and scripts/bench.sh reads the count per page from the log. The count lives
/// in the request's async flow, so commands of other requests are never counted.
/// </summary>
public sealed class RequestSqlCommands : DbCommandInterceptor
{
    private static readonly AsyncLocal<Counter?> Current = new();

    /// <summary>Starts counting for the rest of the current async flow (one request) and returns the counter.</summary>
    public static Counter Begin() => Current.Value = new Counter();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Counted(result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Counted(result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Counted(result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Counted(result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Counted(result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Counted(result));

    private static T Counted<T>(T result)
    {
        Current.Value?.Add();
        return result;
    }

    public sealed class Counter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }
}
