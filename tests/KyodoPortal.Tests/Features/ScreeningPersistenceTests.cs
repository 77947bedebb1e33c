using KyodoPortal.Domain.Screening;
using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>The screening aggregate survives a round trip through each database exactly.</summary>
[Trait("Category", "Database")]
public sealed class ScreeningPersistenceTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task A_panel_with_a_recusal_and_a_submitted_sheet_ranks_the_same_after_reloading()
    {
        var scenario = await ScreeningScenario.For(factory).WithProposal("保存確認の事業").BuildAsync();
        var (call, proposal) = (scenario.Call, scenario.Proposals[0]);
        await scenario.StartScreeningAsync(["member-a", "member-b"], minimumSheets: 1, passingScoreTenths: 600);
        await scenario.ScoreAsync(score => score
            .Recused("member-b", proposal.Id, "団体の役員を務めている")
            .Submitted("member-a", proposal.Id, 5, 4, null));

        await using var reload = factory.Services.CreateAsyncScope();
        var fresh = reload.ServiceProvider.GetRequiredService<KyodoPortal.Web.Data.KyodoDbContext>();
        var loadedCall = await fresh.Calls.AsNoTracking().SingleAsync(c => c.Id == call.Id);
        var loadedPanel = await fresh.ScreeningPanels.AsNoTracking().AsSplitQuery().SingleAsync(p => p.CallId == call.Id);
        var sheets = await fresh.ScoreSheets.AsNoTracking().Where(s => s.PanelId == loadedPanel.Id).ToListAsync();
        var ranking = ScoreAggregation.Rank(loadedPanel, [proposal.Id], RubricCriterion.FromCall(loadedCall), sheets);

        Assert.True(loadedPanel.IsRecused("member-b", proposal.Id));
        Assert.Equal("団体の役員を務めている", loadedPanel.DeclarationOf("member-b", proposal.Id)!.Reason);
        var row = Assert.Single(ranking);
        Assert.Equal(1, row.Rank);
        Assert.Equal("92.0", row.Score!.Value.ToString());
        Assert.Equal(1, row.SheetsCounted);
        Assert.Equal(1, row.SheetsExpected);
        Assert.False(row.BelowPassingScore);
    }
}
