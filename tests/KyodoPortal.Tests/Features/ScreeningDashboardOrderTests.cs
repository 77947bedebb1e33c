using KyodoPortal.Domain.Accounts;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;

namespace KyodoPortal.Tests.Features;

/// <summary>Issue 13 item 13: the coordinator opens the screening page for the ranking; it was at the very bottom.</summary>
[Trait("Category", "Database")]
public sealed class ScreeningDashboardOrderTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task The_ranking_is_the_first_section_of_the_coordinators_screening_page()
    {
        var screening = await ScreeningScenario.For(factory).WithProposals("順位確認の提案A", "順位確認の提案B").BuildAsync();
        var members = await screening.AddCommitteeMembersAsync(1);
        await screening.StartScreeningAsync(members.Select(m => m.Id));
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        var page = await coordinator.GetPageAsync($"/calls/{screening.Call.Id}/screening");

        var sections = page.Texts("main h2");
        Assert.Equal("順位", sections[0]);
        Assert.Contains("審査の設定", sections);
    }
}
