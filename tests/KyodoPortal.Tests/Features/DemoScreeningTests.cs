using AngleSharp.Dom;
using KyodoPortal.Tests.Support;
using Xunit.Abstractions;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// The demo city's screening from start to finish, as its users would run it: the third committee
/// member declares and scores, the coordinator closes and decides, the group reads the result.
/// </summary>
[Trait("Category", "Database")]
public sealed class DemoScreeningTests(ITestOutputHelper output)
{
    private const string DemoPassword = DemoWebFactory.DemoPassword;

    [Fact]
    public async Task A_full_screening_runs_on_the_demo_data_and_the_group_reads_the_decision()
    {
        using var factory = new DemoWebFactory();
        using var member = factory.CreatePageClient();
        await member.SignInAsync("committee@example.jp", DemoPassword);

        var panelUrl = (await member.GetPageAsync("/screening")).QuerySelector("main table a[href^='/screening/']")!.GetAttribute("href")!;
        for (var scored = 0; scored < 3; scored++)
        {
            var panel = await member.GetPageAsync(panelUrl);
            var sheet = await member.SubmitAndFollowAsync(panel, "form[action$='/declare']", ("Input.HasConflict", "false"));
            var points = new[] { "5", "4", "3" }[scored];
            var done = await member.SubmitAndFollowAsync(sheet, "main form.form--wide",
                ("Input.Criteria[0].Points", points), ("Input.Criteria[1].Points", "4"), ("Input.Criteria[2].Points", "4"), ("Input.Action", "submit"));
            Assert.Equal("評価票を提出しました。", done.Text("[role=status]"));
        }

        using var coordinator = factory.CreatePageClient();
        await coordinator.SignInAsync("coordinator@example.jp", DemoPassword);
        var callUrl = (await coordinator.GetPageAsync("/calls")).QuerySelectorAll("tbody a").Select(a => a.GetAttribute("href")!).First(h => h.StartsWith("/calls/", StringComparison.Ordinal));
        var dashboard = await coordinator.GetPageAsync(await ScreeningUrlAsync(coordinator));
        var closed = await coordinator.SubmitAndFollowAsync(dashboard, "#close-form");
        foreach (var row in closed.QuerySelectorAll("#ranking tbody tr"))
        {
            output.WriteLine(string.Join(" | ", row.Children.Select(c => Collapse(c.TextContent))));
        }

        var ranking = closed.QuerySelectorAll("#ranking tbody tr").ToList();
        Assert.Equal(3, ranking.Count);
        Assert.Equal("1位", Collapse(ranking[0].Children[0].TextContent));

        var decisions = await coordinator.GetPageAsync(await ScreeningUrlAsync(coordinator) + "/decisions");
        var top = decisions.QuerySelectorAll("form.decision-form")[0];
        var decided = await coordinator.SubmitAndFollowAsync(decisions, $"form[action='{top.GetAttribute("action")}']", ("Decision.Selected", "true"), ("Decision.Reason", "最も評価が高く、市の課題に合致する。"));
        Assert.Contains("採択としました", decided.Text("[role=status]"), StringComparison.Ordinal);
        var proposalId = top.GetAttribute("action")!.Split('/').Last();

        var mails = PickupMail.ReadAll(factory.DataFolder);
        Assert.Contains(mails, m => m.Subject.StartsWith("【協働ポータル】選考結果のお知らせ", StringComparison.Ordinal) && m.Body.Contains("採択", StringComparison.Ordinal));
        foreach (var mail in mails)
        {
            output.WriteLine($"mail to {mail.To}: {mail.Subject}");
        }

        const string groupEmail = "group@example.jp";
        Assert.Contains(mails, m => m.To.Contains(groupEmail, StringComparison.Ordinal) && m.To.Contains("staff@example.jp", StringComparison.Ordinal));
        using var group = factory.CreatePageClient();
        await group.SignInAsync(groupEmail, DemoPassword);
        var proposalPage = await group.GetPageAsync($"/proposals/{proposalId}");
        Assert.Contains("採択", proposalPage.Text("#screening-decision"), StringComparison.Ordinal);
        Assert.Contains("最も評価が高く", proposalPage.Text("#screening-decision"), StringComparison.Ordinal);
        Assert.Null(proposalPage.QuerySelector("#ranking"));
        var print = await group.GetPageAsync($"/proposals/{proposalId}/print");
        Assert.Contains("採択", print.Text("#print-decision-heading + p"), StringComparison.Ordinal);
        output.WriteLine($"group {groupEmail} reads: {proposalPage.Text("#screening-decision")} (call {callUrl})");
    }

    private static async Task<string> ScreeningUrlAsync(PageClient coordinator)
    {
        var calls = await coordinator.GetPageAsync("/calls");
        var underScreening = calls.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains("審査中", StringComparison.Ordinal));
        return underScreening.QuerySelector("a")!.GetAttribute("href") + "/screening";
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
