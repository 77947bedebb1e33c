using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Tests.Support;
using KyodoPortal.Web.Data.Generation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace KyodoPortal.Tests.Infrastructure;

/// <summary>
/// The generate-city command at a tiny scale on the test database: it fills an empty database,
/// writes the same city twice from the same seed, refuses a database that already has one, and
/// the city it writes is one the app serves (main pages answer 200 when signed in).
/// </summary>
[Trait("Category", "Database")]
public sealed class CityGeneratorTests(ITestOutputHelper output)
{
    private static readonly string[] Args = ["generate-city", "--scale", "0.01", "--today", "2026-12-02", "--password", KyodoWebFactory.Password];

    [Fact]
    public async Task Generates_the_same_city_from_the_same_seed()
    {
        using var first = new ScopeValidatingFactory();
        using var second = new ScopeValidatingFactory();

        Assert.Equal(0, await RunAsync(first));
        Assert.Equal(0, await RunAsync(second));

        var a = await SnapshotAsync(first);
        var b = await SnapshotAsync(second);
        Assert.Equal(a.Counts, b.Counts);
        Assert.Equal(a.Groups, b.Groups);
        Assert.Equal(a.Titles, b.Titles);
        Assert.Equal(a.People, b.People);
        Assert.All(a.Counts, count => Assert.True(count > 0, string.Join(", ", a.Counts)));
    }

