using Bogus;
using KyodoPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Data.Generation;

/// <summary>What to generate: the scale (1 = a large city), the seed and the day the city is "today".</summary>
public sealed record CityGeneratorOptions(double Scale, DateOnly Today, int Seed, string Password)
{
    public const int DefaultSeed = 20070401;

    /// <summary>Fiscal years of history, the current one included.</summary>
    public const int FiscalYears = 20;
}

/// <summary>
/// State shared by the generator's modules: the seeded fake-data source, the calendar of the
/// generated city, the people created first, and a fresh <see cref="KyodoDbContext"/> per unit of
/// work with change tracking left to explicit calls (one detection per save, not per Add).
/// </summary>
internal sealed class GenerationSession
{
    private readonly IServiceScopeFactory _scopes;

    public GenerationSession(CityGeneratorOptions options, IServiceScopeFactory scopes)
    {
        Options = options;
        _scopes = scopes;
        Faker = new Faker("ja") { Random = new Randomizer(options.Seed) };
        Text = new JapaneseText(Faker);
        CurrentFiscalYear = FiscalYear.Of(options.Today).StartYear;
    }

    public CityGeneratorOptions Options { get; }

    public Faker Faker { get; }

    public Randomizer Random => Faker.Random;

    public JapaneseText Text { get; }

    public DateOnly Today => Options.Today;

    /// <summary>The fiscal year "today" falls in; the generated history ends here.</summary>
    public int CurrentFiscalYear { get; }

    public int FirstFiscalYear => CurrentFiscalYear - CityGeneratorOptions.FiscalYears + 1;

    public CityPeople People { get; set; } = CityPeople.Empty;

    /// <summary>Time spent inside SaveChanges (detecting changes and writing), the rest being the domain building the city.</summary>
    public System.Diagnostics.Stopwatch SaveWatch { get; } = new();

    /// <summary>Projects started per fiscal year (200 at scale 1).</summary>
    public int ProjectsPerYear => Math.Max(2, (int)Math.Round(200 * Options.Scale));

    /// <summary>Calls per fiscal year: about 70 selected projects a call, so a unit of work stays a few thousand rows.</summary>
    public int CallsPerYear => Math.Max(1, (int)Math.Ceiling(ProjectsPerYear / 70.0));

    /// <summary>A UTC instant on <paramref name="day"/> (10:00 in Japan, so the Japan date is the same day).</summary>
    public static DateTime At(DateOnly day, int hourUtc = 1) => day.ToDateTime(new TimeOnly(hourUtc, 0), DateTimeKind.Utc);

    public bool IsPast(DateOnly day) => day < Today;

    public GenerationUnit Begin()
    {
        var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KyodoDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return new GenerationUnit(scope, db, SaveWatch);
    }
}

/// <summary>One unit of work: a fresh context; <see cref="SaveAsync"/> detects changes once and saves.</summary>
internal sealed class GenerationUnit(AsyncServiceScope scope, KyodoDbContext db, System.Diagnostics.Stopwatch saveWatch) : IAsyncDisposable
{
    public KyodoDbContext Db { get; } = db;

    public async Task SaveAsync()
    {
        saveWatch.Start();
        Db.ChangeTracker.DetectChanges();
        var leaves = BulkLeafWriter.Applies(Db) ? BulkLeafWriter.DetachLeaves(Db) : [];
        await Db.SaveChangesAsync();
        await BulkLeafWriter.CopyAsync(Db, leaves);
        saveWatch.Stop();
    }

    public async ValueTask DisposeAsync()
    {
        Db.ChangeTracker.Clear();
        await scope.DisposeAsync();
    }
}

/// <summary>The accounts and organisations the other modules draw on (ids only, nothing tracked).</summary>
internal sealed record CityPeople(
    IReadOnlyList<OrgRef> Departments,
    IReadOnlyList<OrgRef> Groups,
    IReadOnlyDictionary<int, string> StaffByDepartment,
    IReadOnlyDictionary<int, string> MemberByGroup,
    IReadOnlyList<string> CoordinatorIds,
    IReadOnlyList<PersonRef> Committee)
{
    public static CityPeople Empty { get; } = new([], [], new Dictionary<int, string>(), new Dictionary<int, string>(), [], []);

    public string Coordinator => CoordinatorIds[0];
}

internal sealed record OrgRef(int Id, string Name);

internal sealed record PersonRef(string Id, string Name);
