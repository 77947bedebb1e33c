using System.Globalization;
using System.Net;
using System.Text;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// Issue 17 A: the period review as the coordinator, a committee member and a department use it —
/// open the review, assess, propose (修正 with its text), opinions, decide once, additions and the
/// table's downloads. Period 1 stays open here (starting period 2 is in <see cref="GuidelinePeriodStartTests"/>).
/// </summary>
[Trait("Category", "Database")]
public sealed class GuidelineReviewTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    private const string Fund = "市民活動を支援するための基金の設置";

    [Fact]
    public async Task The_coordinator_assesses_and_proposes_a_revision_a_member_writes_an_opinion_and_the_decision_is_made_once()
    {
        var scenario = await GuidelineScenario.CreateAsync(factory);
        var fund = scenario.MeasureIds[2];
        var member = await CommitteeMemberAsync();
        using var coordinator = await scenario.SignInAsync(scenario.CoordinatorEmail);
        var review = await OpenAsync(coordinator, fund);

        var assessed = await coordinator.SubmitAndFollowAsync(review, "#assessment form",
            ("Assessment.Implementation", "Implemented"), ("Assessment.Effectiveness", "High"), ("Assessment.Necessity", "NeedsChange"), ("Assessment.Results", "基金を設置し、寄附が集まった。"));
        Assert.Equal("実施状況と評価を保存しました。", assessed.Text("[role=status]"));

        var incomplete = await coordinator.SubmitAndFollowAsync(assessed, "#proposal form", ("Proposal.Choice", "Revise"), ("Proposal.Next.Title", ""), ("Proposal.Reasons", "使い道を広げる。"));
        Assert.Equal("次の期の施策名を入力してください。", incomplete.Text("[data-valmsg-for='Proposal.Next.Title']"));
        Assert.Equal("使い道を広げる。", incomplete.QuerySelector("#Proposal_Reasons")!.TextContent);
        var proposed = await coordinator.SubmitAndFollowAsync(incomplete, "#proposal form",
            ("Proposal.Next.Title", "市民活動支援基金の活用の拡大"), ("Proposal.Next.Description", "寄附の使い道を団体の提案で決めます。"));
        Assert.Equal("事務局案を保存しました。", proposed.Text("[role=status]"));
        Assert.Equal("市民活動支援基金の活用の拡大", proposed.QuerySelector("#Proposal_Next_Title")!.GetAttribute("value"));

        using var committee = factory.CreatePageClient();
        await committee.SignInAsync(member, KyodoWebFactory.Password);
        var home = await committee.GetPageAsync("/");
        Assert.Contains("/guideline/review", home.QuerySelectorAll(".site-nav a").Select(a => a.GetAttribute("href")));
        var table = await committee.FollowLinkAsync(home, ".site-nav a[href='/guideline/review']");
        Assert.Contains("修正", table.Text($"#review-table tr[data-measure='{fund}']"));
        var read = await committee.FollowLinkAsync(table, $"#review-table tr[data-measure='{fund}'] a");
        Assert.Null(read.QuerySelector("#assessment form, #proposal form, #decision form"));
        Assert.Contains("見直しが必要", read.Text("#assessment"));
        Assert.Contains("市民活動支援基金の活用の拡大", read.Text("#next-text"));
        var empty = await committee.SubmitAndFollowAsync(read, "#opinions form", ("Opinion.Text", " "));
        Assert.Equal("意見を入力してください。", empty.Text("[data-valmsg-for='Opinion.Text']"));
        var opinion = await committee.SubmitAndFollowAsync(empty, "#opinions form", ("Opinion.Text", "使い道の報告を毎年公表してほしい。"));
        Assert.Equal("意見を登録しました。", opinion.Text("[role=status]"));
        Assert.Contains("使い道の報告を毎年公表してほしい。", opinion.Text("#opinion-list"));
        Assert.Contains(member.Split('@')[0], opinion.Text("#opinion-list"));
        using (var assessByMember = await committee.PostWithTokenAsync(opinion, $"/guideline/reviews/{ReviewIdOf(table, fund)}/assessment", ("Assessment.Results", "書き換え")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, assessByMember.StatusCode);
        }

        using var staff = await scenario.SignInAsync(scenario.StaffEmail);
        await staff.GetPageAsync("/guideline/periods/1/review", HttpStatusCode.Forbidden);
        await staff.GetPageAsync($"/guideline/reviews/{ReviewIdOf(table, fund)}", HttpStatusCode.Forbidden);

        var withOpinion = await coordinator.GetPageAsync($"/guideline/reviews/{ReviewIdOf(table, fund)}");
        var unconfirmed = await coordinator.SubmitAndFollowAsync(withOpinion, "#decision form", ("Decision.Choice", "Revise"), ("Decision.Note", "委員会の意見を反映。"), (PageClient.ConfirmationField, ""));
        Assert.NotNull(unconfirmed.QuerySelector(".confirm-irreversible--error"));
        Assert.Equal("委員会の意見を反映。", unconfirmed.QuerySelector("#Decision_Note")!.TextContent);
        var decided = await coordinator.SubmitAndFollowAsync(unconfirmed, "#decision form");
        Assert.Equal("見直しを「修正」に決定しました。", decided.Text("[role=status]"));
        Assert.Equal("決定：修正", decided.Text("#review-state"));
        Assert.Null(decided.QuerySelector("#assessment form, #proposal form, #decision form, #opinions form"));

        var twice = await coordinator.SubmitAndFollowAsync(withOpinion, "#decision form", ("Decision.Choice", "Delete"));
        Assert.Contains("この施策の見直しはすでに「修正」に決定しています。", twice.Text("[role=alert]"));
        Assert.Equal(MeasureDecision.Revise, await factory.QueryAsync(db => db.MeasureReviews.Where(r => r.MeasureId == fund).Select(r => r.Decision).SingleAsync()));
        var late = await committee.SubmitAndFollowAsync(read, "#opinions form", ("Opinion.Text", "遅れた意見"));
        Assert.Contains("決定しているため変更できません。", late.Text("[role=alert]"));
        Assert.Equal(1, await factory.QueryAsync(db => db.MeasureReviews.Where(r => r.MeasureId == fund).SelectMany(r => r.Opinions).CountAsync()));

        var measurePage = await coordinator.GetPageAsync($"/guideline/measures/{fund}");
        Assert.Contains("修正", measurePage.Text("#measure-history"));
    }

    [Fact]
    public async Task An_addition_is_refused_without_area_or_class_saved_complete_and_withdrawn()
    {
        var scenario = await GuidelineScenario.CreateAsync(factory);
        using var coordinator = await scenario.SignInAsync(scenario.CoordinatorEmail);
        var form = await coordinator.GetPageAsync("/guideline/periods/1/review/new");
        var before = await factory.QueryAsync(db => db.MeasureReviews.CountAsync());

        var refused = await coordinator.SubmitAndFollowAsync(form, "#addition-form", ("Input.Next.Title", "若者の市民活動への参加の促進"), ("Input.Reasons", "意見交換会で多く出た。"));
        Assert.Equal("施策の分野を選んでください。", refused.Text("[data-valmsg-for='Input.Next.AreaId']"));
        Assert.Equal("施策の分類を選んでください。", refused.Text("[data-valmsg-for='Input.Next.ClassificationId']"));
        Assert.Equal("若者の市民活動への参加の促進", refused.QuerySelector("#Input_Next_Title")!.GetAttribute("value"));
        Assert.Equal(before, await factory.QueryAsync(db => db.MeasureReviews.CountAsync()));

        var area = refused.QuerySelector("#Input_Next_AreaId option:nth-child(4)")!.GetAttribute("value")!;
        var classification = refused.QuerySelector("#Input_Next_ClassificationId option:nth-child(2)")!.GetAttribute("value")!;
        var saved = await coordinator.SubmitAndFollowAsync(refused, "#addition-form", ("Input.Next.AreaId", area), ("Input.Next.ClassificationId", classification), ("Input.Next.IsPriority", "true"));
        Assert.Equal("追加の案「若者の市民活動への参加の促進」を登録しました。", saved.Text("[role=status]"));
        Assert.Contains("追加の案：若者の市民活動への参加の促進", saved.Text("h1"));
        Assert.Null(saved.QuerySelector("#assessment"));
        Assert.Equal(["Add"], saved.QuerySelectorAll("#decision input[name='Decision.Choice']").Select(i => i.GetAttribute("value")));

        var table = await coordinator.GetPageAsync("/guideline/periods/1/review");
        Assert.Contains("（追加の案）", table.Text("#review-table"));
        Assert.Contains("若者の市民活動への参加の促進", table.Text("#review-table"));

        var withdrawn = await coordinator.SubmitAndFollowAsync(saved, "#withdraw");
        Assert.Equal("追加の案「若者の市民活動への参加の促進」を取り下げました。", withdrawn.Text("[role=status]"));
        Assert.Equal(before, await factory.QueryAsync(db => db.MeasureReviews.CountAsync()));
    }

    [Fact]
    public async Task The_review_table_downloads_as_csv_with_a_bom_and_as_xlsx()
    {
        var scenario = await GuidelineScenario.CreateAsync(factory);
        using var coordinator = await scenario.SignInAsync(scenario.CoordinatorEmail);
        await OpenAsync(coordinator, scenario.MeasureIds[2]);

        using var csv = await coordinator.Http.GetAsync("/guideline/periods/1/review/export?format=csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("分野,第1期の施策,分類,重点施策,実施状況,効果,必要性,実施結果・評価,事務局案,委員の意見,決定,第2期の施策,第2期の分類", text, StringComparison.Ordinal);
        Assert.Contains(Fund, text, StringComparison.Ordinal);

        using var xlsx = await coordinator.Http.GetAsync("/guideline/periods/1/review/export?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var bad = await coordinator.Http.GetAsync("/guideline/periods/1/review/export?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    /// <summary>Puts every measure under review (if not yet) and opens the review of <paramref name="measureId"/>.</summary>
    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> OpenAsync(PageClient coordinator, int measureId)
    {
        var table = await coordinator.GetPageAsync("/guideline/periods/1/review");
        if (table.QuerySelector("#review-actions form") is not null)
        {
            table = await coordinator.SubmitAndFollowAsync(table, "#review-actions form");
            Assert.Matches("^[0-9]+件の施策を見直しの対象にしました。$", table.Text("[role=status]"));
        }

        return await coordinator.GetPageAsync($"/guideline/reviews/{ReviewIdOf(table, measureId)}");
    }

    private static string ReviewIdOf(AngleSharp.Html.Dom.IHtmlDocument table, int measureId) =>
        table.QuerySelector($"#review-table tr[data-measure='{measureId}']")!.GetAttribute("data-review")!;

    private async Task<string> CommitteeMemberAsync()
    {
        var email = $"review-member-{Guid.NewGuid().ToString("N")[..6]}@example.jp";
        await factory.CreateUserAsync(email, KyodoRoles.CommitteeMember);
        return email;
    }
}
