using KyodoPortal.Tests.Support;

namespace KyodoPortal.Tests.Features;

/// <summary>The demo city's report meeting: its published minutes carry seed 000's exchanges and are on the public site.</summary>
[Trait("Category", "Database")]
public sealed class DemoMinutesTests
{
    [Fact]
    public async Task The_demo_meeting_s_published_minutes_are_public_with_answers_by_the_department_and_the_group()
    {
        using var factory = new DemoWebFactory();
        using var visitor = factory.CreatePageClient();

        var list = await visitor.GetPageAsync("/minutes");
        var link = Assert.Single(list.QuerySelectorAll("#published-minutes a"));
        Assert.Contains("協働事業報告会", link.TextContent, StringComparison.Ordinal);
        var page = await visitor.GetPageAsync(link.GetAttribute("href")!);
        var text = page.Text("main");

        Assert.Contains("「働くまち推進 ～キャリアのセカンドステップ～」（市民活動団体提案協働事業）", text);
        Assert.Contains("Ｑ 女性とは即ち主婦なのか。", text);
        Assert.Contains("Ａ （商工課）特に主婦に限定していない。", text);
        Assert.Contains("Ａ （団体）１年活動してみて、就労人員をKPIにするのが妥当かどうかは検討してきたことである。", text);

        using var coordinator = factory.CreatePageClient();
        await coordinator.SignInAsync("coordinator@example.jp", DemoWebFactory.DemoPassword);
        var minutes = await coordinator.GetPageAsync(link.GetAttribute("href")!.Replace("/minutes/", "/meetings/", StringComparison.Ordinal) + "/minutes");
        Assert.Equal("公開", minutes.Text("#minutes-status"));
        Assert.Contains("市の広報紙でセミナーを周知する", minutes.Text("#follow-ups"));
        Assert.Contains("未完了", minutes.Text("#follow-ups"));
    }
}
