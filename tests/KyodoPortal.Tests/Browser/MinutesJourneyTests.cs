using KyodoPortal.Tests.Domain.Meetings;
using KyodoPortal.Tests.Features;
using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Tests.Support;
using Microsoft.Playwright;

namespace KyodoPortal.Tests.Browser;

/// <summary>
/// The report meeting's minutes in a real browser: the coordinator records three of seed 000's
/// exchanges with answers by the department and the group, approves and publishes them; the
/// public page shows them; every page passes axe.
/// </summary>
[Trait("Category", "Browser")]
public sealed class MinutesJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_coordinator_records_three_exchanges_publishes_them_and_the_public_reads_them()
    {
        var s = await ProjectScenario.CreateAsync(browser.App);
        var held = await MeetingScenario.HeldMeetingAsync(s);
        var office = await browser.SignedInPageAsync(s.CoordinatorEmail);

        await office.GotoAsync("/meetings");
        await Accessibility.AssertCleanAsync(office, "meetings-list.png");
        await office.GotoAsync("/meetings/new");
        await office.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        await Accessibility.AssertCleanAsync(office, "meetings-form-with-errors.png");
        await office.GotoAsync($"/meetings/{held.Id}");
        await Accessibility.AssertCleanAsync(office, "meetings-meeting.png");

        await office.GetByRole(AriaRole.Link, new() { Name = "議事録（質疑応答）を作成" }).ClickAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "議事録を作成" }).ClickAsync();
        Assert.Equal("下書き", await office.Locator("#minutes-status").InnerTextAsync());

        var exchanges = new[]
        {
            (MeetingBuilder.Question1, $"Department|{s.Department.Name}", "課長", MeetingBuilder.Answer1),
            (MeetingBuilder.Question2, $"Department|{s.Department.Name}", string.Empty, MeetingBuilder.Answer2),
            (MeetingBuilder.Question4, "Group|団体", "代表", MeetingBuilder.Answer4),
        };
        foreach (var (question, party, role, answer) in exchanges)
        {
            await office.Locator("#Row_Asker").SelectOptionAsync(held.MemberId);
            await office.Locator("#Row_Question").FillAsync(question);
            await office.GetByRole(AriaRole.Button, new() { Name = "追加する" }).ClickAsync();
            Assert.Equal("質疑応答を編集", await office.Locator("h1").InnerTextAsync());
            await office.Locator("#Answer_Party").SelectOptionAsync(party);
            await office.Locator("#Answer_SpeakerRole").FillAsync(role);
            await office.Locator("#Answer_Text").FillAsync(answer);
            await office.GetByRole(AriaRole.Button, new() { Name = "回答を追加", Exact = true }).ClickAsync();
            Assert.Equal("回答を追加しました。", await office.GetByRole(AriaRole.Status).InnerTextAsync());
            if (question == MeetingBuilder.Question4)
            {
                await office.GetByLabel("対応事項", new() { Exact = true }).FillAsync("就労人員をKPIに加えるか検討する");
                await office.GetByLabel("担当", new() { Exact = true }).FillAsync("団体・商工課");
                await office.GetByRole(AriaRole.Button, new() { Name = "対応事項を保存" }).ClickAsync();
                await Accessibility.AssertCleanAsync(office, "minutes-row-editor.png");
            }

            await office.GetByRole(AriaRole.Link, new() { Name = "議事録へ戻る" }).ClickAsync();
        }

        Assert.Equal(3, await office.Locator(".qa__row").CountAsync());
        await Accessibility.AssertCleanAsync(office, "minutes-draft.png");
        await office.GetByRole(AriaRole.Button, new() { Name = "当事者に確認を依頼" }).ClickAsync();
        Assert.Equal("確認中", await office.Locator("#minutes-status").InnerTextAsync());

        var group = await browser.SignedInPageAsync(s.GroupMemberEmail);
        await group.GotoAsync(held.MinutesUrl);
        await Accessibility.AssertCleanAsync(group, "minutes-circulated-for-the-group.png");

        await office.GetByRole(AriaRole.Button, new() { Name = "承認する" }).ClickAsync();
        await OneWay.TickAsync(office, "#publish-form");
        await office.GetByRole(AriaRole.Button, new() { Name = "公開する" }).ClickAsync();
        Assert.Equal("公開", await office.Locator("#minutes-status").InnerTextAsync());
        await Accessibility.AssertCleanAsync(office, "minutes-published.png");
        await office.GotoAsync($"{held.MinutesUrl}/print");
        await Accessibility.AssertCleanAsync(office, "minutes-print.png");

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/minutes");
        await Accessibility.AssertCleanAsync(visitor, "minutes-public-list.png");
        await visitor.Locator($"a[href='/minutes/{held.Id}']").ClickAsync();
        var text = await visitor.Locator("main").InnerTextAsync();
        Assert.Contains($"Ａ （{s.Department.Name}課長）", text);
        Assert.Contains($"Ａ （団体代表）{MeetingBuilder.Answer4}", text);
        Assert.Contains("Ｑ 女性とは即ち主婦なのか。", text);
        await Accessibility.AssertCleanAsync(visitor, "minutes-public-page.png");
    }
}
