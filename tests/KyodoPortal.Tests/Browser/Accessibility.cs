using System.Text.Json;
using Microsoft.Playwright;

namespace KyodoPortal.Tests.Browser;

/// <summary>
/// Runs axe-core (npm, KYODO_AXE_JS) in the page and returns the violations that fail a page: every
/// WCAG 2.0/2.1 A and AA violation at any impact, and axe's best-practice rules when serious or critical.
/// </summary>
public static class Accessibility
{
    public sealed record Violation(string Id, string Impact, bool Wcag, string Help, IReadOnlyList<string> Targets)
    {
        public override string ToString() => $"{Impact} {Id}: {Help} at {string.Join(", ", Targets)}";
    }

    public static async Task<IReadOnlyList<Violation>> SeriousViolationsAsync(IPage page)
    {
        // Evaluated through the DevTools protocol: the page's CSP (no inline script) stays in force.
        await page.EvaluateAsync(await File.ReadAllTextAsync(AxePath()));
        var json = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
              return result.violations.map(v => ({ id: v.id, impact: v.impact ?? '', wcag: v.tags.some(t => /^wcag2a{1,2}$|^wcag21a{1,2}$/.test(t)), help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }));
            }
            """);
        return json.EnumerateArray()
            .Select(v => new Violation(
                v.GetProperty("id").GetString()!,
                v.GetProperty("impact").GetString()!,
                v.GetProperty("wcag").GetBoolean(),
                v.GetProperty("help").GetString()!,
                v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!).ToList()))
            .Where(v => v.Wcag || v.Impact is "serious" or "critical")
            .ToList();
    }

    private static string AxePath()
    {
        if (Environment.GetEnvironmentVariable("KYODO_AXE_JS") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("axe-core not found: run `npm ci` at the repository root (./scripts/test.sh does) or set KYODO_AXE_JS.");
    }

    /// <summary>Saves a full-page screenshot to the artifacts folder and fails on any WCAG A/AA violation (any impact) or serious best-practice one.</summary>
    public static async Task AssertCleanAsync(IPage page, string screenshot)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, screenshot), FullPage = true });
        var violations = await SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, page.Url + "\n" + string.Join('\n', violations));
    }
}
