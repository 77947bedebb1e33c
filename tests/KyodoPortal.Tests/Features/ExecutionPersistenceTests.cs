using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Tests.Support;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoPortal.Tests.Features;

/// <summary>The execution-stage aggregates survive a round trip through each database exactly.</summary>
[Trait("Category", "Database")]
public sealed class ExecutionPersistenceTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task Agreement_plan_versions_change_request_activity_and_report_reload_as_saved()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var now = DateTime.UtcNow;
        int requestId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KyodoDbContext>();
            var project = await db.Projects.SingleAsync(p => p.Id == s.Project.Id);
            var baseline = await db.ProjectPlans.SingleAsync(p => p.ProjectId == project.Id);
            var drafts = baseline.Content.ToDrafts();
            var free = PlanContent.Create(drafts with
            {
                BudgetLines = [.. drafts.BudgetLines.Select(l => l.FiscalYear != s.FirstYear ? l : l.Category switch
                {
                    BudgetCategory.ParticipantFees => l with { UnitPrice = 0 },
                    BudgetCategory.Supplies => l with { Amount = 0 },
                    _ => l,
                })],
            });
            var request = ChangeRequest.Submit(project, baseline, free, "参加費を無料にする", ChangeRequestParty.Department, "staff", now);
            request.ApproveAsDepartment(baseline, "staff", now);
            request.ApproveAsCoordinator(baseline, "office", now);
            db.ChangeRequests.Add(request);
            await db.SaveChangesAsync();
            requestId = request.Id;
            db.ProjectPlans.Add(ProjectPlan.Next(baseline, request, now));
            db.ActivityRecords.Add(ActivityRecord.Record(project, new ActivityRecordDraft(new KyodoPortal.Domain.Common.FiscalYear(s.FirstYear).FirstDay.AddDays(30), "第1回セミナー", "商工会議所", 20, 7, 0, null), "member", now));
            var report = AnnualReport.Start(project, s.FirstYear, "member", now);
            report.UpdateSections(ReportActor.Group, new AnnualReportSections("セミナーを6回開催した。", "4名が就職した。", null, null, null), now);
            report.ReplaceKpiActuals(ReportActor.Group, [new KpiActualDraft("参加者数", 42.5m, null, "参加者名簿", "定員に届かなかった")], now);
            report.ReplaceBudgetActuals(ReportActor.Group, [new BudgetActualDraft(BudgetCategory.CityShare, "市負担金", 300_000)], now);
            db.AnnualReports.Add(report);
            await db.SaveChangesAsync();
        }

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
        Assert.Equal(300_000, reloaded.Report.BudgetActuals.Single().ActualAmount);
        Assert.Equal("セミナーを6回開催した。", reloaded.Report.Summary);
    }
}
