using System.Net;
using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// Issue 17 A (public page): the guideline without signing in — adopted periods and confirmed
/// progress only; a draft period, unconfirmed records, return reasons and names never show.
/// </summary>
[Trait("Category", "Database")]
public sealed class PublicGuidelineTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task The_public_reads_the_adopted_periods_tree_with_confirmed_progress_only()
    {
        var scenario = await GuidelineScenario.CreateAsync(factory);
        var (fund, compensation, publicFacilities) = (scenario.MeasureIds[2], scenario.MeasureIds[4], scenario.MeasureIds[1]);
        await scenario.RecordAsync(fund, 2022, MeasureProgressStatus.Done, ProgressReviewStatus.Confirmed);
        await scenario.RecordAsync(fund, 2023, MeasureProgressStatus.Continuing, ProgressReviewStatus.Returned);
        await scenario.RecordAsync(compensation, 2023, MeasureProgressStatus.InProgress, ProgressReviewStatus.Submitted);
        await scenario.RecordAsync(publicFacilities, 2023, MeasureProgressStatus.UnderConsideration, ProgressReviewStatus.Draft);
        var draft = await DraftPeriodMeasureAsync("案の期だけにある施策");
        using var anonymous = factory.CreatePageClient();

        var home = await anonymous.GetPageAsync("/");
        var page = await anonymous.FollowLinkAsync(home, "nav.site-nav a[href='/collaboration-guideline']");

        Assert.Equal("指針と施策の進捗 — 第1期 | 協働ポータル", page.Title);
        Assert.Equal(Seed002Guideline.Title + "（第1期）", page.Text("#public-guideline-title"));
        Assert.Contains("令和2年8月1日", page.Text("#period-facts"));
        Assert.Equal(["Ⅰ（重点施策）", "Ⅱ—ア", "Ⅱ—イ", "Ⅲ"], page.Texts("#public-scheme tbody th"));
        Assert.Equal("・市民活動を支援するための基金の設置 【Ⅰ】＜重点施策＞", page.Text($"[data-measure='{fund}'] .measure-tree__title"));
        Assert.Equal(["令和4年度"], page.QuerySelectorAll($"[data-measure='{fund}'] .measure-tree__progress li").Select(li => page.Text($"[data-measure='{fund}'] [data-year='{li.GetAttribute("data-year")}'] .measure-tree__year")!));
        Assert.Contains("実施済", page.Text($"[data-measure='{fund}'] [data-year='2022']"));
        Assert.Contains("講座を開いた。", page.Text($"[data-measure='{fund}'] [data-year='2022']"));
        Assert.Contains("講座 3回", page.Text($"[data-measure='{fund}'] [data-year='2022']"));
        Assert.Equal("確認済みの進捗はまだありません。", page.Text($"[data-measure='{compensation}'] .measure-tree__meta"));
        Assert.Null(page.QuerySelector("[data-year='2023']"));
        Assert.Null(page.QuerySelector($"[data-measure='{draft}']"));
        var text = page.Body!.TextContent;
        Assert.DoesNotContain("案の期だけにある施策", text, StringComparison.Ordinal);
        Assert.DoesNotContain("数値を確認してください。", text, StringComparison.Ordinal);
        Assert.DoesNotContain(scenario.Department.Name, text, StringComparison.Ordinal);
        Assert.All(ReviewStates, review => Assert.DoesNotContain(review, text, StringComparison.Ordinal));
        Assert.Null(page.QuerySelector("#public-periods a[href$='period=2']"));
        Assert.Null(page.QuerySelector("main form"));

        var measure = await anonymous.FollowLinkAsync(page, $"[data-measure='{fund}'] a");
        Assert.Equal("施策の進捗 — 市民活動を支援するための基金の設置 | 協働ポータル", measure.Title);
        Assert.Contains("【Ⅰ】優先度が高く、短期的（１～２年）に実施していくもの", measure.Text("#public-measure-facts"));
        Assert.Equal(["令和4年度"], measure.Texts(".progress-year h3"));
        Assert.Contains("参加者が増えた。", measure.Text("#year-2022"));
        Assert.DoesNotContain("数値を確認してください。", measure.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(scenario.Department.Name, measure.Body.TextContent, StringComparison.Ordinal);
        Assert.Equal("確認済みの進捗はまだありません。", (await anonymous.GetPageAsync($"/collaboration-guideline/measures/{publicFacilities}")).Text("#no-progress"));
    }

    [Fact]
    public async Task A_draft_period_and_its_measures_answer_404_to_the_public()
    {
        await GuidelineScenario.CreateAsync(factory);
        var draft = await DraftPeriodMeasureAsync("案の期の施策");
        var number = await factory.QueryAsync(db => db.GuidelineMeasures.Where(m => m.Id == draft).Select(m => m.Period.Number).SingleAsync());
        using var anonymous = factory.CreatePageClient();

        await anonymous.GetPageAsync($"/collaboration-guideline/measures/{draft}", HttpStatusCode.NotFound);
        await anonymous.GetPageAsync($"/collaboration-guideline?period={number}", HttpStatusCode.NotFound);
        await anonymous.GetPageAsync("/collaboration-guideline?period=99", HttpStatusCode.NotFound);
        await anonymous.GetPageAsync("/collaboration-guideline/measures/999999", HttpStatusCode.NotFound);
        var current = await anonymous.GetPageAsync("/collaboration-guideline");
        Assert.Contains("第1期", current.Text("#public-guideline-title"));
    }

    [Fact]
    public async Task The_public_page_reads_in_English_and_staff_find_it_from_the_guideline_page()
    {
        var scenario = await GuidelineScenario.CreateAsync(factory);
        using var coordinator = await scenario.SignInAsync(scenario.CoordinatorEmail);
        var index = await coordinator.GetPageAsync("/guideline");

        var page = await coordinator.FollowLinkAsync(index, "#public-guideline-link a");
        Assert.NotNull(page.QuerySelector("#measure-tree"));

        using var anonymous = factory.CreatePageClient();
        await anonymous.FollowLinkAsync(await anonymous.GetPageAsync("/"), ".language-switch a");
        var english = await anonymous.GetPageAsync("/collaboration-guideline");
        Assert.Equal("Guideline and progress of its measures — Period 1 | Kyodo Portal", english.Title);
        Assert.Equal("(1) 活動の場の提供に関すること", english.Text("#area-1 h2"));
        Assert.Contains("<Priority measure>", english.Text($"[data-measure='{scenario.MeasureIds[0]}'] .measure-tree__title"));
    }

    /// <summary>Where a record is in the coordinator's review: staff words the public page never shows.</summary>
    private static readonly string[] ReviewStates = ["下書き", "提出済み", "差戻し", "確認済み）"];

    /// <summary>A measure of the guideline's draft period (period 2, added once per database): never public.</summary>
    private Task<int> DraftPeriodMeasureAsync(string title) =>
        factory.QueryAsync(async db =>
        {
            var guideline = await db.Guidelines.Include(g => g.Periods).Include(g => g.Classifications).Include(g => g.Areas).ThenInclude(a => a.SubAreas)
                .AsSplitQuery().OrderBy(g => g.Id).FirstAsync();
            var period = guideline.Periods.FirstOrDefault(p => p.Status == GuidelinePeriodStatus.Draft) ?? guideline.AddPeriod(2025, 2029);
            var measure = new GuidelineMeasure(guideline, period, new MeasureDraft(title, "案の説明", guideline.AreaNumbered(1), null, guideline.FindClassification("Ⅰ"), true, []));
            db.GuidelineMeasures.Add(measure);
            await db.SaveChangesAsync();
            return measure.Id;
        });
}
