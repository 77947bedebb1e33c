using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using Microsoft.Playwright;

namespace KyodoPortal.Tests.Browser;

/// <summary>Issue 13 item 10: sortable headers and the search box, clicked as a person does, on pages that pass axe.</summary>
[Trait("Category", "Browser")]
public sealed class ListJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_coordinator_sorts_and_searches_the_long_lists_and_they_pass_axe()
    {
        var first = await ProjectScenario.CreateAsync(browser.App, title: "あおぞら子ども食堂");
        await ProjectScenario.CreateAsync(browser.App, title: "かもめ農園の就労体験", yearsAgo: 1);
        var page = await browser.SignedInPageAsync(first.CoordinatorEmail);

        await page.GotoAsync("/projects");
        await page.GetByRole(AriaRole.Link, new() { Name = "事業名" }).ClickAsync();
        Assert.Equal("ascending", await page.Locator("#projects thead th").First.GetAttributeAsync("aria-sort"));
        await page.GetByRole(AriaRole.Link, new() { Name = "事業名" }).ClickAsync();
        Assert.Equal("descending", await page.Locator("#projects thead th").First.GetAttributeAsync("aria-sort"));
        Assert.Equal("かもめ農園の就労体験", (await page.Locator("#projects tbody tr th").First.InnerTextAsync()).Trim());
        await page.GetByLabel("キーワード（事業名・団体・担当課）").FillAsync("あおぞら");
        await page.GetByRole(AriaRole.Button, new() { Name = "検索" }).ClickAsync();
        Assert.Equal(1, await page.Locator("#projects tbody tr").CountAsync());
        Assert.Contains("sort=title&dir=desc", page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "projects-sorted-search.png"), FullPage = true });
        var violations = await Accessibility.ViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join('\n', violations));

        await page.GotoAsync("/projects?q=" + Uri.EscapeDataString("存在しない"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "projects-no-matches.png"), FullPage = true });
        violations = await Accessibility.ViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join('\n', violations));
        await page.GetByRole(AriaRole.Link, new() { Name = "検索を解除してすべて表示" }).ClickAsync();
        Assert.Equal(2, await page.Locator("#projects tbody tr").CountAsync());

        foreach (var url in new[] { "/calls?sort=name&dir=asc", "/meetings?sort=date&dir=asc", "/departments?sort=name&dir=desc", "/groups?sort=area&dir=asc", "/themes?sort=title&dir=asc", "/cases?sort=title&dir=desc", $"/calls/{first.Call.Id}/proposals?sort=title&dir=desc" })
        {
            await page.GotoAsync(url);
            violations = await Accessibility.ViolationsAsync(page);
            Assert.True(violations.Count == 0, url + "\n" + string.Join('\n', violations));
        }
    }
}
