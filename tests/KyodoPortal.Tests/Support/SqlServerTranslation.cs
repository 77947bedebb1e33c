using System.Data;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace KyodoPortal.Tests.Support;

/// <summary>What one captured query became on SQL Server: its SQL, or why there is none.</summary>
public sealed record QueryTranslation(CapturedQuery Query, string? Sql, string? Failure, IReadOnlyList<string> Warnings)
{
    public bool Translated => Sql is not null && Failure is null && Warnings.Count == 0;

    public override string ToString() =>
        Failure is not null ? $"{Failure}\n  in {Query.Text}"
        : Warnings.Count > 0 ? $"{string.Join("\n", Warnings)}\n  in {Query.Text}"
        : Sql ?? Query.Text;
}

/// <summary>
/// Compiles captured queries with EF's SQL Server provider on <see cref="SqlServerKyodoDbContext"/>
/// and produces their SQL, with no server: no SQL Server engine can run where the tests run, and
/// translation (the part that differs between providers) needs none.
/// </summary>
/// <remarks>
/// Query roots are moved to the SQL Server model (same entity names); parameters stay as EF lifted
/// them and get the values the app ran with. A query returning rows yields its SQL through
/// <see cref="IQueryingEnumerable.ToQueryString"/>. A query ending in Count/Any/First… runs at once,
/// so it runs on a connection whose opening is suppressed and whose command is answered with an
/// empty reader (wide enough for any row, as a split query checks the width); the command EF built is its SQL (an empty result may then make First or Count throw,
/// which says nothing about translation). Split queries yield their first command; the collections'
/// commands are translated with it but written only when rows come back.
/// </remarks>
public static class SqlServerTranslation
{
    private const string NoServer = "Server=sqlserver.invalid;Database=kyodo;Connect Timeout=1;Encrypt=false";

    private static readonly MethodInfo TranslateOneMethod =
        typeof(SqlServerTranslation).GetMethod(nameof(TranslateOne), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static IReadOnlyList<QueryTranslation> Translate(IEnumerable<CapturedQuery> queries)
    {
        var warnings = new List<string>();
        var commands = new NoServerCommands();
        using var db = new SqlServerKyodoDbContext(new DbContextOptionsBuilder<SqlServerKyodoDbContext>()
            .UseSqlServer(NoServer)
            .AddInterceptors(commands)
            .LogTo(IsQueryWarning, e => warnings.Add(e.ToString()))
            .Options);

        var results = new List<QueryTranslation>();
        foreach (var query in queries.Where(q => !IsRawSql(q.Expression)))
        {
            warnings.Clear();
            var (sql, failure) = Translate(db, commands, query);
            results.Add(new QueryTranslation(query, sql, failure, [.. warnings]));
        }

        return results;
    }

    /// <summary>
    /// A query over SQL the app wrote (<c>SqlQueryRaw</c>) has nothing for EF to translate: its text was
    /// built for the provider it ran on. Such SQL takes its names from the model and its quoting from
    /// the provider (e.g. <c>SurveyQueries.FirstTextsSql</c>); its SQL Server text is checked by its own test.
    /// </summary>
    private static bool IsRawSql(Expression expression)
    {
        var finder = new RawSqlFinder();
        finder.Visit(expression);
        return finder.Found;
    }

    private sealed class RawSqlFinder : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitExtension(Expression node)
        {
            if (node is FromSqlQueryRootExpression)
            {
                Found = true;
                return node;
            }

            return base.VisitExtension(node);
        }
    }

    /// <remarks>
    /// Not counted: the hint that a query loads several collections in one statement. Every relational
    /// provider raises it for the same LINQ (it is about the query's shape, not about SQL Server), and
    /// whether to split such a query is a choice QueryBudgetTests holds to a number of commands.
    /// </remarks>
    private static bool IsQueryWarning(EventId id, LogLevel level) =>
        level >= LogLevel.Warning
        && id != RelationalEventId.MultipleCollectionIncludeWarning
        && id.Name?.StartsWith(DbLoggerCategory.Query.Name + ".", StringComparison.Ordinal) == true;

    private static (string? Sql, string? Failure) Translate(SqlServerKyodoDbContext db, NoServerCommands commands, CapturedQuery query)
    {
        try
        {
            var expression = new RootsOnModel(db.Model).Visit(query.Expression);
            var rows = RowType(expression.Type);
            var result = rows is null ? expression.Type : typeof(IEnumerable<>).MakeGenericType(rows);
            return ((string? Sql, string? Failure))TranslateOneMethod.MakeGenericMethod(result).Invoke(null, [db, commands, expression, query.Parameters])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            return (null, $"{e.InnerException.GetType().Name}: {e.InnerException.Message}");
        }
        catch (InvalidOperationException e)
        {
            return (null, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static (string? Sql, string? Failure) TranslateOne<TResult>(
        SqlServerKyodoDbContext db, NoServerCommands commands, Expression expression, IReadOnlyDictionary<string, object?> parameters)
    {
        // Translation happens here: an expression SQL Server cannot express throws now.
        var executor = db.GetService<IDatabase>().CompileQuery<TResult>(expression, async: false);
        var context = db.GetService<IQueryContextFactory>().Create();
        foreach (var (name, value) in parameters)
        {
            context.Parameters[name] = value;
        }

        commands.Clear();
        object? result;
        try
        {
            result = executor(context);
        }
        catch (InvalidOperationException) when (commands.Last is not null)
        {
            return (commands.Last, null);
        }

        return result is IQueryingEnumerable rows ? (rows.ToQueryString(), null)
            : commands.Last is { } sql ? (sql, null)
            : (null, "EF produced no SQL command for the query.");
    }

    /// <summary>The row type when the query returns rows (IQueryable&lt;T&gt;), null when it returns one value.</summary>
    private static Type? RowType(Type type) =>
        new[] { type }.Concat(type.GetInterfaces())
            .FirstOrDefault(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IQueryable<>))
            ?.GetGenericArguments()[0];

    /// <summary>Points each query root at the same entity type in the SQL Server model.</summary>
    private sealed class RootsOnModel(IModel model) : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node) =>
            node is EntityQueryRootExpression root
                ? new EntityQueryRootExpression(model.FindEntityType(root.EntityType.Name)
                    ?? throw new InvalidOperationException($"The SQL Server model has no entity type {root.EntityType.Name}."))
                : base.VisitExtension(node);
    }

    /// <summary>Never opens the connection; remembers each command EF builds and answers it with no rows.</summary>
    private sealed class NoServerCommands : IDbConnectionInterceptor, IDbCommandInterceptor
    {
        /// <summary>More columns than any query of the app selects.</summary>
        private const int WidestRow = 256;

        public string? Last { get; private set; }

        public void Clear() => Last = null;

        public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Last = command.CommandText;
            return InterceptionResult<DbDataReader>.SuppressWithResult(NoRows());
        }

        private static DataTableReader NoRows()
        {
            using var table = new DataTable();
            for (var i = 0; i < WidestRow; i++)
            {
                table.Columns.Add();
            }

            return table.CreateDataReader();
        }

        public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Last = command.CommandText;
            return InterceptionResult<int>.SuppressWithResult(0);
        }

        public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Last = command.CommandText;
            return InterceptionResult<object>.SuppressWithResult(DBNull.Value);
        }
    }
}
