using System.Diagnostics;
using KyodoPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Data.Generation;

/// <summary>
/// Fills an empty database with a large city, deterministically: the same options write the same
/// rows. Twenty fiscal years up to the one "today" falls in; per year about 200 projects (scale 1)
/// from calls with proposals, screening, agreements, plans, activities, reports, evaluations and
/// report meetings; surveys, one of them with 10,000 answers. Each call and its projects' whole lives is one unit of work (a fresh context,
/// a handful of saves), so memory stays flat whatever the scale.
/// </summary>
public sealed class CityGenerator(IServiceScopeFactory scopes, IPasswordHasher<AppUser> hasher)
{
    public async Task<CityGenerationResult> RunAsync(CityGeneratorOptions options, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!(options.Scale > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Scale, "The scale must be above 0.");
        }

        var watch = Stopwatch.StartNew();
        await EnsureEmptyAsync();

        var session = new GenerationSession(options, scopes);
        await new PeopleGenerator(session, hasher).RunAsync();
        progress?.Invoke($"people and groups: {session.People.Groups.Count} groups, {session.People.Departments.Count} departments ({watch.Elapsed.TotalSeconds:0.0} s)");

        var intake = new IntakeGenerator(session);
        var projects = new ProjectGenerator(session);
        var reviews = new ReviewGenerator(session);
        var reported = new List<ReportedYear>();
        for (var year = session.FirstFiscalYear; year <= session.CurrentFiscalYear; year++)
        {
            var calls = session.CallsPerYear;
            for (var k = 0; k < calls; k++)
            {
                var selected = (session.ProjectsPerYear / calls) + (k < session.ProjectsPerYear % calls ? 1 : 0);
                await using var unit = session.Begin();
                var decided = await intake.RunDecidedCallAsync(unit, year, k, selected);
                var lives = await projects.RunAsync(unit, decided);
                reported.AddRange(await reviews.RunAsync(unit, lives));
            }

            progress?.Invoke($"fiscal year {year}: {session.ProjectsPerYear} projects ({watch.Elapsed.TotalSeconds:0.0} s)");
        }

        await using (var unit = session.Begin())
        {
            await intake.RunCurrentCallsAsync(unit, Math.Max(3, (int)Math.Round(session.ProjectsPerYear / (double)session.CallsPerYear * 1.5)));
        }

        await new MinutesGenerator(session).RunAsync(reported);
        progress?.Invoke($"report meetings and minutes ({watch.Elapsed.TotalSeconds:0.0} s)");

        var surveys = new SurveyGenerator(session);
        await surveys.RunAsync();
        progress?.Invoke($"surveys, the largest with {surveys.LargeSurveyAnswers} answers ({watch.Elapsed.TotalSeconds:0.0} s)");

        var guidelines = new GuidelineGenerator(session);
        await guidelines.RunAsync();
        progress?.Invoke($"the guideline: four periods of {guidelines.MeasuresPerPeriod} measures with their progress and reviews ({watch.Elapsed.TotalSeconds:0.0} s)");

        await AnalyzeAsync();
        progress?.Invoke($"statistics gathered ({watch.Elapsed.TotalSeconds:0.0} s)");
        var rows = await CountRowsAsync();
        return new CityGenerationResult(rows, watch.Elapsed, session.SaveWatch.Elapsed);
    }

    private async Task EnsureEmptyAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KyodoDbContext>();
        var projects = await db.Projects.CountAsync();
        var groups = await db.CitizenGroups.CountAsync();
        var departments = await db.Departments.CountAsync();
        var calls = await db.Calls.CountAsync();
        if (projects + groups + departments + calls > 0)
        {
            throw new CityGenerationRefusedException(
                $"The database is not empty ({projects} projects, {calls} calls, {groups} groups, {departments} departments): generate-city fills only an empty database. Point ConnectionStrings:Kyodo at a new database (or drop this one) and run it again.");
        }
    }

    /// <summary>
    /// Gathers the planner's statistics for the tables just filled. Without them PostgreSQL plans
    /// the first minutes' queries for empty tables (autovacuum analyzes later, on its own time):
    /// measured on the scale-1 city, the project page took 8.2 ms of the server's CPU per request
    /// before and 6.2 after (docs/performance.md). SQLite and SQL Server gather theirs the same way.
    /// PostgreSQL also vacuums: a table filled in bulk has no visibility map yet, so a count over an
    /// index (every paged list counts its rows) read each row's page too until autovacuum came by.
    /// </summary>
    private async Task AnalyzeAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KyodoDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.ExecuteSqlRawAsync(db switch
        {
            SqlServerKyodoDbContext => "EXEC sp_updatestats",
            PostgresKyodoDbContext => "VACUUM ANALYZE",
            _ => "ANALYZE",
        });
    }

    /// <summary>Rows per table of the model, read back from the database.</summary>
    private async Task<IReadOnlyList<(string Table, long Rows)>> CountRowsAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KyodoDbContext>();
        var tables = db.Model.GetEntityTypes()
            .Select(type => (Name: type.GetTableName(), Schema: type.GetSchema()))
            .Where(table => table.Name is not null)
            .Distinct()
            .OrderBy(table => table.Name, StringComparer.Ordinal)
            .ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var rows = new List<(string, long)>(tables.Count);
        foreach (var (name, schema) in tables)
        {
            await using var command = connection.CreateCommand();
            var qualified = schema is null ? $"\"{name}\"" : $"\"{schema}\".\"{name}\"";
#pragma warning disable CA2100 // table names come from the EF model, not from input
            command.CommandText = $"SELECT COUNT(*) FROM {qualified}";
#pragma warning restore CA2100
            rows.Add((name!, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return rows;
    }
}

/// <summary>Rows written per table, the time taken, and how much of it went to saving.</summary>
public sealed record CityGenerationResult(IReadOnlyList<(string Table, long Rows)> Rows, TimeSpan Elapsed, TimeSpan Saving)
{
    public long TotalRows => Rows.Sum(r => r.Rows);
}

/// <summary>The database already holds a city: the generator writes only into an empty one.</summary>
public sealed class CityGenerationRefusedException(string message) : InvalidOperationException(message);
