using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// Issue 13 item 10, last part: the evaluation-round lists (the office's /evaluation-admin and a
/// member's /evaluations) are paged with the shared pager (20 a page), and the pager keeps the
/// search and the order. 22 rounds named 頁送り評価01–22, on the same committee member.
/// </summary>
[Trait("Category", "Database")]
public sealed class EvaluationRoundPagingTests(EvaluationRoundPagingTests.Factory factory) : IClassFixture<EvaluationRoundPagingTests.Factory>
{
    private const string Prefix = "頁送り評価";

    public sealed class Factory : KyodoWebFactory, IAsyncLifetime
    {
        public PageClient Office { get; private set; } = null!;

        public PageClient Member { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var memberEmail = $"pagingmember-{Guid.NewGuid():N}@example.jp";
            var member = await CreateUserAsync(memberEmail, KyodoRoles.CommitteeMember);
            for (var i = 1; i <= 22; i++)
            {
                var project = await ProjectScenario.CreateAsync(this, yearsAgo: 1, title: $"{Prefix}{i:00}");
                await EvaluationScenario.OpenRoundAsync(project, member.Id);
            }

            Office = await SignedInAsync(KyodoRoles.Coordinator);
            Member = CreatePageClient();
            await Member.SignInAsync(memberEmail, Password);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    [Theory]
    [InlineData("office", "/evaluation-admin")]
    [InlineData("member", "/evaluations")]
    public async Task Round_lists_are_paged_and_the_pager_keeps_the_search_and_the_order(string who, string list)
    {
        var client = who == "office" ? factory.Office : factory.Member;

        var first = await client.GetPageAsync(list + "?q=" + Uri.EscapeDataString(Prefix) + "&sort=project&dir=desc");
        Assert.Equal([.. Enumerable.Range(3, 20).Reverse().Select(i => $"{Prefix}{i:00}")], RowTitles(first));
        Assert.Contains("22 件中 1–20 件を表示", first.Text(".page-summary"), StringComparison.Ordinal);

        var next = first.QuerySelector(".pagination a[rel=next]")!;
        var second = await client.GetPageAsync(WebUtility.HtmlDecode(next.GetAttribute("href")!));
        Assert.Equal([$"{Prefix}02", $"{Prefix}01"], RowTitles(second));
        Assert.Equal(["descending:事業名"], SortedHeaders(second));
        Assert.Equal(Prefix, second.QuerySelector("#q")!.GetAttribute("value"));

        // A header link starts again from the first page, keeping the search.
        var header = second.QuerySelectorAll("#rounds thead th").Single(th => th.TextContent.Contains("事業名", StringComparison.Ordinal));
        var ascending = await client.GetPageAsync(WebUtility.HtmlDecode(header.QuerySelector("a")!.GetAttribute("href")!));
        Assert.Equal($"{Prefix}01", RowTitles(ascending)[0]);
        Assert.Equal(20, RowTitles(ascending).Count);
    }

    private static List<string> RowTitles(IHtmlDocument page) =>
        page.QuerySelectorAll("#rounds tbody tr").Select(r => r.Children[0].TextContent.Trim()).ToList();

    private static List<string> SortedHeaders(IHtmlDocument page) =>
        page.QuerySelectorAll("#rounds thead th[aria-sort]").Select(th => th.GetAttribute("aria-sort") + ":" + th.QuerySelector("a")!.FirstChild!.TextContent.Trim()).ToList();
}
