using System.Globalization;
using KyodoPortal.Web.Infrastructure.Persistence;

namespace KyodoPortal.Web.Data.Generation;

/// <summary>
/// <c>dotnet run --project src/KyodoPortal.Web -- generate-city [--scale 1] [--seed N] [--today yyyy-MM-dd] [--password P]</c>:
/// migrates the configured database, fills it with the generated city, prints rows per table and
/// the time taken, and exits 0 (or 1 with the reason). The password defaults to DemoData:Password.
/// </summary>
public static class GenerateCityCommand
{
    public const string Verb = "generate-city";

    public static bool IsInvoked(string[] args) => args is [Verb, ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        CityGeneratorOptions options;
        try
        {
            options = Parse(args, services.GetRequiredService<IConfiguration>(), services.GetRequiredService<TimeProvider>());
        }
        catch (FormatException e)
        {
            await output.WriteLineAsync($"generate-city: {e.Message}");
            await output.WriteLineAsync("usage: generate-city [--scale 1] [--seed N] [--today yyyy-MM-dd] [--password P]");
            return 1;
        }

        await services.MigrateDatabaseAsync();
        await output.WriteLineAsync(FormattableString.Invariant($"generate-city: scale {options.Scale}, seed {options.Seed}, today {options.Today:yyyy-MM-dd}"));
        try
        {
            // The generator is scoped (it uses Identity's password hasher): a scope of its own, as a request would have.
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<CityGenerator>().RunAsync(options, line => output.WriteLine("  " + line));
            await output.WriteLineAsync("| table | rows |");
            await output.WriteLineAsync("|---|---:|");
            foreach (var (table, rows) in result.Rows.Where(r => r.Rows > 0))
            {
                await output.WriteLineAsync(FormattableString.Invariant($"| {table} | {rows:N0} |"));
            }

            await output.WriteLineAsync(FormattableString.Invariant($"generate-city: {result.TotalRows:N0} rows in {result.Elapsed.TotalSeconds:0.0} s ({result.Saving.TotalSeconds:0.0} s of it saving; process CPU {System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} s)"));
            return 0;
        }
        catch (CityGenerationRefusedException e)
        {
            await output.WriteLineAsync("generate-city: " + e.Message);
            return 1;
        }
    }

    public static CityGeneratorOptions Parse(string[] args, IConfiguration configuration, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(clock);
        var scale = 1.0;
        var seed = CityGeneratorOptions.DefaultSeed;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(9)); // the Japan date
        var password = configuration["DemoData:Password"];
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--scale" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 && s <= 100:
                    scale = s;
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n):
                    seed = n;
                    break;
                case "--today" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d):
                    today = d;
                    break;
                case "--password" when !string.IsNullOrWhiteSpace(value):
                    password = value;
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains(':', StringComparison.Ordinal))
                    {
                        // a configuration override for the host: --Database:Provider=Postgres or --Database:Provider Postgres
                        i += args[i].Contains('=', StringComparison.Ordinal) ? 0 : 1;
                        continue;
                    }

                    throw new FormatException($"unknown or invalid option '{args[i]} {value}'");
            }

            i++;
        }

        if (string.IsNullOrWhiteSpace(password))
        {
            throw new FormatException("no password for the generated accounts: set DemoData:Password or pass --password");
        }

        return new CityGeneratorOptions(scale, today, seed, password);
    }
}
