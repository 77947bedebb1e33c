using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Tests.Domain;
using KyodoPortal.Tests.Support;
using Microsoft.Playwright;

namespace KyodoPortal.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class ScreeningJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int Year = 2027;

    [Fact]
    public async Task A_committee_member_declares_no_conflict_and_submits_a_sheet_and_every_page_passes_axe()
    {
        var now = DateTime.UtcNow;
        var insideWindow = now.AddDays(-10);
        var member = await browser.App.CreateUserAsync("iin-browser@example.jp", KyodoRoles.CommitteeMember);
        var group = await browser.App.AddGroupAsync("NPO法人 まちの縁側ネット");
        var department = await browser.App.AddDepartmentAsync("地域福祉課");
        var call = new Call("令和9年度 市民活動団体提案協働事業（審査）", ProposalType.GroupProposal, Year, now.AddDays(-20), now.AddDays(-1), 600_000, 300_000, 3, null);
        call.ReplaceCriteria([new ScreeningCriterionDraft("公益性", "市民全体の利益になるか", 2, 5), new ScreeningCriterionDraft("実現可能性", null, 1, 10)]);
        call.Publish();
        call.StartScreening(now);
        await browser.App.AddAsync(call);
        var proposal = new Proposal(call, "商店街の居場所づくり事業", group.Id, department.Id, "seed", insideWindow);
        proposal.UpdateOverview("商店街の居場所づくり事業", "空き店舗が増えている。", "高齢者の居場所をつくる。", "高齢者", Year, 2, group.Id, department.Id, insideWindow);
        proposal.ReplaceActivities([new ActivityDraft("ふれあいサロン", 24, 15)], insideWindow);
        proposal.ReplaceSchedule([new ScheduleItemDraft(Year, "初年度"), new ScheduleItemDraft(Year + 1, "2年度")], insideWindow);
        proposal.ReplaceRoleSplits([new RoleSplitDraft("広報", "チラシ", "広報紙")], insideWindow);
        proposal.ReplaceBudget([.. ProposalBuilder.BalancedYear(Year), .. ProposalBuilder.BalancedYear(Year + 1)], insideWindow);
        proposal.ReplaceKpis([new KpiDraft("サロン参加者数", KpiKind.Quantitative, "人", "参加者名簿", [new(Year, 300), new(Year + 1, 400)])], insideWindow);
        proposal.Submit(call, "seed", insideWindow);
        proposal.StartScreening("coordinator", now);
        await browser.App.AddAsync(proposal);
        var panel = new ScreeningPanel(call, OtherSheetsVisibility.AfterOwnSubmission, 1, null, now);
        panel.AddMember(member.Id, now);
        await browser.App.AddAsync(panel);
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/account/login");
        await page.GetByLabel("メールアドレス").FillAsync("iin-browser@example.jp");
        await page.GetByLabel("パスワード").FillAsync(KyodoWebFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "審査", Exact = true }).ClickAsync();
        await AssertAccessibleAsync(page, "screening-list.png");
        await page.GetByRole(AriaRole.Link, new() { Name = "令和9年度 市民活動団体提案協働事業（審査）" }).ClickAsync();
        await AssertAccessibleAsync(page, "screening-panel.png");

        await page.GetByLabel("利害関係あり（この提案の審査に加わらない）").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "申告する" }).ClickAsync();
        Assert.Contains("その内容を入力してください", await page.Locator("[data-valmsg-for='Input.Reason']").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "screening-declaration-error.png");

        await page.GetByLabel("利害関係なし", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "申告する" }).ClickAsync();
        await AssertAccessibleAsync(page, "screening-sheet.png");

        await page.GetByLabel("公益性 の点数").SelectOptionAsync(new SelectOptionValue { Label = "4 点" });
        await page.GetByLabel("該当なし（この基準では評価しない）").Nth(1).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提出", Exact = true }).ClickAsync();
        Assert.Contains("その理由をコメントに入力してください", await page.Locator("[data-valmsg-for='Input.Criteria[1].Comment']").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "screening-sheet-error.png");

        await page.GetByLabel("実現可能性 のコメント（「該当なし」の場合は必須）").FillAsync("事業計画が未確定のため評価できない。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提出", Exact = true }).ClickAsync();
        Assert.Equal("評価票を提出しました。", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal("提出済み", await page.Locator("#sheet-status").InnerTextAsync());
        Assert.Contains("80.0", await page.Locator("#own-score").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, "screening-sheet-submitted.png");
    }

    private static async Task AssertAccessibleAsync(IPage page, string screenshot)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, screenshot), FullPage = true });
        var violations = await Accessibility.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, page.Url + "\n" + string.Join('\n', violations));
    }
}