    [Fact]
    public async Task Covers_twenty_fiscal_years_in_every_state_and_refuses_a_database_that_has_a_city()
    {
        using var factory = new ScopeValidatingFactory();
        Assert.Equal(0, await RunAsync(factory));

        var years = await factory.QueryAsync(db => db.Projects.Select(p => p.StartFiscalYear).Distinct().CountAsync());
        Assert.Equal(CityGeneratorOptions.FiscalYears, years);
        var statuses = await factory.QueryAsync(db => db.Projects.Select(p => p.Status).Distinct().ToListAsync());
        Assert.Contains(ProjectStatus.InProgress, statuses);
        Assert.Contains(ProjectStatus.Closed, statuses);
        var proposalStatuses = await factory.QueryAsync(db => db.Proposals.Select(p => p.Status).Distinct().ToListAsync());
        Assert.Contains(ProposalStatus.Submitted, proposalStatuses);
        Assert.Contains(ProposalStatus.UnderScreening, proposalStatuses);
        Assert.Contains(ProposalStatus.Selected, proposalStatuses);
        Assert.Contains(ProposalStatus.NotSelected, proposalStatuses);

        // Surveys: seed 001's every year, and the large citizen survey (10,000 answers at scale 1: 100 here) with 20 questions.
        var surveys = await factory.QueryAsync(db => db.Surveys
            .Select(s => new { Questions = s.Questions.Count, Answers = db.SurveyResponses.Count(r => r.SurveyId == s.Id) })
            .OrderByDescending(s => s.Answers).ToListAsync());
        Assert.Equal(CityGeneratorOptions.FiscalYears, surveys.Count);
        Assert.Equal((20, 100), (surveys[0].Questions, surveys[0].Answers));
        Assert.All(surveys.Skip(1), s => Assert.Equal((7, true), (s.Questions, s.Answers is >= 20 and <= 27)));

        // The guideline: four periods, three reviewed and closed, the current one adopted; carried measures point at their predecessors.
        var periods = await factory.QueryAsync(db => db.Guidelines.SelectMany(g => g.Periods).OrderBy(p => p.Number).Select(p => p.Status).ToListAsync());
        Assert.Equal([GuidelinePeriodStatus.Closed, GuidelinePeriodStatus.Closed, GuidelinePeriodStatus.Closed, GuidelinePeriodStatus.Adopted], periods);
        Assert.True(await factory.QueryAsync(db => db.GuidelineMeasures.AnyAsync(m => m.Period.Number == 4 && m.PreviousMeasure!.PreviousMeasure!.PreviousMeasureId != null)));
        Assert.Equal(0, await factory.QueryAsync(db => db.MeasureReviews.CountAsync(r => r.Decision == null)));
        Assert.True(await factory.QueryAsync(db => db.MeasureProgress.AnyAsync(p => p.Review == ProgressReviewStatus.Submitted && p.Measure.Period.Number == 4)));
        Assert.True(await factory.QueryAsync(db => db.GuidelineMeasures.AnyAsync(m => m.Links.Any())));

        // The planner's statistics were gathered after the load (see CityGenerator.AnalyzeAsync).
        var analyzed = await factory.QueryAsync(db => db.Database.SqlQueryRaw<long>(factory.Provider == "Postgres"
            ? "SELECT COUNT(*) AS \"Value\" FROM pg_class WHERE relname IN ('Projects', 'Proposals', 'ActivityRecords') AND reltuples > 0"
            : "SELECT COUNT(DISTINCT tbl) AS \"Value\" FROM sqlite_stat1 WHERE tbl IN ('Projects', 'Proposals', 'ActivityRecords')").SingleAsync());
        Assert.Equal(3, analyzed);

        var again = new StringWriter();
        Assert.Equal(1, await GenerateCityCommand.RunAsync(factory.Services, Args, again));
        Assert.Contains("not empty", again.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_generated_city_s_main_pages_answer_when_signed_in()
    {
        using var factory = new ScopeValidatingFactory();
        Assert.Equal(0, await RunAsync(factory));
        var project = await factory.QueryAsync(db => db.AnnualReports.OrderBy(r => r.Id).Select(r => new { r.ProjectId, r.FiscalYear }).FirstAsync());
        var call = await factory.QueryAsync(db => db.ScreeningPanels.OrderBy(p => p.Id).Select(p => p.CallId).FirstAsync());
        var meeting = await factory.QueryAsync(db => db.Minutes.OrderBy(m => m.Id).Select(m => m.MeetingId).FirstAsync());

        using var coordinator = factory.CreatePageClient();
        await coordinator.SignInAsync("coordinator@example.jp", KyodoWebFactory.Password);
        foreach (var url in new[]
        {
            "/",
            "/projects",
            $"/projects/{project.ProjectId}",
            $"/projects/{project.ProjectId}/reports/{project.FiscalYear}",
            "/directory",
            $"/calls/{call}/proposals",
            $"/calls/{call}/screening",
            $"/meetings/{meeting}/minutes",
        })
        {
            var page = await coordinator.GetPageAsync(url);
            output.WriteLine($"{url}: {page.Title}");
        }

        using var member = factory.CreatePageClient();
        await member.SignInAsync("group@example.jp", KyodoWebFactory.Password);
        await member.GetPageAsync("/");
    }

    /// <summary>
    /// Issue 15: the SQL a page sends depends on the page, not on the size of the city. The same
    /// pages of a city five times larger send exactly as many commands (a list that loaded a row per
    /// row, or an unpaged list, would send more).
    /// </summary>
    [Fact]
    public async Task A_page_sends_as_many_SQL_commands_in_a_city_five_times_larger()
    {
        var small = await SqlPerPageAsync("0.01");
        var large = await SqlPerPageAsync("0.05");

        foreach (var (url, commands) in small)
        {
            output.WriteLine($"{url}: {commands} → {large[url]}");
        }

        Assert.Equal(small, large);
    }

    private static async Task<Dictionary<string, int>> SqlPerPageAsync(string scale)
    {
        using var factory = new ScopeValidatingFactory();
        var writer = new StringWriter();
        Assert.Equal(0, await GenerateCityCommand.RunAsync(factory.Services, ["generate-city", "--scale", scale, "--today", "2026-12-02", "--password", KyodoWebFactory.Password], writer));
        var report = await factory.QueryAsync(db => db.AnnualReports.OrderBy(r => r.Id).Select(r => new { r.ProjectId, r.FiscalYear }).FirstAsync());
        var call = await factory.QueryAsync(db => db.ScreeningPanels.OrderBy(p => p.Id).Select(p => p.CallId).FirstAsync());
        var meeting = await factory.QueryAsync(db => db.Minutes.OrderBy(m => m.Id).Select(m => m.MeetingId).FirstAsync());
        using var coordinator = factory.CreatePageClient();
        await coordinator.SignInAsync("coordinator@example.jp", KyodoWebFactory.Password);

        // Keyed by the page, not its ids: the same page of each city.
        var pages = new Dictionary<string, string>
        {
            ["home"] = "/",
            ["projects"] = "/projects",
            ["continuation"] = "/continuation",
            ["projects, page 2 sorted"] = "/projects?sort=title&page=2",
            ["project"] = $"/projects/{report.ProjectId}",
            ["annual report"] = $"/projects/{report.ProjectId}/reports/{report.FiscalYear}",
            ["directory"] = "/directory?q=%E5%9B%A3",
            ["themes"] = "/themes",
            ["calls"] = "/calls",
            ["call's proposals"] = $"/calls/{call}/proposals",
            ["screening"] = $"/calls/{call}/screening",
            ["minutes"] = $"/meetings/{meeting}/minutes",
            ["public minutes search"] = "/minutes?q=%E4%BA%8B%E6%A5%AD",
            ["overdue reports"] = "/reports/overdue",
            ["groups"] = "/groups",
            ["guideline matrix"] = "/guideline/periods/4/matrix",
            ["guideline tree"] = "/guideline/periods/4/tree",
            ["guideline review"] = "/guideline/periods/3/review",
            ["public guideline"] = "/collaboration-guideline",
        };
        var counts = new Dictionary<string, int>();
        foreach (var (name, url) in pages)
        {
            factory.SqlCommands.Reset();
            await coordinator.GetPageAsync(url);
            counts[name] = factory.SqlCommands.Count;
        }

        return counts;
    }

    /// <summary>`dotnet run` runs in Development, where the container refuses scoped services from the root provider: so do these tests.</summary>
    private sealed class ScopeValidatingFactory : KyodoWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseDefaultServiceProvider(options => options.ValidateScopes = true);
        }
    }

