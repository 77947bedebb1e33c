using KyodoPortal.Domain.Accounts;
using KyodoPortal.Tests.Features;
using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Tests.Support;
using Microsoft.Playwright;

namespace KyodoPortal.Tests.Browser;

/// <summary>
/// 評価・検証 in a real browser: a committee member declares and scores beside the year's
/// materials, the coordinator closes, writes the consolidated evaluation and publishes it, and the
/// group reads the feedback (from the link on its home page); the sheet, the home page, the coordinator's page and the feedback pass axe.
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
        await ProjectYearScenario.FreeSeminarAsync(scenario);

        var member = await browser.SignedInPageAsync(email);
        await member.GotoAsync($"/evaluations/{roundId}");
        await member.GetByLabel("利害関係なし").CheckAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "申告する" }).ClickAsync();
        foreach (var criterion in new[] { "役割分担・対等性", "情報共有", "市民参加", "KPI達成度", "地域への効果", "費用対効果", "継続性" })
        {
            await member.GetByLabel($"{criterion} の点数").SelectOptionAsync("4");
        }

        await member.GetByLabel("総評").FillAsync("着実に実施され、参加者の就職にもつながった。");
        await member.GetByRole(AriaRole.Button, new() { Name = "提出" }).ClickAsync();
        Assert.Equal("評価票を提出しました。", await member.GetByRole(AriaRole.Status).InnerTextAsync());
        await AssertSheetReadableAsync(member);

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
        await group.GotoAsync("/");
        await Accessibility.AssertCleanAsync(group, "home-group-with-feedback.png");
        await group.Locator("#feedback-links a").ClickAsync();
        Assert.EndsWith($"/projects/{scenario.Project.Id}/years/{scenario.FirstYear}/feedback", group.Url, StringComparison.Ordinal);
        Assert.Equal("改善して継続", await group.Locator("#recommendation-value").InnerTextAsync());
        Assert.Equal("80.0", await group.Locator("#summary-table tfoot tr:last-child td").First.InnerTextAsync());
        await Accessibility.AssertCleanAsync(group, "evaluation-feedback.png");
    }

    /// <summary>
    /// The sheet beside the year's materials (an activity that differs from the plan, the budget with
    /// actuals): on a desktop the whole activity table, 計画との比較 included, is in view without
    /// scrolling and names and venues stay on one line; on a phone the activity table scrolls, and
    /// each table's region can be reached by keyboard and is named by its caption. axe runs at both widths.
    /// </summary>
    private static async Task AssertSheetReadableAsync(IPage sheet)
    {
        await Accessibility.AssertCleanAsync(sheet, "evaluation-sheet.png");
        var flag = sheet.Locator("#activity-log .deviation__flag");
        Assert.Equal("計画と異なる", await flag.InnerTextAsync());
        Assert.Equal(0, await sheet.Locator("#activity-log").EvaluateAsync<int>("t => t.parentElement.scrollWidth - t.parentElement.clientWidth"));
        Assert.Equal(0, await sheet.Locator("#budget-table").EvaluateAsync<int>("t => t.parentElement.scrollWidth - t.parentElement.clientWidth"));
        var row = sheet.Locator("#activity-log tbody tr").First;
        Assert.Equal(1, await LinesAsync(row.Locator("th")));
        Assert.Equal(1, await LinesAsync(row.Locator("td").Nth(1)));

        await sheet.SetViewportSizeAsync(390, 844);
        await sheet.ReloadAsync();
        foreach (var table in new[] { "#activity-log", "#budget-table" })
        {
            var wrap = sheet.Locator(table).Locator("xpath=..");
            Assert.Equal("0", await wrap.GetAttributeAsync("tabindex"));
            Assert.Equal("region", await wrap.GetAttributeAsync("role"));
            Assert.Equal(await sheet.Locator(table + " caption").InnerTextAsync() + "の表", await wrap.GetAttributeAsync("aria-label"));
            await wrap.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, $"evaluation-sheet-phone-{table[1..]}.png") });
        }

        Assert.True(await sheet.Locator("#activity-log").EvaluateAsync<bool>("t => t.parentElement.scrollWidth > t.parentElement.clientWidth"), "the phone check should cover a table that scrolls");

        await Accessibility.AssertCleanAsync(sheet, "evaluation-sheet-phone.png");
        await sheet.SetViewportSizeAsync(1280, 900);
    }

    /// <summary>How many lines the element's text takes.</summary>
    private static Task<int> LinesAsync(ILocator cell) => cell.EvaluateAsync<int>("""
        c => { const r = document.createRange(); r.selectNodeContents(c); return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }
        """);
}
