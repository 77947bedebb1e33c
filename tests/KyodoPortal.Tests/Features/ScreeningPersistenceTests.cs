using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Domain.Screening;
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
        var inside = DateTime.UtcNow.AddDays(-10);
        var call = new Call("保存確認の募集", ProposalType.GroupProposal, 2027, DateTime.UtcNow.AddDays(-20), DateTime.UtcNow.AddDays(-1), 900_000, 300_000, 2, null);
        call.ReplaceCriteria([new ScreeningCriterionDraft("公益性", null, 3, 5), new ScreeningCriterionDraft("実現性", null, 2, 5), new ScreeningCriterionDraft("協働の効果", null, 1, 5)]);
        call.Publish();
        await factory.AddAsync(call);
        var group = await factory.AddGroupAsync("保存確認の会");
        var department = await factory.AddDepartmentAsync("保存確認課");
        var proposal = new Proposal(call, "保存確認の事業", group.Id, department.Id, "seed", inside);
        proposal.UpdateOverview("保存確認の事業", "背景", "目的", "対象", 2027, 1, group.Id, department.Id, inside);
        proposal.ReplaceActivities([new ActivityDraft("講座", 1, 10)], inside);
        proposal.ReplaceSchedule([new ScheduleItemDraft(2027, "講座")], inside);
        proposal.ReplaceRoleSplits([new RoleSplitDraft("広報", "団体", "市")], inside);
        proposal.ReplaceBudget(KyodoPortal.Tests.Domain.ProposalBuilder.BalancedYear(2027), inside);
        proposal.ReplaceKpis([new KpiDraft("参加者数", KpiKind.Quantitative, "人", null, [new(2027, 10)])], inside);
        proposal.Submit(call, "seed", inside);
        await factory.AddAsync(proposal);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KyodoPortal.Web.Data.KyodoDbContext>();
            var tracked = await db.Calls.SingleAsync(c => c.Id == call.Id);
            tracked.StartScreening(DateTime.UtcNow);
            var trackedProposal = await db.Proposals.SingleAsync(p => p.Id == proposal.Id);
            trackedProposal.StartScreening("coordinator", DateTime.UtcNow);
            var panel = new ScreeningPanel(tracked, OtherSheetsVisibility.AfterOwnSubmission, 1, 600, DateTime.UtcNow);
            panel.AddMember("member-a", DateTime.UtcNow);
            panel.AddMember("member-b", DateTime.UtcNow);
            panel.Declare("member-a", proposal.Id, false, null, DateTime.UtcNow);
            panel.Recuse("member-b", proposal.Id, "団体の役員を務めている", "coordinator", DateTime.UtcNow);
            db.ScreeningPanels.Add(panel);
            await db.SaveChangesAsync();

            var criteria = RubricCriterion.FromCall(tracked);
            var sheet = panel.OpenSheet("member-a", proposal.Id, DateTime.UtcNow);
            sheet.Save(panel, criteria, [new(criteria[0].Id, 5, false, null), new(criteria[1].Id, 4, false, null), new(criteria[2].Id, null, true, "判断材料がない")], "よい提案", DateTime.UtcNow);
            sheet.Submit(panel, criteria, DateTime.UtcNow);
            db.ScoreSheets.Add(sheet);
            await db.SaveChangesAsync();
        }

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