    private async Task<int> RunAsync(KyodoWebFactory factory)
    {
        var writer = new StringWriter();
        var code = await GenerateCityCommand.RunAsync(factory.Services, Args, writer);
        output.WriteLine(writer.ToString());
        return code;
    }

    private static async Task<(long[] Counts, string[] Groups, string[] Titles, string[] People)> SnapshotAsync(KyodoWebFactory factory) =>
        await factory.QueryAsync(async db => (
            new long[]
            {
                await db.CitizenGroups.LongCountAsync(), await db.Calls.LongCountAsync(), await db.Proposals.LongCountAsync(),
                await db.ScoreSheets.LongCountAsync(), await db.Projects.LongCountAsync(), await db.ProjectPlans.LongCountAsync(),
                await db.ChangeRequests.LongCountAsync(), await db.ActivityRecords.LongCountAsync(), await db.AnnualReports.LongCountAsync(),
                await db.EvaluationRounds.LongCountAsync(), await db.EvaluationSheets.LongCountAsync(), await db.ReportMeetings.LongCountAsync(),
                await db.Minutes.LongCountAsync(), await db.Users.LongCountAsync(),
            },
            await db.CitizenGroups.OrderBy(g => g.Id).Take(5).Select(g => g.Name).ToArrayAsync(),
            await db.Projects.OrderBy(p => p.Id).Take(5).Select(p => p.Title).ToArrayAsync(),
            await db.Users.OrderBy(u => u.Email).Take(5).Select(u => u.DisplayName).ToArrayAsync()));
}
