using KyodoPortal.Domain.Organizations;
using KyodoPortal.Tests.Support;
using KyodoPortal.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Infrastructure;

/// <summary>
/// The SQL Server check of <see cref="Features.QueryBudgetTests"/> can fail: queries run on an
/// in-memory SQLite database through the same capture, then replayed on the SQL Server provider.
/// </summary>
public sealed class SqlServerTranslationTests : IDisposable
{
    /// <summary>One capture for the class: each instance adds an EF service provider to the process (see QueryCapture).</summary>
    private static readonly QueryCapture Capture = new();

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly SqliteKyodoDbContext _db;
    private readonly int _capturedBefore;

    public SqlServerTranslationTests()
    {
        _connection.Open();
        var options = new DbContextOptionsBuilder<SqliteKyodoDbContext>().UseSqlite(_connection);
        Capture.AttachTo(options);
        _db = new SqliteKyodoDbContext(options.Options);
        _db.Database.EnsureCreated();
        _db.Departments.AddRange(new Department("予算課", "総務部", null, null), new Department("市民協働課", "市民生活部", null, null));
        _db.SaveChanges();
        _capturedBefore = Capture.Queries.Count;
    }

    [Fact]
    public void A_query_that_runs_on_SQLite_but_has_no_SqlServer_translation_is_reported()
    {
        var names = _db.Departments.Where(d => EF.Functions.Glob(d.Name, "予算*")).Select(d => d.Name).ToList();

        Assert.Equal(["予算課"], names);
        var translation = Assert.Single(SqlServerTranslation.Translate(CapturedHere()));
        Assert.False(translation.Translated);
        Assert.Contains("could not be translated", translation.Failure, StringComparison.Ordinal);
        Assert.Contains("Glob", translation.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_that_calls_a_CSharp_method_in_Where_is_reported()
    {
        Assert.Throws<InvalidOperationException>(() => _db.Departments.Where(d => IsBudgetSection(d.Name)).ToList());

        var translation = Assert.Single(SqlServerTranslation.Translate(CapturedHere()));
        Assert.False(translation.Translated);
        Assert.Contains("could not be translated", translation.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_and_single_values_come_back_as_SqlServer_SQL_with_the_values_the_app_used()
    {
        var division = "市民生活部";
        var names = await _db.Departments.Where(d => d.Division == division).OrderBy(d => d.Name).Select(d => d.Name).ToListAsync();
        var first = await _db.Departments.OrderBy(d => d.Name).FirstOrDefaultAsync(d => d.Name.Contains("予算"));
        var count = await _db.Departments.CountAsync(d => d.Division != division);

        Assert.Equal(["市民協働課"], names);
        Assert.Equal("予算課", first?.Name);
        Assert.Equal(1, count);
        var translations = SqlServerTranslation.Translate(CapturedHere());
        Assert.Equal(3, translations.Count);
        Assert.All(translations, t => Assert.True(t.Translated, t.ToString()));
        Assert.Contains("DECLARE @division nvarchar(100) = N'市民生活部';", translations[0].Sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [d].[Name]", translations[0].Sql, StringComparison.Ordinal);
        Assert.Contains("SELECT TOP(1)", translations[1].Sql, StringComparison.Ordinal);
        Assert.Contains("SELECT COUNT(*)", translations[2].Sql, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _db.Dispose();
        _connection.Dispose();
    }

    private List<CapturedQuery> CapturedHere() => [.. Capture.Queries.Skip(_capturedBefore)];

    private static bool IsBudgetSection(string name) => name.EndsWith("予算課", StringComparison.Ordinal);
}
