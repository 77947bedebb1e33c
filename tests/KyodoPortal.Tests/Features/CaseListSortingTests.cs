using KyodoPortal.Domain.Projects;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;

namespace KyodoPortal.Tests.Features;

/// <summary>Issue 13 item 10 on the case library: sorting by column, kept by the search form.</summary>
[Trait("Category", "Database")]
public sealed class CaseListSortingTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task Cases_sort_by_title_both_ways_and_the_search_form_keeps_the_order()
    {
        foreach (var title in new[] { "並べ替え事例か", "並べ替え事例あ", "並べ替え事例さ" })
        {
            var project = await ProjectScenario.CreateAsync(factory, title: title);
            await ContinuationScenario.CloseAsync(project, ProjectOutcome.Success);
        }

        using var office = await factory.SignedInAsync(KyodoPortal.Domain.Accounts.KyodoRoles.Coordinator);

        var ascending = await office.GetPageAsync("/cases?q=" + Uri.EscapeDataString("並べ替え事例") + "&sort=title&dir=asc");
        Assert.Equal(["並べ替え事例あ", "並べ替え事例か", "並べ替え事例さ"], ascending.Texts("#cases tbody tr th"));
        Assert.Equal("ascending", ascending.QuerySelectorAll("#cases thead th")[0].GetAttribute("aria-sort"));
        Assert.Equal("title", ascending.QuerySelector("#case-search input[name=sort]")!.GetAttribute("value"));
        Assert.Equal("asc", ascending.QuerySelector("#case-search input[name=dir]")!.GetAttribute("value"));

        var descending = await office.GetPageAsync("/cases?q=" + Uri.EscapeDataString("並べ替え事例") + "&sort=title&dir=desc");
        Assert.Equal(["並べ替え事例さ", "並べ替え事例か", "並べ替え事例あ"], descending.Texts("#cases tbody tr th"));
        Assert.Equal("descending", descending.QuerySelectorAll("#cases thead th")[0].GetAttribute("aria-sort"));
    }
}
