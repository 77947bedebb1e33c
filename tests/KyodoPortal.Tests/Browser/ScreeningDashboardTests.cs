using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Tests.Support;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KyodoPortal.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class ScreeningDashboardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_coordinator_reads_progress_and_ranking_on_an_accessible_dashboard()
    {
        var callId = await SeedScoredScreeningAsync();
        await browser.App.CreateUserAsync("coordinator-screening@example.jp", KyodoRoles.Coordinator);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("メールアドレス").FillAsync("coordinator-screening@example.jp");
        await page.GetByLabel("パスワード").FillAsync(KyodoWebFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();

        await page.GotoAsync($"/calls/{callId}/screening");

        Assert.Contains("1位", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "screening-dashboard.png"), FullPage = true });
        var violations = await Accessibility.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join('\n', violations));

        foreach (var url in new[] { $"/calls/{callId}/proposals", $"/calls/{callId}" })
        {
            await page.GotoAsync(url);
            violations = await Accessibility.SeriousViolationsAsync(page);
            Assert.True(violations.Count == 0, url + "\n" + string.Join('\n', violations));
        }

        await page.GotoAsync($"/calls/{callId}/screening");
        await page.Locator("#close-form button").ClickAsync();
        await page.GotoAsync($"/calls/{callId}/screening/decisions");
        Assert.Contains("1位", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "screening-decisions.png"), FullPage = true });
        violations = await Accessibility.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, "decisions\n" + string.Join('\n', violations));
    }

    /// <summary>A closed call with two proposals scored by two members, one recused on the second.</summary>
    private async Task<int> SeedScoredScreeningAsync()
    {
        var inside = DateTime.UtcNow.AddDays(-10);
        var call = new Call("審査画面確認の募集", ProposalType.GroupProposal, 2027, DateTime.UtcNow.AddDays(-20), DateTime.UtcNow.AddDays(-1), 900_000, 300_000, 2, null);
        call.ReplaceCriteria([new ScreeningCriterionDraft("公益性", null, 3, 5), new ScreeningCriterionDraft("実現性", null, 2, 5)]);
        call.Publish();
        await browser.App.AddAsync(call);
        var group = await browser.App.AddGroupAsync("審査画面の会");
        var department = await browser.App.AddDepartmentAsync("審査画面課");
        var first = await browser.App.CreateUserAsync("screening-member-1@example.jp", KyodoRoles.CommitteeMember);
        var second = await browser.App.CreateUserAsync("screening-member-2@example.jp", KyodoRoles.CommitteeMember);
        Proposal[] proposals = [Complete(call, "見守り事業", group.Id, department.Id, inside), Complete(call, "居場所事業", group.Id, department.Id, inside)];
        foreach (var p in proposals)
        {
            await browser.App.AddAsync(p);
        }

        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KyodoDbContext>();
        var tracked = await db.Calls.SingleAsync(c => c.Id == call.Id);
        tracked.StartScreening(DateTime.UtcNow);
        var trackedProposals = await db.Proposals.Where(p => p.CallId == call.Id).OrderBy(p => p.Id).ToListAsync();
        trackedProposals.ForEach(p => p.StartScreening("coordinator", DateTime.UtcNow));
        var panel = new ScreeningPanel(tracked, OtherSheetsVisibility.AfterOwnSubmission, 2, 600, DateTime.UtcNow);
        panel.AddMember(first.Id, DateTime.UtcNow);
        panel.AddMember(second.Id, DateTime.UtcNow);
        panel.Declare(first.Id, trackedProposals[0].Id, false, null, DateTime.UtcNow);
        panel.Declare(first.Id, trackedProposals[1].Id, false, null, DateTime.UtcNow);
        panel.Declare(second.Id, trackedProposals[0].Id, false, null, DateTime.UtcNow);
        panel.Declare(second.Id, trackedProposals[1].Id, true, "団体の理事である", DateTime.UtcNow);
        db.ScreeningPanels.Add(panel);
        await db.SaveChangesAsync();

        var criteria = RubricCriterion.FromCall(tracked);
        foreach (var (member, proposal, a, b) in new[] { (first, trackedProposals[0], 5, 4), (second, trackedProposals[0], 4, 4), (first, trackedProposals[1], 3, 3) })
        {
            var sheet = panel.OpenSheet(member.Id, proposal.Id, DateTime.UtcNow);
            sheet.Save(panel, criteria, [new(criteria[0].Id, a, false, null), new(criteria[1].Id, b, false, null)], null, DateTime.UtcNow);
            sheet.Submit(panel, criteria, DateTime.UtcNow);
            db.ScoreSheets.Add(sheet);
        }

        await db.SaveChangesAsync();
        return call.Id;
    }

    private static Proposal Complete(Call call, string title, int groupId, int departmentId, DateTime at)
    {
        var proposal = new Proposal(call, title, groupId, departmentId, "seed", at);
        proposal.UpdateOverview(title, "背景", "目的", "対象", 2027, 1, groupId, departmentId, at);
        proposal.ReplaceActivities([new ActivityDraft("講座", 1, 10)], at);
        proposal.ReplaceSchedule([new ScheduleItemDraft(2027, "講座")], at);
        proposal.ReplaceRoleSplits([new RoleSplitDraft("広報", "団体", "市")], at);
        proposal.ReplaceBudget(KyodoPortal.Tests.Domain.ProposalBuilder.BalancedYear(2027), at);
        proposal.ReplaceKpis([new KpiDraft("参加者数", KpiKind.Quantitative, "人", null, [new(2027, 10)])], at);
        proposal.Submit(call, "seed", at);
        return proposal;
    }
}
