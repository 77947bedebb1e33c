using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Tests.Domain;
using KyodoPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KyodoPortal.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class ProposalJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_group_member_writes_and_submits_a_two_year_proposal_and_every_form_passes_axe()
    {
        var department = await browser.App.AddDepartmentAsync("商工課");
        var group = await browser.App.AddGroupAsync("NPO法人 湘南就労サポートネット");
        await browser.App.CreateUserAsync("proposer-browser@example.jp", [KyodoRoles.GroupMember], departmentId: null, groupId: group.Id);
        var call = new Call("令和9年度 市民活動団体提案協働事業", ProposalType.GroupProposal, 2027, DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(30), 900_000, 300_000, 3, "提案書と収支予算書を作成してください。");
        call.ReplaceCriteria([new ScreeningCriterionDraft("公益性", "市民全体の利益になるか", 2, 5)]);
        call.Publish();
        await browser.App.AddAsync(call);
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/account/login");
        await page.GetByLabel("メールアドレス").FillAsync("proposer-browser@example.jp");
        await page.GetByLabel("パスワード").FillAsync(KyodoWebFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "募集", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "令和9年度 市民活動団体提案協働事業" }).ClickAsync();
        await Accessibility.AssertCleanAsync(page, "call.png");
        await page.GetByRole(AriaRole.Link, new() { Name = "この募集に提案する" }).ClickAsync();
        await Accessibility.AssertCleanAsync(page, "proposal-new.png");
        await page.GetByLabel("事業名").FillAsync("就労支援セミナー事業");
        await page.GetByLabel("協働する担当課").SelectOptionAsync(new SelectOptionValue { Label = "商工課" });
        await page.GetByRole(AriaRole.Button, new() { Name = "下書きを作成する" }).ClickAsync();

        await Accessibility.AssertCleanAsync(page, "proposal-overview.png");
        await page.GetByLabel("背景・地域の課題").FillAsync("就労に困難を抱える若者の相談先が少ない。");
        await page.GetByLabel("事業の目的").FillAsync("セミナーと職場体験で就労と定着を支援する。");
        await page.GetByLabel("対象者・受益者").FillAsync("市内の若者");
        await page.GetByLabel("実施期間（年度数）").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();

        await page.GotoAsync(page.Url + "/plan");
        await Accessibility.AssertCleanAsync(page, "proposal-plan.png");
        await page.GetByLabel("活動 1 の名称").FillAsync("就労支援セミナー");
        await page.GetByLabel("活動 1 の年間回数").FillAsync("6");
        await page.GetByLabel("活動 1 の定員").FillAsync("20");
        await page.GetByLabel("令和9年度").FillAsync("セミナー6回");
        await page.GetByLabel("令和10年度").FillAsync("セミナー6回と定着支援");
        await page.GetByLabel("役割分担 1 の項目").FillAsync("広報");
        await page.GetByLabel("役割分担 1 の団体の役割").FillAsync("チラシ作成");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        var proposalUrl = page.Url;

        await page.GotoAsync(proposalUrl + "/budget");
        var row = 1;
        foreach (var year in new[] { "令和9年度", "令和10年度" })
        {
            await BudgetLineAsync(page, row++, year, "市負担金", "市負担金", amount: "300000");
            await BudgetLineAsync(page, row++, year, "参加費", "セミナー参加費", unitPrice: "1000", quantity: "120");
            await BudgetLineAsync(page, row++, year, "報償費", "講師謝礼", amount: "420000");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        Assert.Equal("保存しました。", await page.GetByRole(AriaRole.Status).InnerTextAsync());

        await page.GotoAsync(proposalUrl + "/kpis");
        await Accessibility.AssertCleanAsync(page, "proposal-kpis.png");
        await page.GetByLabel("指標名").First.FillAsync("就労者数");
        await page.GetByLabel("種類").First.SelectOptionAsync(new SelectOptionValue { Label = "定量" });
        await page.GetByLabel("単位").First.FillAsync("人");
        await page.GetByLabel("成果指標 1 の令和9年度の目標値").FillAsync("4");
        await page.GetByLabel("成果指標 1 の令和10年度の目標値").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();

        await page.GotoAsync(proposalUrl + "/budget");
        await Accessibility.AssertCleanAsync(page, "proposal-budget.png");
        await page.GotoAsync(proposalUrl);
        await page.GetByLabel("追加するファイル").SetInputFilesAsync(new FilePayload
        {
            Name = "収支予算書.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "ファイルを添付する" }).ClickAsync();
        Assert.Equal("添付ファイル「収支予算書.pdf」を追加しました。", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        await Accessibility.AssertCleanAsync(page, "proposal-ready.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "提出する" }).ClickAsync();
        Assert.Equal("提案を提出しました。", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal("提出済み", await page.Locator("#proposal-status").InnerTextAsync());
    }

    [Fact]
    public async Task A_group_member_reading_English_sees_what_is_missing_and_why_submitting_is_refused_in_English()
    {
        const int year = 2027;
        var department = await browser.App.AddDepartmentAsync("商工課" + Guid.NewGuid().ToString("N")[..6]);
        var group = await browser.App.AddGroupAsync("NPO法人 英語で読む会" + Guid.NewGuid().ToString("N")[..6]);
        var email = $"english-proposer-{Guid.NewGuid():N}@example.jp";
        await browser.App.CreateUserAsync(email, [KyodoRoles.GroupMember], departmentId: null, groupId: group.Id);
        var call = new Call("令和9年度 英語表示の募集", ProposalType.GroupProposal, year, DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(30), 900_000, 300_000, 3, null);
        call.ReplaceCriteria([new ScreeningCriterionDraft("公益性", null, 2, 5)]);
        call.Publish();
        await browser.App.AddAsync(call);
        var now = DateTime.UtcNow;
        var incomplete = new Proposal(call, "就労支援セミナー事業", group.Id, department.Id, "seed", now);
        incomplete.UpdateOverview("就労支援セミナー事業", "背景", null, "対象者", year, 2, group.Id, department.Id, now);
        incomplete.ReplaceSchedule([new ScheduleItemDraft(year, "初年度")], now);
        incomplete.ReplaceBudget([.. Recipes.Seed000BudgetYear(year), .. Recipes.Seed000BudgetYear(year + 3)], now);
        await browser.App.AddAsync(incomplete);
        var complete = Recipes.Complete(new Proposal(call, "地域食堂事業", group.Id, department.Id, "seed", now), year, 2, group.Id, department.Id, now);
        await browser.App.AddAsync(complete);
        var page = await browser.SignedInPageAsync(email);
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await page.GotoAsync($"/proposals/{incomplete.Id}");
        var problems = await page.Locator("#submission-problems li").AllInnerTextsAsync();
        Assert.Contains("The project's purpose is missing.", problems);
        Assert.Contains("The schedule for FY2028 is missing.", problems);
        Assert.Contains("A budget has been entered for a year outside the project term (FY2030).", problems);
        Assert.Contains("No KPIs have been set.", problems);
        await Accessibility.AssertCleanAsync(page, "proposal-problems-english.png");

        // The page was opened while the call was open; the call closes before the member presses the button.
        await page.GotoAsync($"/proposals/{complete.Id}");
        await browser.App.QueryAsync(db => db.Calls.Where(c => c.Id == call.Id).ExecuteUpdateAsync(set => set.SetProperty(c => c.ClosesAtUtc, DateTime.UtcNow.AddMinutes(-1))));
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
        Assert.Equal("The call is not open: the proposal cannot be submitted.", (await page.Locator(".alert--error[role=alert]").InnerTextAsync()).Trim());
    }

    private static async Task BudgetLineAsync(IPage page, int row, string year, string category, string item, string? amount = null, string? unitPrice = null, string? quantity = null)
    {
        await page.GetByLabel($"明細 {row} の年度").SelectOptionAsync(new SelectOptionValue { Label = year });
        await page.GetByLabel($"明細 {row} の費目").SelectOptionAsync(new SelectOptionValue { Label = category });
        await page.GetByLabel($"明細 {row} の内訳").FillAsync(item);
        if (amount is not null)
        {
            await page.GetByLabel($"明細 {row} の金額").FillAsync(amount);
        }

        if (unitPrice is not null)
        {
            await page.GetByLabel($"明細 {row} の単価").FillAsync(unitPrice);
            await page.GetByLabel($"明細 {row} の数量").FillAsync(quantity!);
        }
    }

}
