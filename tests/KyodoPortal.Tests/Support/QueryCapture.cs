using System.Linq.Expressions;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoPortal.Tests.Support;

/// <summary>A LINQ query as EF compiled it (closure values already lifted into parameters) and the values it ran with.</summary>
public sealed record CapturedQuery(Expression Expression, IReadOnlyDictionary<string, object?> Parameters, string Text);

/// <summary>
/// Records every query expression the app's context compiles, so the set can be replayed on another
/// provider (<see cref="SqlServerTranslation"/>).
/// </summary>
/// <remarks>
/// EF compiles a query once per internal service provider (its compiled-query cache), and internal
/// service providers are shared across the whole test process by options: every KyodoWebFactory on
/// SQLite uses the same one, so a query another test class ran first would never be compiled again
/// here. An <see cref="IQueryExpressionInterceptor"/> is a singleton interceptor and part of that
/// key, so one capture instance per factory gives the factory its own provider and an empty cache:
/// every distinct query the factory's app runs is compiled, and seen, at least once.
/// The interceptor sees no parameter values; the query context that EF creates just before it
/// extracts them (same thread, same call) is remembered by <see cref="RecordingQueryContextFactory"/>.
/// </remarks>
public sealed class QueryCapture : IQueryExpressionInterceptor
{
    private readonly Lock _lock = new();
    private readonly List<CapturedQuery> _queries = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>Distinct queries (by their printed form) in the order they were first compiled.</summary>
    public IReadOnlyList<CapturedQuery> Queries
    {
        get
        {
            lock (_lock)
            {
                return [.. _queries];
            }
        }
    }

    /// <summary>Captures the queries of the app's context, whichever provider the test run uses.</summary>
    public void AttachTo(IServiceCollection services)
    {
        services.ConfigureDbContext<SqliteKyodoDbContext>(AttachTo);
        services.ConfigureDbContext<PostgresKyodoDbContext>(AttachTo);
    }

    public void AttachTo(DbContextOptionsBuilder options) =>
        options.AddInterceptors(this).ReplaceService<IQueryContextFactory, RecordingQueryContextFactory>();

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        var parameters = RecordingQueryContextFactory.Current?.Parameters
            ?? throw new InvalidOperationException("The query context was not recorded: attach the capture with AttachTo.");
        var text = eventData.ExpressionPrinter.PrintExpression(queryExpression);
        lock (_lock)
        {
            if (_seen.Add(text))
            {
                _queries.Add(new CapturedQuery(queryExpression, new Dictionary<string, object?>(parameters, StringComparer.Ordinal), text));
            }
        }

        return queryExpression;
    }

    /// <summary>EF's own relational query context, remembered for the compilation that follows on this thread.</summary>
    private sealed class RecordingQueryContextFactory(
        QueryContextDependencies dependencies,
        RelationalQueryContextDependencies relationalDependencies) : IQueryContextFactory
    {
        [ThreadStatic]
        private static QueryContext? _current;

        public static QueryContext? Current => _current;

        public QueryContext Create() => _current = new RelationalQueryContext(dependencies, relationalDependencies);
    }
}
