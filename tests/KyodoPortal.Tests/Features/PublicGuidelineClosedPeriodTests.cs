using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>Issue 17 A (public page): a closed period stays public beside the next one once that is adopted (its own database: closing is for good).</summary>
[Trait("Category", "Database")]
public sealed class PublicGuidelineClosedPeriodTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task A_closed_period_stays_public_and_the_next_shows_first_once_it_is_adopted()
    {
        var scenario = await GuidelineScenario.CreateAsync(factory);
        await scenario.RecordAsync(scenario.MeasureIds[0], 2024, MeasureProgressStatus.Done, ProgressReviewStatus.Confirmed);
        await scenario.ClosePeriodAsync();
        await NextPeriodAsync(adopt: false);
        using var anonymous = factory.CreatePageClient();

        var closed = await anonymous.GetPageAsync("/collaboration-guideline");
        Assert.Contains("第1期", closed.Text("#public-guideline-title"));
        Assert.Contains("終了", closed.Text("#period-facts"));
        Assert.Contains("実施済", closed.Text($"[data-measure='{scenario.MeasureIds[0]}'] [data-year='2024']"));
        Assert.Null(closed.QuerySelector("#public-periods"));

        await NextPeriodAsync(adopt: true);
        var adopted = await anonymous.GetPageAsync("/collaboration-guideline");
        Assert.Contains("第2期", adopted.Text("#public-guideline-title"));
        Assert.Equal(["第1期（終了）", "第2期（策定済）"], adopted.Texts("#public-periods a"));
        Assert.Equal("page", adopted.QuerySelector("#public-periods a[href$='period=2']")!.GetAttribute("aria-current"));
        var first = await anonymous.FollowLinkAsync(adopted, "#public-periods a[href$='period=1']");
        Assert.Contains("実施済", first.Text($"[data-measure='{scenario.MeasureIds[0]}'] [data-year='2024']"));
        await anonymous.GetPageAsync($"/collaboration-guideline/measures/{scenario.MeasureIds[0]}");
    }

    /// <summary>Adds period 2 as a draft (once), or adopts it.</summary>
    private Task<int> NextPeriodAsync(bool adopt) =>
        factory.QueryAsync(async db =>
        {
            var guideline = await db.Guidelines.Include(g => g.Periods).AsSplitQuery().OrderBy(g => g.Id).FirstAsync();
            var period = guideline.Periods.FirstOrDefault(p => p.Number == 2) ?? guideline.AddPeriod(2025, 2029);
            if (adopt)
            {
                period.Adopt(new DateOnly(2025, 4, 1));
            }

            return await db.SaveChangesAsync();
        });
}
