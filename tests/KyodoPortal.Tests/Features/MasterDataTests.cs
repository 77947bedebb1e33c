using System.Net;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Organizations;
using KyodoPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

[Trait("Category", "Database")]
public sealed class MasterDataTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task A_coordinator_registers_a_department_and_finds_it_in_the_list()
    {
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        var list = await coordinator.SubmitAndFollowAsync(await coordinator.GetPageAsync("/departments/new"), "main form",
            ("Input.Name", "観光課"), ("Input.Division", "市民生活部"), ("Input.ContactEmail", "kanko@city.example.jp"), ("Input.ContactPhone", "0467-23-3000"));

        Assert.Equal("担当課「観光課」を登録しました。", list.Text("[role=status]"));
        var searched = await coordinator.GetPageAsync("/departments?q=" + Uri.EscapeDataString("観光"));
        Assert.Equal(["観光課"], searched.Texts("tbody th"));
    }

    [Fact]
    public async Task Invalid_department_input_shows_messages_next_to_the_fields_and_saves_nothing()
    {
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var before = await factory.QueryAsync(db => db.Departments.CountAsync());

        using var response = await coordinator.SubmitAsync(await coordinator.GetPageAsync("/departments/new"), "main form",
            ("Input.Name", "   "), ("Input.ContactEmail", "not-an-address"), ("Input.Division", new string('部', 101)));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Equal("入力内容を確認してください。", page.Text("[role=alert] strong"));
        Assert.Contains("'課名' を入力してください。", page.Text("[data-valmsg-for='Input.Name']"), StringComparison.Ordinal);
        Assert.NotNull(page.Text("[data-valmsg-for='Input.ContactEmail']"));
        Assert.NotNull(page.Text("[data-valmsg-for='Input.Division']"));
        Assert.Equal("not-an-address", page.QuerySelector("#Input_ContactEmail")!.GetAttribute("value"));
        Assert.Equal(before, await factory.QueryAsync(db => db.Departments.CountAsync()));
    }

    [Fact]
    public async Task A_duplicate_department_name_is_a_message_on_the_name_field()
    {
        await factory.AddDepartmentAsync("重複課");
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        using var response = await coordinator.SubmitAsync(await coordinator.GetPageAsync("/departments/new"), "main form", ("Input.Name", "重複課"));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Equal("同じ名称が既に登録されています。", page.Text("[data-valmsg-for='Input.Name']"));
    }

    [Fact]
    public async Task Two_people_editing_the_same_department_do_not_silently_overwrite_each_other()
    {
        var department = await factory.AddDepartmentAsync("同時編集課");
        using var first = await factory.SignedInAsync(KyodoRoles.Coordinator);
        using var second = await factory.SignedInAsync(KyodoRoles.Administrator);
        var firstForm = await first.GetPageAsync($"/departments/{department.Id}/edit");
        var secondForm = await second.GetPageAsync($"/departments/{department.Id}/edit");

        var saved = await first.SubmitAndFollowAsync(firstForm, "main form", ("Input.Division", "第一の部局"));
        using var conflict = await second.SubmitAsync(secondForm, "main form", ("Input.Division", "第二の部局"));
        var page = await PageClient.ReadAsync(conflict, HttpStatusCode.OK);

        Assert.Contains("更新しました", saved.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Contains("他の人が先に更新しました。", page.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal("第一の部局", await factory.QueryAsync(db => db.Departments.Where(d => d.Id == department.Id).Select(d => d.Division).SingleAsync()));
    }

    [Fact]
    public async Task A_coordinator_registers_a_group_with_its_legal_form_and_filters_by_it()
    {
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        var list = await coordinator.SubmitAndFollowAsync(await coordinator.GetPageAsync("/groups/new"), "main form",
            ("Input.Name", "腰越ビーチクリーン隊"), ("Input.NameKana", "こしごえびーちくりーんたい"), ("Input.LegalForm", nameof(LegalForm.NeighborhoodAssociation)), ("Input.Area", "腰越地域"));

        Assert.Equal("市民活動団体「腰越ビーチクリーン隊」を登録しました。", list.Text("[role=status]"));
        var filtered = await coordinator.GetPageAsync("/groups?legalForm=NeighborhoodAssociation");
        var row = filtered.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("腰越ビーチクリーン隊", StringComparison.Ordinal));
        Assert.Contains("自治会・町内会", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(filtered.Texts("tbody td:nth-child(2)"), form => form != "自治会・町内会");
    }

    [Fact]
    public async Task A_group_needs_a_legal_form_and_kana_in_kana()
    {
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        using var response = await coordinator.SubmitAsync(await coordinator.GetPageAsync("/groups/new"), "main form",
            ("Input.Name", "法人格なし"), ("Input.NameKana", "Romaji"), ("Input.LegalForm", ""));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.NotNull(page.Text("[data-valmsg-for='Input.LegalForm']"));
        Assert.Equal("'ふりがな' はひらがな・カタカナで入力してください。", page.Text("[data-valmsg-for='Input.NameKana']"));
        Assert.False(await factory.QueryAsync(db => db.CitizenGroups.AnyAsync(g => g.Name == "法人格なし")));
    }

    [Fact]
    public async Task A_deactivated_group_stays_listed_as_inactive()
    {
        var group = await factory.AddGroupAsync("休止中の会");
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        var form = await coordinator.GetPageAsync($"/groups/{group.Id}/edit");
        using var response = await coordinator.SubmitAsync(form, "main form", ("Input.IsActive", "false"), ("Input.LegalForm", "Other"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await coordinator.GetPageAsync("/groups?q=" + Uri.EscapeDataString("休止中"));
        Assert.Equal("無効", list.Text("tbody .badge"));
        Assert.Equal("その他", list.Text("tbody td:nth-child(2)"));
    }

    [Fact]
    public async Task The_group_list_pages_through_many_groups_with_a_fixed_number_of_queries()
    {
        for (var i = 0; i < 45; i++)
        {
            await factory.AddGroupAsync($"ページ送り団体{i:00}");
        }

        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        factory.SqlCommands.Reset();
        var first = await coordinator.GetPageAsync("/groups?q=" + Uri.EscapeDataString("ページ送り"));
        var queries = factory.SqlCommands.Count;
        var last = await coordinator.GetPageAsync("/groups?page=3&q=" + Uri.EscapeDataString("ページ送り"));

        Assert.InRange(queries, 1, 4);
        Assert.Equal(20, first.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(5, last.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("45 件中 41–45 件を表示", last.Text("main p.page-summary"));
    }

    [Fact]
    public async Task An_empty_search_says_so()
    {
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        var page = await coordinator.GetPageAsync("/departments?q=" + Uri.EscapeDataString("存在しない課"));

        Assert.StartsWith("「存在しない課」に合うものはありません。", page.Text("main p.no-matches"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("table"));
    }
}
