using KyodoPortal.Tests.Support.Scenarios;
using System.Globalization;
using KyodoPortal.Domain.Common;
using KyodoPortal.Tests.Support;
using Microsoft.Playwright;

namespace KyodoPortal.Tests.Browser;

/// <summary>
/// Issue 5's journey in a real browser: the group records a seminar with 7 of 20 attendees (free,
/// against a planned 1,000円 — flagged) and files the year's report; the coordinator returns it, the
/// group resubmits, the coordinator accepts. Every page on the way passes axe.
/// </summary>
[Trait("Category", "Browser")]
public sealed class Seed000JourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_group_records_a_seminar_files_the_report_and_the_coordinator_returns_then_accepts_it()
    {
        var s = await ProjectScenario.CreateAsync(browser.App);
        var yearUrl = $"{s.ProjectUrl}/years/{s.FirstYear}";
        var reportUrl = $"{s.ProjectUrl}/reports/{s.FirstYear}";
        var group = await browser.SignedInPageAsync(s.GroupMemberEmail);

        await group.GotoAsync(yearUrl);
        await group.GetByRole(AriaRole.Link, new() { Name = "記録を追加" }).ClickAsync();
        var seminarDay = new FiscalYear(s.FirstYear).FirstDay.AddDays(45);
        await group.GetByLabel("実施日").FillAsync(seminarDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await group.GetByLabel("名称").FillAsync("第1回 就職支援セミナー");
        await group.GetByLabel("定員").FillAsync("20");
        await group.GetByLabel("参加者数").FillAsync("7");
        await group.GetByLabel("参加費（1人あたり）").FillAsync("0");
        await group.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        var log = await group.Locator("#activity-log").InnerTextAsync();
        Assert.Contains("35.0%", log, StringComparison.Ordinal);
        Assert.Contains("参加費が計画と異なります（計画 1,000円、実際 0円）", log, StringComparison.Ordinal);
        await Accessibility.AssertCleanAsync(group, "seed000-year.png");

        await group.GotoAsync(reportUrl);
        await group.GetByRole(AriaRole.Button, new() { Name = "報告書を作成" }).ClickAsync();
        await group.GetByLabel("実施内容の概要").FillAsync("就職支援セミナーを開催し、4人が就職した。");
        await group.GetByLabel("課題・反省点").FillAsync("第1回は定員20人に対し7人。参加費を取らなかったが、計画変更の申請をしていなかった。");
        await group.GetByLabel("参加者数 の実績値").FillAsync("7");
        foreach (var (label, amount) in new[] { ("市負担金（市負担金） の決算額", "300000"), ("参加費（セミナー参加費） の決算額", "0"), ("報償費（講師謝礼） の決算額", "180000"), ("使用料（会場使用料） の決算額", "120000"), ("需用費（教材印刷費） の決算額", "0") })
        {
            await group.GetByLabel(label).FillAsync(amount);
        }

        await group.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        Assert.Equal("報告を保存しました。", await group.GetByRole(AriaRole.Status).InnerTextAsync());
        await group.GetByRole(AriaRole.Button, new() { Name = "提出する" }).ClickAsync();
        Assert.Equal("提出済み", await group.Locator("#report-status").InnerTextAsync());
        Assert.Contains("参加費が計画と異なります（計画 1,000円、実際 0円）", await group.Locator("#activities").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertCleanAsync(group, "seed000-report-submitted.png");

        var office = await browser.SignedInPageAsync(s.CoordinatorEmail);
        await office.GotoAsync(reportUrl);
        await office.GetByLabel("差戻しの理由・修正してほしい点").FillAsync("参加費を無料にした理由と、計画変更の手続きをとらなかった経緯を追記してください。");
        await office.GetByRole(AriaRole.Button, new() { Name = "差し戻す" }).ClickAsync();
        Assert.Equal("差戻し", await office.Locator("#report-status").InnerTextAsync());
        await Accessibility.AssertCleanAsync(office, "seed000-report-returned.png");

        await group.GotoAsync(reportUrl);
        Assert.Equal(1, await group.Locator("#edit-report").CountAsync());
        Assert.Contains("計画変更の手続きをとらなかった経緯", await group.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await group.GetByLabel("修正した点（任意）").FillAsync("参加費を無料にした経緯を課題・反省点に追記しました。");
        await group.GetByRole(AriaRole.Button, new() { Name = "再提出する" }).ClickAsync();
        Assert.Equal("再提出", await group.Locator("#report-status").InnerTextAsync());

        await office.GotoAsync(reportUrl);
        await OneWay.TickAsync(office, "#accept-form");
        await office.GetByRole(AriaRole.Button, new() { Name = "受理する" }).ClickAsync();
        Assert.Equal("受理", await office.Locator("#report-status").InnerTextAsync());
        await Accessibility.AssertCleanAsync(office, "seed000-report-accepted.png");

        // Accepted: read-only for the group (no edit link; the edit page answers 403).
        await group.GotoAsync(reportUrl);
        Assert.Equal(0, await group.Locator("#edit-report").CountAsync());
        var edit = await group.GotoAsync(reportUrl + "/edit");
        Assert.Equal(403, edit!.Status);
    }
}
