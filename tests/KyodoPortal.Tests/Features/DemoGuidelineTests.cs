using KyodoPortal.Tests.Support;

namespace KyodoPortal.Tests.Features;

/// <summary>The demo city's guideline: seed 002's period 1 with its measures of areas (1)–(4) and two fiscal years of progress.</summary>
[Trait("Category", "Database")]
public sealed class DemoGuidelineTests
{
    [Fact]
    public async Task The_demo_guideline_has_seed_002s_measures_two_years_of_progress_and_overdue_records()
    {
        using var factory = new DemoWebFactory();
        using var coordinator = factory.CreatePageClient();
        await coordinator.SignInAsync("coordinator@example.jp", DemoWebFactory.DemoPassword);

        var list = await coordinator.GetPageAsync("/guideline/periods/1/measures");
        Assert.Contains("14 件中", list.Text(".page-summary"));
        Assert.Contains("市民活動を支援するための基金の設置", list.Texts("#measures tbody td:nth-child(2) a"));

        var matrix = await coordinator.GetPageAsync("/guideline/periods/1/matrix?year=2023");
        Assert.Equal(14, matrix.QuerySelectorAll("#matrix tbody tr").Length);
        Assert.Equal(14, matrix.QuerySelectorAll("#matrix td[data-year='2022']").Count(td => td.TextContent.Contains("確認済み", StringComparison.Ordinal)));
        Assert.Contains(matrix.Texts("#overdue li"), text => text.Contains("未作成", StringComparison.Ordinal));
        Assert.Contains(matrix.Texts("#overdue li"), text => text.Contains("差戻し", StringComparison.Ordinal));

        using var staff = factory.CreatePageClient();
        await staff.SignInAsync("staff@example.jp", DemoWebFactory.DemoPassword);
        var own = await staff.GetPageAsync("/guideline/periods/1/measures");
        Assert.Equal(["市民活動を支援するための基金の設置", "ふるさと寄附金の活用や寄附金付き自動販売機の設置等", "市民活動補償制度"], own.Texts("#measures tbody td:nth-child(2) a"));

        // The period review in progress: two measures kept, the fund proposed for revision with two opinions, one addition.
        var review = await coordinator.GetPageAsync("/guideline/periods/1/review");
        Assert.Equal("施策 15件（見直し未着手 0件、未決定 13件）", review.Text("#review-summary"));
        Assert.Contains("（追加の案）", review.Text("#review-table"));
        using var member = factory.CreatePageClient();
        await member.SignInAsync("committee@example.jp", DemoWebFactory.DemoPassword);
        var table = await member.FollowLinkAsync(await member.GetPageAsync("/"), ".site-nav a[href='/guideline/review']");
        var fund = await member.GetPageAsync(table.QuerySelectorAll("#review-table th a").First(a => a.TextContent == "市民活動を支援するための基金の設置").GetAttribute("href")!);
        Assert.Equal(2, fund.QuerySelectorAll("#opinion-list li").Length);
        Assert.Contains("市民活動支援基金の活用の拡大", fund.Text("#next-text"));
        Assert.NotNull(fund.QuerySelector("#opinions form"));
    }
}
