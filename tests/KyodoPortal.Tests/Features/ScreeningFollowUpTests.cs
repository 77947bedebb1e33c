using KyodoPortal.Tests.Support.Scenarios;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// What follows the scoring on the demo city's screening: the reminder to the member who has not
/// finished, the score-table export, and publishing the ranking (scores stay internal until then).
/// </summary>
[Trait("Category", "Database")]
public sealed class ScreeningFollowUpTests
{
    private static readonly string[] DemoTitles = ["若者の就労体験と定着支援", "子ども食堂と学習支援の居場所づくり", "海岸と森の環境学習"];

    [Fact]
    public async Task The_reminder_goes_only_to_the_member_who_has_not_finished_and_lists_what_is_left()
    {
        using var factory = new DemoWebFactory();
        using var coordinator = await factory.SignedInAsAsync("coordinator@example.jp");
        var dashboard = await coordinator.GetPageAsync(await ScreeningUrlAsync(coordinator));
        Assert.Contains("評価委員が 1 名います。", dashboard.Text("#reminder-form"), StringComparison.Ordinal);
        Assert.Null(dashboard.QuerySelector("#last-reminder"));

        var sent = await coordinator.SubmitAndFollowAsync(dashboard, "#reminder-form");

        Assert.Equal("1 名の評価委員に督促メールを送信しました。", sent.Text("[role=status]"));
        Assert.NotNull(sent.QuerySelector("#last-reminder"));
        var reminders = PickupMail.ReadAll(factory.DataFolder).Where(m => m.Subject.StartsWith("【協働ポータル】評価票のご提出のお願い", StringComparison.Ordinal)).ToList();
        var reminder = Assert.Single(reminders);
        Assert.Equal("committee@example.jp", reminder.To);
        Assert.All(DemoTitles, title => Assert.Contains("・" + title, reminder.Body, StringComparison.Ordinal));
        Assert.Contains("/screening/", reminder.Body, StringComparison.Ordinal);

        // The member finishes one proposal: the next reminder lists only the two left.
        using var member = await factory.SignedInAsAsync("committee@example.jp");
        var panelUrl = (await member.GetPageAsync("/screening")).QuerySelector("main table a[href^='/screening/']")!.GetAttribute("href")!;
        var sheet = await member.SubmitAndFollowAsync(await member.GetPageAsync(panelUrl), "form[action$='/declare']", ("Input.HasConflict", "false"));
        var scoredTitle = sheet.Text("h1")!;
        await member.SubmitAndFollowAsync(sheet, "main form.form--wide",
            ("Input.Criteria[0].Points", "4"), ("Input.Criteria[1].Points", "4"), ("Input.Criteria[2].Points", "4"), ("Input.Action", "submit"));
        await coordinator.SubmitAndFollowAsync(await coordinator.GetPageAsync(await ScreeningUrlAsync(coordinator)), "#reminder-form");
        var second = PickupMail.ReadAll(factory.DataFolder).Where(m => m.Subject.StartsWith("【協働ポータル】評価票のご提出のお願い", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, second.Count);
        var latest = second.Single(m => m != reminder);
        Assert.Equal(2, DemoTitles.Count(title => latest.Body.Contains("・" + title, StringComparison.Ordinal)));
        Assert.DoesNotContain(DemoTitles.Single(t => scoredTitle.Contains(t, StringComparison.Ordinal)), latest.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_score_table_lists_every_sheet_with_points_per_criterion_and_whether_it_counts()
    {
        using var factory = new DemoWebFactory();
        using var coordinator = await factory.SignedInAsAsync("coordinator@example.jp");
        var url = await ScreeningUrlAsync(coordinator);

        using var csv = await coordinator.Http.GetAsync(url + "/scores/export?format=csv");
        using var xlsx = await coordinator.Http.GetAsync(url + "/scores/export?format=xlsx");
        using var bad = await coordinator.Http.GetAsync(url + "/scores/export?format=pdf");

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("事業名,評価委員,状態,集計,", lines[0], StringComparison.Ordinal);
        Assert.Contains("点満点・重み", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",委員の得点,コメント,総評", lines[0], StringComparison.Ordinal);

        // Two members scored all three proposals, one of them is recused on the third: five sheets.
        Assert.Equal(6, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.Contains(",提出済み,集計対象,", line, StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(line => line.StartsWith(DemoTitles[0] + ",", StringComparison.Ordinal)));
        Assert.Single(lines, line => line.StartsWith(DemoTitles[2] + ",", StringComparison.Ordinal));

        using var member = await factory.SignedInAsAsync("committee@example.jp");
        using var refused = await member.Http.GetAsync(url + "/scores/export?format=csv");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Scores_stay_internal_until_the_coordinator_publishes_the_ranking()
    {
        using var factory = new DemoWebFactory();
        using var coordinator = await factory.SignedInAsAsync("coordinator@example.jp");
        var url = await ScreeningUrlAsync(coordinator);
        var callUrl = url[..^"/screening".Length];
        await coordinator.SubmitAndFollowAsync(await coordinator.GetPageAsync(url), "#close-form");
        var decisions = await coordinator.GetPageAsync(url + "/decisions");
        Assert.Null(decisions.QuerySelector("#publish-form"));
        Assert.Contains("すべての提案の採否を決定すると", decisions.Text("#publication"), StringComparison.Ordinal);

        // Decide in ranking order: the first selected, the others not (no reason needed in order).
        var proposalIds = decisions.QuerySelectorAll("form.decision-form").Select(f => f.GetAttribute("action")!.Split('/').Last()).ToList();
        Assert.Equal(3, proposalIds.Count);
        for (var i = 0; i < proposalIds.Count; i++)
        {
            decisions = await coordinator.SubmitAndFollowAsync(decisions, $"form[action$='/decisions/{proposalIds[i]}']",
                ("Decision.Selected", i == 0 ? "true" : "false"), ("Decision.Reason", i == 0 ? "最も評価が高い。" : "採択は予算の範囲で1件のため。"));
        }

        // Decided but not published: the public sees the selected proposal only, the group no score.
        using var anonymous = factory.CreatePageClient();
        var callPage = await anonymous.GetPageAsync(callUrl);
        Assert.NotNull(callPage.QuerySelector($"a#results-link[href='{callUrl}/results']"));
        var results = await anonymous.GetPageAsync(callUrl + "/results");
        Assert.Equal([DemoTitles[0]], results.Texts("#results tbody th"));
        Assert.DoesNotContain("得点", results.Text("#results thead"), StringComparison.Ordinal);
        using var group = await factory.SignedInAsAsync("group@example.jp");
        var proposal = await group.GetPageAsync($"/proposals/{proposalIds[0]}");
        Assert.Null(proposal.QuerySelector("#decision-score"));
        Assert.Null(proposal.QuerySelector("#decision-rank"));

        var published = await coordinator.SubmitAndFollowAsync(decisions, "#publish-form");
        Assert.Equal("順位と得点を公表しました。提案者と公開の選考結果ページで見られます。", published.Text("[role=status]"));

        results = await anonymous.GetPageAsync(callUrl + "/results");
        var rows = results.QuerySelectorAll("#results tbody tr").Select(r => r.Texts("td, th")).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["1位", DemoTitles[0]], rows[0].Take(2));
        Assert.Equal("採択", rows[0][^1]);
        Assert.Equal(["不採択", "不採択"], rows.Skip(1).Select(r => r[^1]));
        Assert.Matches(@"^\d{1,3}\.\d$", rows[0][3]);
        proposal = await group.GetPageAsync($"/proposals/{proposalIds[0]}");
        Assert.Equal("1位", proposal.Text("#decision-rank"));
        Assert.Equal(rows[0][3], proposal.Text("#decision-score"));

        // Withdrawn: internal again.
        var withdrawn = await coordinator.SubmitAndFollowAsync(published, "#unpublish-form");
        Assert.Equal("順位と得点の公表を取り消しました。", withdrawn.Text("[role=status]"));
        Assert.Null((await group.GetPageAsync($"/proposals/{proposalIds[0]}")).QuerySelector("#decision-score"));
        Assert.Single((await anonymous.GetPageAsync(callUrl + "/results")).QuerySelectorAll("#results tbody tr"));
    }

    [Fact]
    public async Task Publishing_before_every_decision_is_refused_and_there_are_no_results_before_a_decision()
    {
        using var factory = new DemoWebFactory();
        using var coordinator = await factory.SignedInAsAsync("coordinator@example.jp");
        var url = await ScreeningUrlAsync(coordinator);
        var callUrl = url[..^"/screening".Length];
        using var anonymous = factory.CreatePageClient();
        await anonymous.GetPageAsync(callUrl + "/results", HttpStatusCode.NotFound);

        var closed = await coordinator.SubmitAndFollowAsync(await coordinator.GetPageAsync(url), "#close-form");
        var decisions = await coordinator.GetPageAsync(url + "/decisions");
        var token = decisions.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        using var response = await coordinator.Http.PostAsync(url + "/decisions/publication", content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await coordinator.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("すべての提案の採否を決定してから順位を公表してください。", after.Text("[role=alert]"));
        await anonymous.GetPageAsync(callUrl + "/results", HttpStatusCode.NotFound);
        Assert.NotNull(closed.QuerySelector("#decisions-link"));
    }

    [Fact]
    public async Task A_member_who_declared_no_conflict_downloads_the_attachments_a_recused_member_cannot()
    {
        using var factory = new DemoWebFactory();
        var proposalId = await factory.QueryAsync(db => db.Proposals.Where(p => p.Title == DemoTitles[2]).Select(p => p.Id).SingleAsync());

        using var member = await factory.SignedInAsAsync("committee2@example.jp");
        var panelUrl = (await member.GetPageAsync("/screening")).QuerySelector("main table a[href^='/screening/']")!.GetAttribute("href")!;
        var sheet = await member.GetPageAsync($"{panelUrl}/proposals/{proposalId}/sheet");
        var link = sheet.QuerySelector("#attachments a")!;
        Assert.Equal("収支予算書.pdf", link.TextContent);
        using var download = await member.Http.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(await download.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        using var recused = await factory.SignedInAsAsync("committee3@example.jp");
        using var refused = await recused.Http.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        // Not yet declared: back to the panel page to declare first, nothing downloaded.
        using var undeclared = await factory.SignedInAsAsync("committee@example.jp");
        using var notYet = await undeclared.Http.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, notYet.StatusCode);
        Assert.Equal(panelUrl, notYet.Headers.Location!.OriginalString);

        using var group = await factory.SignedInAsAsync("group@example.jp");
        using var notAMember = await group.Http.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Forbidden, notAMember.StatusCode);
        using var otherAttachment = await member.Http.GetAsync($"{panelUrl}/proposals/{proposalId}/attachments/999999");
        Assert.Equal(HttpStatusCode.NotFound, otherAttachment.StatusCode);
    }

    private static async Task<string> ScreeningUrlAsync(PageClient coordinator)
    {
        var calls = await coordinator.GetPageAsync("/calls");
        var underScreening = calls.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains("審査中", StringComparison.Ordinal));
        return underScreening.QuerySelector("a")!.GetAttribute("href") + "/screening";
    }
}

/// <summary>The reminder cannot be sent (the relay is down): the reminder is recorded and the coordinator told how many did not get it.</summary>
[Trait("Category", "Database")]
public sealed class ScreeningFollowUpMailFailureTests(UnreachableRelayFactory factory) : IClassFixture<UnreachableRelayFactory>
{
    [Fact]
    public async Task A_reminder_that_cannot_be_sent_is_a_warning_on_the_dashboard()
    {
        var scenario = await ScreeningScenario.For(factory).WithProposals("公園の花壇づくり", "防災マップ作り").BuildAsync();
        var members = await scenario.AddCommitteeMembersAsync(2);
        await scenario.StartScreeningAsync([.. members.Select(m => m.Id)]);
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var dashboard = await coordinator.GetPageAsync($"/calls/{scenario.Call.Id}/screening");

        var after = await coordinator.SubmitAndFollowAsync(dashboard, "#reminder-form");

        Assert.Equal("2 名への督促メールを送信できませんでした。別の方法でお知らせください。", after.Text("[data-flash=warning]"));
        Assert.Equal("0 名の評価委員に督促メールを送信しました。", after.Text("[role=status]"));
        Assert.NotNull(after.QuerySelector("#last-reminder"));
        Assert.Equal(2, PickupMail.ReadUndelivered(factory.DataFolder).Count(m => m.Subject.StartsWith("【協働ポータル】評価票のご提出のお願い", StringComparison.Ordinal)));
    }
}
