using KyodoPortal.Domain.Projects;
using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>The execution-stage aggregates survive a round trip through each database exactly.</summary>
[Trait("Category", "Database")]
public sealed class ExecutionPersistenceTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task Agreement_plan_versions_change_request_activity_and_report_reload_as_saved()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        await ProjectYearScenario.FreeSeminarAsync(s);
        var requestId = await ProjectYearScenario.ApprovedFreeSeminarsAsync(s);
        await ReportScenario.StoredDraftAsync(s, participants: 42.5m);

        var reloaded = await factory.QueryAsync(async db => (
            Project: await db.Projects.AsNoTracking().AsSplitQuery().SingleAsync(p => p.Id == s.Project.Id),
            Plans: await db.ProjectPlans.AsNoTracking().Where(p => p.ProjectId == s.Project.Id).OrderBy(p => p.Number).ToListAsync(),
            Request: await db.ChangeRequests.AsNoTracking().SingleAsync(c => c.Id == requestId),
            Activity: await db.ActivityRecords.AsNoTracking().SingleAsync(a => a.ProjectId == s.Project.Id),
            Report: await db.AnnualReports.AsNoTracking().SingleAsync(r => r.ProjectId == s.Project.Id)));

        Assert.Equal(ProjectStatus.InProgress, reloaded.Project.Status);
        Assert.Equal([s.Group.Name, s.Department.Name], reloaded.Project.Agreement!.Parties.OrderBy(p => p.SortOrder).Select(p => p.Name));
        Assert.Equal(["広報"], reloaded.Project.Agreement.RoleSplits.Select(r => r.Task));
        Assert.Equal(600_000, reloaded.Project.Agreement.CityShareTotal);
        Assert.Equal([1, 2], reloaded.Plans.Select(p => p.Number));
        Assert.Equal([1_000L], reloaded.Plans[0].Content.PlannedParticipantFees(s.FirstYear));
        Assert.Equal([0L], reloaded.Plans[1].Content.PlannedParticipantFees(s.FirstYear));
        Assert.Equal(requestId, reloaded.Plans[1].ChangeRequestId);
        var changes = PlanComparison.Between(reloaded.Plans[0].Content, reloaded.Request.ProposedContent);
        Assert.Contains(changes, c => c.Area == PlanArea.ParticipantFee && c.BudgetEffect == -120_000);
        Assert.Equal(ChangeRequestStatus.Approved, reloaded.Request.Status);
        Assert.Equal("35.0%", reloaded.Activity.AttendanceRate!.ToString());
        Assert.Null(PlanDeviations.ForActivity(reloaded.Activity, reloaded.Plans[1].Content));
        Assert.NotNull(PlanDeviations.ForActivity(reloaded.Activity, reloaded.Plans[0].Content));
        Assert.Equal(42.5m, reloaded.Report.KpiActuals.Single().ActualValue);
        Assert.Equal(300_000, reloaded.Report.BudgetActuals.First(a => a.Category == KyodoPortal.Domain.Proposals.BudgetCategory.CityShare).ActualAmount);
        Assert.Equal("セミナーを開催した。", reloaded.Report.Summary);
    }
}
