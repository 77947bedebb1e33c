using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// Issue 13 item 10, last part: the continuation dashboard (/continuation) and the overdue reports
/// (/reports/overdue), whose rows a domain rule computes, sort by a column with the shared
/// mechanism (sort/dir, aria-sort); the dashboard also searches by project title. Three projects in
/// their last year, created in an order that is not their title order, with the same due dates, so
/// the default order (earliest due, then the oldest project) differs from the title order.
/// </summary>
[Trait("Category", "Database")]
public sealed class DueListSortingTests(DueListSortingTests.Factory factory) : IClassFixture<DueListSortingTests.Factory>
{
    private static readonly string[] Created = ["期限順さくら", "期限順あおい", "期限順かえで"];

    private static readonly string[] ByTitle = ["期限順あおい", "期限順かえで", "期限順さくら"];

    private static readonly string[] ByTitleDescending = ["期限順さくら", "期限順かえで", "期限順あおい"];

    public sealed class Factory : KyodoWebFactory, IAsyncLifetime
    {
        public PageClient Office { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            foreach (var title in Created)
            {
                await ProjectScenario.CreateAsync(this, yearsAgo: 1, title: title);
            }

            Office = await SignedInAsync(KyodoRoles.Coordinator);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    [Theory]
    [InlineData("/continuation", "#overdue, #due")]
    [InlineData("/reports/overdue", "#overdue, #due-soon")]
    public async Task Due_lists_sort_by_project_both_ways_and_fall_back_to_the_earliest_due_first(string list, string tables)
    {
        var byDefault = await factory.Office.GetPageAsync(list);
        Assert.Equal(Created, RowTitles(byDefault, tables));
        Assert.Equal(["ascending"], SortedHeaders(byDefault, tables).Select(h => h.Split(':')[0]).Distinct());

        var ascending = await factory.Office.GetPageAsync(list + "?sort=project&dir=asc");
        Assert.Equal(ByTitle, RowTitles(ascending, tables));
        Assert.All(SortedHeaders(ascending, tables), header => Assert.Equal("ascending:事業名", header));

        var descending = await factory.Office.GetPageAsync(Href(Header(ascending, tables, "事業名")));
        Assert.Equal(ByTitleDescending, RowTitles(descending, tables));
        Assert.All(SortedHeaders(descending, tables), header => Assert.Equal("descending:事業名", header));

        // GetPageAsync asserts 200.
        var unknown = await factory.Office.GetPageAsync(list + "?sort=nope&dir=sideways");
        Assert.Equal(Created, RowTitles(unknown, tables));
    }

    [Fact]
    public async Task The_continuation_dashboard_searches_by_project_title_and_keeps_the_search_in_the_header_links()
    {
        var search = await factory.Office.GetPageAsync("/continuation?q=" + Uri.EscapeDataString(" かえで ") + "&sort=project&dir=desc");
        Assert.Equal(["期限順かえで"], RowTitles(search, "#overdue, #due"));
        Assert.Equal("かえで", search.QuerySelector("#q")!.GetAttribute("value"));
        Assert.Contains("%E3%81%8B%E3%81%88%E3%81%A7", Href(Header(search, "#overdue, #due", "審査期限")), StringComparison.Ordinal);

        var none = await factory.Office.GetPageAsync("/continuation?q=" + Uri.EscapeDataString("該当なし"));
        Assert.Contains("「該当なし」に合うものはありません。", none.Text(".no-matches"), StringComparison.Ordinal);
    }

    private static List<string> RowTitles(IHtmlDocument page, string tables) =>
        page.QuerySelectorAll(string.Join(", ", tables.Split(", ").Select(t => t + " tbody tr")))
            .Select(r => r.Children[0].TextContent.Trim())
            .Where(title => title.StartsWith("期限順", StringComparison.Ordinal))
            .ToList();

    private static IElement Header(IHtmlDocument page, string tables, string label) =>
        page.QuerySelectorAll(string.Join(", ", tables.Split(", ").Select(t => t + " thead th"))).First(th => th.TextContent.Contains(label, StringComparison.Ordinal));

    private static List<string> SortedHeaders(IHtmlDocument page, string tables) =>
        page.QuerySelectorAll(string.Join(", ", tables.Split(", ").Select(t => t + " thead th[aria-sort]")))
            .Select(th => th.GetAttribute("aria-sort") + ":" + th.QuerySelector("a")!.FirstChild!.TextContent.Trim())
            .ToList();

    private static string Href(IElement header) => WebUtility.HtmlDecode(header.QuerySelector("a")!.GetAttribute("href")!);
}
