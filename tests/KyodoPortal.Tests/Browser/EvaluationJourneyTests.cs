using KyodoPortal.Domain.Accounts;
using KyodoPortal.Tests.Features;
using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Tests.Support;
using Microsoft.Playwright;

namespace KyodoPortal.Tests.Browser;

/// <summary>
/// 評価・検証 in a real browser: a committee member declares and scores beside the year's
/// materials, the coordinator closes, writes the consolidated evaluation and publishes it, and the
/// group reads the feedback; the sheet, the coordinator's page and the feedback pass axe.
/// </summary>
[Trait("Category", "Browser")]
public sealed class EvaluationJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_member_scores_the_coordinator_publishes_and_the_group_reads_accessible_feedback()
    {
        var scenario = await ProjectScenario.CreateAsync(browser.App);
        var email = $"hyoka-{Guid.NewGuid():N}@example.jp";
        var user = await browser.App.CreateUserAsync(email, KyodoRoles.CommitteeMember);
        var roundId = await EvaluationScenario.RoundAsync(scenario, user.Id);

        var member = await browser.SignedInPageAsync(email);
        await member.GotoAsync($"/evaluations/{roundId}");
        await member.GetByLabel("利害関係はない").CheckAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "申告する" }).ClickAsync();
        foreach (var criterion in new[] { "役割分担・対等性", "情報共有", "市民参加", "KPI達成度", "地域への効果", "費用対効果", "継続性" })
        {
            await member.GetByLabel($"{criterion} の点数").SelectOptionAsync("4");
        }

        await member.GetByLabel("総評").FillAsync("着実に実施され、参加者の就職にもつながった。");
        await member.GetByRole(AriaRole.Button, new() { Name = "提出" }).ClickAsync();
        Assert.Equal("評価票を提出しました。", await member.GetByRole(AriaRole.Status).InnerTextAsync());
        await Accessibility.AssertCleanAsync(member, "evaluation-sheet.png");

        var office = await browser.SignedInPageAsync(scenario.CoordinatorEmail);
        await office.GotoAsync($"/evaluation-admin/{roundId}");
        await OneWay.TickAsync(office, "form[action$='/close']");
        await office.GetByRole(AriaRole.Button, new() { Name = "評価を終了する" }).ClickAsync();
        await office.GetByLabel("良かった点").FillAsync("就職につながった参加者が出た。");
        await office.GetByLabel("課題", new() { Exact = true }).FillAsync("参加者の集客に偏りがある。");
        await office.GetByRole(AriaRole.Radio, new() { Name = "改善して継続" }).CheckAsync();
        await office.GetByLabel("改善が必要な点（「改善して継続」の場合は必須・1行に1項目）").FillAsync("集客の方法を見直す\n企業との連携を増やす");
        await office.GetByRole(AriaRole.Button, new() { Name = "総合評価を保存" }).ClickAsync();
        Assert.Equal("総合評価を保存しました。", await office.GetByRole(AriaRole.Status).InnerTextAsync());
        await Accessibility.AssertCleanAsync(office, "evaluation-coordinator.png");
        await office.GetByRole(AriaRole.Button, new() { Name = "フィードバックを公開" }).ClickAsync();

        var group = await browser.SignedInPageAsync(scenario.GroupMemberEmail);
        await group.GotoAsync($"/projects/{scenario.Project.Id}/years/{scenario.FirstYear}/feedback");
        Assert.Equal("改善して継続", await group.Locator("#recommendation-value").InnerTextAsync());
        Assert.Equal("80.0", await group.Locator("#summary-table tfoot tr:last-child td").First.InnerTextAsync());
        await Accessibility.AssertCleanAsync(group, "evaluation-feedback.png");
    }
}
