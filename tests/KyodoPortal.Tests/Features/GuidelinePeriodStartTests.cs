using System.Net;
using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// Issue 17 A: starting period 2 from the review's decisions through the pages — refused while a
/// measure is undecided, then built exactly from the decisions (its own database: period 1 closes
/// for good), linked to period 1, started once even when two requests come at the same moment.
/// </summary>
[Trait("Category", "Database")]
public sealed class GuidelinePeriodStartTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task Period_2_is_built_from_the_decisions_once_and_period_1_becomes_read_only()
    {
        var scenario = await GuidelineScenario.CreateAsync(factory);
        var ids = scenario.MeasureIds;
        var lastId = ids[^1];
        using var coordinator = await scenario.SignInAsync(scenario.CoordinatorEmail);
        var guideline = await coordinator.GetPageAsync("/guideline");
        var noNext = await coordinator.GetPageAsync("/guideline/periods/1/review");
        Assert.Contains("先に第2期（案）を追加してください。", noNext.Text("#start-next"));
        await coordinator.SubmitAndFollowAsync(guideline, "#period-form", ("Period.FirstFiscalYear", "2025"), ("Period.LastFiscalYear", "2029"));
        var table = await coordinator.GetPageAsync("/guideline/periods/1/review");
        table = await coordinator.SubmitAndFollowAsync(table, "#review-actions form");
        Assert.Equal($"{ids.Count}件の施策を見直しの対象にしました。", table.Text("[role=status]"));

        // Decided in the domain (the review pages are tested on their own): the first revised, the second deleted, the rest kept.
        await factory.QueryAsync(async db =>
        {
            var g = await db.Guidelines.Include(x => x.Areas).ThenInclude(a => a.SubAreas).Include(x => x.Classifications).Include(x => x.Periods).SingleAsync();
            var reviews = await db.MeasureReviews.Include(r => r.Period).Include(r => r.Measure).Where(r => r.MeasureId != lastId).ToListAsync();
            foreach (var review in reviews)
            {
                if (review.MeasureId == ids[0])
                {
                    review.Propose(g, MeasureDecision.Revise, "対象を広げる。", new MeasureDraft("公共施設と民間施設の活動の場の提供", "空き室の情報を一つにまとめます。", g.AreaNumbered(1), null, g.FindClassification("Ⅱ—ア"), true, []));
                }

                review.Decide(review.MeasureId == ids[0] ? MeasureDecision.Revise : review.MeasureId == ids[1] ? MeasureDecision.Delete : MeasureDecision.Keep, null, "seed", new DateOnly(2025, 2, 1));
            }

            db.MeasureReviews.Add(MeasureReview.ForNewMeasure(g, g.PeriodNumbered(1), new MeasureDraft("若者の参加の促進", null, g.AreaNumbered(2), null, g.FindClassification("Ⅰ"), true, []), "意見交換会から。"));
            return await db.SaveChangesAsync();
        });
        var additionId = await factory.QueryAsync(db => db.MeasureReviews.Where(r => r.MeasureId == null).Select(r => r.Id).SingleAsync());
        var lastTitle = await factory.QueryAsync(db => db.GuidelineMeasures.Where(m => m.Id == lastId).Select(m => m.Title).SingleAsync());

        table = await coordinator.GetPageAsync("/guideline/periods/1/review");
        var undecided = await coordinator.SubmitAndFollowAsync(table, "#start-next form");
        Assert.Contains($"見直しの決定がない施策が1件あります（「{lastTitle}」など）。", undecided.Text("[role=alert]"));
        Assert.Equal(0, await factory.QueryAsync(db => db.GuidelineMeasures.CountAsync(m => m.Period.Number == 2)));

        var last = await coordinator.GetPageAsync($"/guideline/reviews/{ReviewIdOf(table, lastId)}");
        await coordinator.SubmitAndFollowAsync(last, "#decision form", ("Decision.Choice", "Keep"));
        var addition = await coordinator.GetPageAsync($"/guideline/reviews/{additionId}");
        await coordinator.SubmitAndFollowAsync(addition, "#decision form", ("Decision.Choice", "Add"));
        table = await coordinator.GetPageAsync("/guideline/periods/1/review");
        Assert.Equal("施策 " + (ids.Count + 1) + "件（見直し未着手 0件、未決定 0件）", table.Text("#review-summary"));

        // Two coordinators' tabs start period 2 at the same moment: one builds it, the other is refused.
        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => coordinator.SubmitAsync(table, "#start-next form")));
        var locations = responses.Select(r => r.Headers.Location?.OriginalString).Order().ToList();
        Array.ForEach(responses, r => r.Dispose());
        Assert.Equal(["/guideline/periods/1/review", "/guideline/periods/2/measures"], locations);
        var loser = await coordinator.GetPageAsync("/guideline/periods/1/review");
        Assert.Matches("他の人が先に更新しました|第1期はすでに終了し|第2期にはすでに施策があります", loser.Text("[role=alert]"));
        var second = await factory.QueryAsync(db => db.GuidelineMeasures.Where(m => m.Period.Number == 2).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Title, m.PreviousMeasureId, m.IsPriority, Class = m.Classification.Code }).ToListAsync());
        Assert.Equal(ids.Count, second.Count);
        Assert.DoesNotContain(second, m => m.PreviousMeasureId == ids[1]);
        var revised = Assert.Single(second, m => m.PreviousMeasureId == ids[0]);
        Assert.Equal(("公共施設と民間施設の活動の場の提供", "Ⅱ—ア", true), (revised.Title, revised.Class, revised.IsPriority));
        Assert.Equal(ids.Count - 2, second.Count(m => m.PreviousMeasureId is not null && m.PreviousMeasureId != ids[0]));
        var added = Assert.Single(second, m => m.PreviousMeasureId is null);
        Assert.Equal("若者の参加の促進", added.Title);
        Assert.Equal(GuidelinePeriodStatus.Closed, await factory.QueryAsync(db => db.Guidelines.SelectMany(g => g.Periods).Where(p => p.Number == 1).Select(p => p.Status).SingleAsync()));

        var again = await coordinator.SubmitAndFollowAsync(table, "#start-next form");
        Assert.Contains("第1期はすでに終了し、次の期が始まっています。", again.Text("[role=alert]"));
        Assert.Equal(ids.Count, await factory.QueryAsync(db => db.GuidelineMeasures.CountAsync(m => m.Period.Number == 2)));

        var history = await coordinator.GetPageAsync($"/guideline/measures/{revised.Id}");
        Assert.Contains("第1期：", history.Text("#measure-history"));
        Assert.Contains("→ 修正", history.Text("#measure-history"));
        Assert.Equal($"/guideline/measures/{ids[0]}", history.QuerySelector("#measure-history li a")!.GetAttribute("href"));
        var first = await coordinator.GetPageAsync($"/guideline/measures/{ids[0]}");
        Assert.Equal("第1期は終了しているため変更できません。", first.Text("#closed-period"));
        Assert.Equal($"/guideline/measures/{revised.Id}", first.QuerySelector("#next-measure")!.GetAttribute("href"));
        var closedTable = await coordinator.GetPageAsync("/guideline/periods/1/review");
        Assert.Equal("第1期は終了しました。見直しの記録は読むだけです。", closedTable.Text("#review-closed"));
        Assert.Null(closedTable.QuerySelector("#start-next, #review-actions"));
        var closedReview = await coordinator.FollowLinkAsync(closedTable, $"#review-table tr[data-measure='{ids[0]}'] th a");
        Assert.Null(closedReview.QuerySelector("#assessment form, #proposal form, #opinions form, #decision form, #withdraw"));
        Assert.Equal($"/guideline/measures/{revised.Id}", closedReview.QuerySelector("#next-measure")!.GetAttribute("href"));
        using var late = await coordinator.PostWithTokenAsync(closedReview, $"/guideline/reviews/{ReviewIdOf(closedTable, ids[0])}/opinions", ("Opinion.Text", "終了後の意見"));
        var latePage = await PageClient.ReadAsync(late, late.StatusCode);
        Assert.Contains("第1期は終了しているため変更できません。", latePage.Text("[role=alert]"));
    }

    private static string ReviewIdOf(AngleSharp.Html.Dom.IHtmlDocument table, int measureId) =>
        table.QuerySelector($"#review-table tr[data-measure='{measureId}']")!.GetAttribute("data-review")!;
}
