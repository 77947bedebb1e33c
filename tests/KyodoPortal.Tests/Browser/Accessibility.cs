using System.Text.Json;
using Microsoft.Playwright;

namespace KyodoPortal.Tests.Browser;

/// <summary>
/// Runs axe-core (npm, KYODO_AXE_JS) in the page and returns the violations that fail a page: every
/// WCAG 2.0/2.1 A and AA rule and axe's best-practice rules, at any impact.
/// </summary>
public static class Accessibility
{
    public sealed record Violation(string Id, string Impact, bool Wcag, string Help, IReadOnlyList<string> Targets)
    {
        public override string ToString() => $"{Impact} {Id}: {Help} at {string.Join(", ", Targets)}";
    }

    public static async Task<IReadOnlyList<Violation>> ViolationsAsync(IPage page)
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

    /// <summary>Phone width the pages are also checked at (an iPhone 12–15 viewport).</summary>
    public const int PhoneWidth = 390;

    /// <summary>
    /// Saves a full-page screenshot to the artifacts folder (when named) and fails on any axe violation (WCAG A/AA or
    /// best practice, any impact), at the page's desktop width and again at phone width, where wide
    /// tables scroll and must be focusable, named regions.
    /// </summary>
    public static async Task AssertCleanAsync(IPage page, string? screenshot = null)
    {
        if (screenshot is not null)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, screenshot), FullPage = true });
        }

        var desktop = page.ViewportSize ?? new PageViewportSizeResult { Width = 1280, Height = 900 };
        var violations = await ViolationsAsync(page);
        Assert.True(violations.Count == 0, page.Url + " at " + desktop.Width + " px\n" + string.Join('\n', violations));
        if (desktop.Width <= PhoneWidth)
        {
            return;
        }

        await page.SetViewportSizeAsync(PhoneWidth, 844);
        try
        {
            violations = await ViolationsAsync(page);
            Assert.True(violations.Count == 0, page.Url + " at " + PhoneWidth + " px\n" + string.Join('\n', violations));
        }
        finally
        {
            await page.SetViewportSizeAsync(desktop.Width, desktop.Height);
        }
    }
}
