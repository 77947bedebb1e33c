using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Tests.Support;
using Microsoft.Playwright;

namespace KyodoPortal.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class ScreeningDashboardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_coordinator_reads_progress_and_ranking_on_an_accessible_dashboard()
    {
        var (callId, proposalIds) = await SeedScoredScreeningAsync();
        await browser.App.CreateUserAsync("coordinator-screening@example.jp", KyodoRoles.Coordinator);
        var page = await browser.SignedInPageAsync("coordinator-screening@example.jp");

        await page.GotoAsync($"/calls/{callId}/screening");

        Assert.Contains("1位", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#reminder-form")).ToBeVisibleAsync();
        await Accessibility.AssertCleanAsync(page, "screening-dashboard.png");

        // A proposal's score per criterion, from its line in the ranking.
        await page.Locator($"#ranking a[href='/calls/{callId}/screening/proposals/{proposalIds[0]}']").ClickAsync();
        await Assertions.Expect(page.Locator("#criteria tbody tr")).ToHaveCountAsync(2);
        await Accessibility.AssertCleanAsync(page, "screening-breakdown.png");

        foreach (var url in new[] { $"/calls/{callId}/screening/declarations", $"/calls/{callId}/proposals", $"/calls/{callId}" })
        {
            await page.GotoAsync(url);
            await Accessibility.AssertCleanAsync(page);
        }

        await page.GotoAsync($"/calls/{callId}/screening");
        await OneWay.TickAsync(page, "#close-form");
        await page.Locator("#close-form button").ClickAsync();
        await page.GotoAsync($"/calls/{callId}/screening/decisions");
        Assert.Contains("1位", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertCleanAsync(page, "screening-decisions.png");

        // Decide both in ranking order, publish the ranking, read the public results page.
        foreach (var (proposalId, selected) in new[] { (proposalIds[0], "true"), (proposalIds[1], "false") })
        {
            await page.Locator($"#decision-{proposalId} input[name='Decision.Selected'][value='{selected}']").CheckAsync();
            await page.Locator($"#decision-{proposalId}-reason").FillAsync(selected == "true" ? "最も評価が高い。" : "採択は予算の範囲で1件のため。");
            await OneWay.TickAsync(page, $"#decision-{proposalId} form");
            await page.Locator($"#decision-{proposalId} button[type=submit]").ClickAsync();
        }

        await page.Locator("#publish-form button").ClickAsync();
        await Accessibility.AssertCleanAsync(page, "screening-decisions-published.png");
        await page.GotoAsync($"/calls/{callId}/results");
        Assert.Equal(2, await page.Locator("#results tbody tr").CountAsync());
        await Accessibility.AssertCleanAsync(page, "call-results.png");
    }

    /// <summary>A closed call with two proposals scored by two of three members, one recused on the second.</summary>
    private async Task<(int CallId, int[] ProposalIds)> SeedScoredScreeningAsync()
    {
        var scenario = await ScreeningScenario.For(browser.App)
            .WithCriteria(new ScreeningCriterionDraft("公益性", null, 3, 5), new ScreeningCriterionDraft("実現性", null, 2, 5))
            .WithProposals("見守り事業", "居場所事業")
            .BuildAsync();
        var members = await scenario.AddCommitteeMembersAsync(3);
        var (first, second) = (members[0].Id, members[1].Id);
        var (a, b) = (scenario.Proposals[0].Id, scenario.Proposals[1].Id);

        // The third member has not started: the dashboard offers the reminder.
        await scenario.StartScreeningAsync([first, second, members[2].Id], minimumSheets: 2, passingScoreTenths: 600);
        await scenario.ScoreAsync(score => score
            .DeclaredConflict(second, b, "団体の理事である")
            .Submitted(first, a, 5, 4)
            .Submitted(second, a, 4, 4)
            .Submitted(first, b, 3, 3));
        return (scenario.Call.Id, [a, b]);
    }
}
