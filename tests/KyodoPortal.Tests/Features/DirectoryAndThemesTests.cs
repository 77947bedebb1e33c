using System.Globalization;
using System.Net;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Organizations;
using KyodoPortal.Domain.Themes;
using KyodoPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

[Trait("Category", "Database")]
public sealed class DirectoryAndThemesTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    // Ids of the seeded 活動分野 (ActivityFieldConfiguration): 1 子育て, 2 教育, 5 就労支援, 7 環境, 8 まちづくり.
    private const int Childcare = 1;
    private const int Education = 2;
    private const int Employment = 5;
    private const int Environment = 7;
    private const int TownPlanning = 8;

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private Task<CitizenGroup> PublishedGroupAsync(string name, string? description, params int[] fields) =>
        GroupAsync(name, description, published: true, fields);

    private async Task<CitizenGroup> GroupAsync(string name, string? description, bool published, params int[] fields)
    {
        var group = new CitizenGroup(name, null, LegalForm.NpoCorporation, null, "市内全域");
        group.UpdateProfile(new GroupProfile(2010, 12, description, null, null, null, null, published, fields));
        return await factory.AddAsync(group);
    }

    [Fact]
    public async Task A_group_member_keeps_their_profile_and_the_public_directory_shows_it_once_published()
    {
        var group = await factory.AddGroupAsync("湘南子ども食堂の会");
        await factory.CreateUserAsync("kodomo@example.jp", [KyodoRoles.GroupMember], departmentId: null, groupId: group.Id);
        using var member = factory.CreatePageClient();
        await member.SignInAsync("kodomo@example.jp", KyodoWebFactory.Password);

        var profile = await member.GetPageAsync($"/groups/{group.Id}");
        var edit = await member.GetPageAsync(profile.QuerySelector("a[href$='/edit']")!.GetAttribute("href")!);
        var saved = await member.SubmitAndFollowAsync(edit, "main form",
            ("Input.FieldIds", Id(Childcare)), ("Input.FieldIds", Id(Education)),
            ("Input.Description", "毎週土曜に子ども食堂を開いています。"),
            ("Input.Skills", "食品衛生の知識、調理ボランティア30名"),
            ("Input.PublicEmail", "info@kodomo.example.jp"),
            ("Input.IsPublished", "true"));

        Assert.Equal("市民活動団体「湘南子ども食堂の会」を更新しました。", saved.Text("[role=status]"));
        Assert.Contains("子育て、教育", saved.Texts("dl.details dd"));
        using var anonymous = factory.CreatePageClient();
        var directory = await anonymous.GetPageAsync("/directory?q=" + Uri.EscapeDataString("子ども食堂を開いて"));
        Assert.Equal(["湘南子ども食堂の会"], directory.Texts(".cards h2"));
        var publicProfile = await anonymous.GetPageAsync($"/directory/{group.Id}");
        Assert.Contains("info@kodomo.example.jp", publicProfile.Text("#contact-heading + dl"), StringComparison.Ordinal);
        Assert.DoesNotContain("kodomo@example.jp ", publicProfile.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_member_cannot_open_or_change_another_groups_profile_even_by_guessing_the_url()
    {
        var own = await factory.AddGroupAsync("自分の会");
        var other = await factory.AddGroupAsync("よその会");
        await factory.CreateUserAsync("own-member@example.jp", [KyodoRoles.GroupMember], departmentId: null, groupId: own.Id);
        using var member = factory.CreatePageClient();
        await member.SignInAsync("own-member@example.jp", KyodoWebFactory.Password);
        var ownForm = await member.GetPageAsync($"/groups/{own.Id}/edit");
        var token = ownForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        await member.GetPageAsync($"/groups/{other.Id}", HttpStatusCode.Forbidden);
        await member.GetPageAsync($"/groups/{other.Id}/edit", HttpStatusCode.Forbidden);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = "乗っ取られた会",
            ["Input.LegalForm"] = "Other",
        });
        using var post = await member.Http.PostAsync($"/groups/{other.Id}/edit", content);

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("よその会", await factory.QueryAsync(db => db.CitizenGroups.Where(g => g.Id == other.Id).Select(g => g.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_group_member_cannot_deactivate_their_own_group()
    {
        var group = await factory.AddGroupAsync("続ける会");
        await factory.CreateUserAsync("keep@example.jp", [KyodoRoles.GroupMember], departmentId: null, groupId: group.Id);
        using var member = factory.CreatePageClient();
        await member.SignInAsync("keep@example.jp", KyodoWebFactory.Password);

        var form = await member.GetPageAsync($"/groups/{group.Id}/edit");
        using var response = await member.SubmitAsync(form, "main form", ("Input.IsActive", "false"));

        Assert.Null(form.QuerySelector("#Input_IsActive"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.CitizenGroups.Where(g => g.Id == group.Id).Select(g => g.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task The_public_directory_hides_unpublished_groups_and_filters_by_field_and_area()
    {
        await PublishedGroupAsync("公開の環境団体", "海岸清掃", Environment);
        await GroupAsync("非公開の環境団体", "海岸清掃", published: false, Environment);
        var hidden = await GroupAsync("準備中の会", null, published: false, Environment);
        using var anonymous = factory.CreatePageClient();

        var byField = await anonymous.GetPageAsync($"/directory?field={Environment}");
        var byArea = await anonymous.GetPageAsync("/directory?area=" + Uri.EscapeDataString("市内全域") + "&q=" + Uri.EscapeDataString("環境団体"));

        Assert.Contains("公開の環境団体", byField.Texts(".cards h2"));
        Assert.DoesNotContain("非公開の環境団体", byField.Texts(".cards h2"));
        Assert.Equal(["公開の環境団体"], byArea.Texts(".cards h2"));
        await anonymous.GetPageAsync($"/directory/{hidden.Id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Department_staff_see_unpublished_groups_in_the_staff_directory_but_cannot_register_one()
    {
        await GroupAsync("職員だけが見る会", null, published: false, TownPlanning);
        using var staff = await factory.SignedInAsync(KyodoRoles.DepartmentStaff);

        var list = await staff.GetPageAsync("/groups?q=" + Uri.EscapeDataString("職員だけ"));

        Assert.Equal(["職員だけが見る会"], list.Texts("tbody th a"));
        Assert.Contains("非公開", list.Text("tbody td:last-child"), StringComparison.Ordinal);
        Assert.Null(list.QuerySelector("a[href='/groups/new']"));
        await staff.GetPageAsync("/groups/new", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Department_staff_publish_a_theme_for_their_department_and_it_lists_matching_groups_by_overlap()
    {
        await PublishedGroupAsync("就労とまちの会", null, Employment, TownPlanning, Environment);
        await PublishedGroupAsync("就労だけの会", null, Employment);
        await PublishedGroupAsync("子育ての会", null, Childcare);
        await GroupAsync("非公開の就労の会", null, published: false, Employment, TownPlanning);
        var department = await factory.AddDepartmentAsync("産業振興課");
        await factory.CreateUserAsync("sangyo@example.jp", [KyodoRoles.DepartmentStaff], department.Id, groupId: null);
        using var staff = factory.CreatePageClient();
        await staff.SignInAsync("sangyo@example.jp", KyodoWebFactory.Password);

        var form = await staff.GetPageAsync("/themes/new");
        var theme = await staff.SubmitAndFollowAsync(form, "main form",
            ("Input.Title", "若者の就労体験の場づくり"),
            ("Input.Description", "就職に不安を抱える若者が地域で働く体験をできる場が足りない。"),
            ("Input.FiscalYear", "2027"),
            ("Input.FieldIds", Id(Employment)), ("Input.FieldIds", Id(TownPlanning)),
            ("Input.IsPublished", "true"));

        Assert.Equal("行政課題「若者の就労体験の場づくり」を登録しました。", theme.Text("[role=status]"));
        Assert.Equal(["就労とまちの会", "就労だけの会"], theme.Texts("#matches-heading ~ .table-wrap tbody th a"));
        Assert.Equal(["2", "1"], theme.Texts("#matches-heading ~ .table-wrap tbody td.num"));
        using var anonymous = factory.CreatePageClient();
        var list = await anonymous.GetPageAsync("/themes?year=2027");
        Assert.Contains("若者の就労体験の場づくり", list.Texts("tbody th a"));
        Assert.Contains("令和9年度", list.Texts("tbody td"));
    }

    [Fact]
    public async Task Department_staff_cannot_write_or_edit_a_theme_for_another_department()
    {
        var own = await factory.AddDepartmentAsync("自分の課");
        var other = await factory.AddDepartmentAsync("よその課");
        var othersTheme = await factory.AddAsync(new Theme(new ThemeDraft("よその課題", "内容", null, other.Id, 2026, ThemeStatus.Open, true, [Environment]), "seed", DateTime.UtcNow));
        await factory.CreateUserAsync("own-staff@example.jp", [KyodoRoles.DepartmentStaff], own.Id, groupId: null);
        using var staff = factory.CreatePageClient();
        await staff.SignInAsync("own-staff@example.jp", KyodoWebFactory.Password);

        var form = await staff.GetPageAsync("/themes/new");
        using var response = await staff.SubmitAsync(form, "main form",
            ("Input.Title", "越権の課題"), ("Input.Description", "内容"), ("Input.FiscalYear", "2026"),
            ("Input.DepartmentId", Id(other.Id)), ("Input.FieldIds", Id(Environment)));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Equal("この担当課の行政課題は登録できません。", page.Text("[data-valmsg-for='Input.DepartmentId']"));
        Assert.DoesNotContain(page.Texts("#Input_DepartmentId option"), o => o == "よその課");
        await staff.GetPageAsync($"/themes/{othersTheme.Id}/edit", HttpStatusCode.Forbidden);
        Assert.False(await factory.QueryAsync(db => db.Themes.AnyAsync(t => t.Title == "越権の課題")));
    }

    [Fact]
    public async Task A_theme_needs_a_title_a_description_and_at_least_one_field()
    {
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        using var response = await coordinator.SubmitAsync(await coordinator.GetPageAsync("/themes/new"), "main form", ("Input.Title", ""), ("Input.Description", ""));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Equal("'課題名' を入力してください。", page.Text("[data-valmsg-for='Input.Title']"));
        Assert.Equal("'課題の内容' を入力してください。", page.Text("[data-valmsg-for='Input.Description']"));
        Assert.NotNull(page.Text("[data-valmsg-for='Input.FieldIds']"));
        Assert.NotNull(page.Text("[data-valmsg-for='Input.DepartmentId']"));
    }

    [Fact]
    public async Task An_unpublished_theme_is_hidden_from_the_public_but_visible_to_staff()
    {
        var department = await factory.AddDepartmentAsync("非公開課");
        var theme = await factory.AddAsync(new Theme(new ThemeDraft("準備中の課題", "内容", null, department.Id, 2026, ThemeStatus.Open, false, [Environment]), "seed", DateTime.UtcNow));
        using var anonymous = factory.CreatePageClient();
        using var staff = await factory.SignedInAsync(KyodoRoles.DepartmentStaff);

        await anonymous.GetPageAsync($"/themes/{theme.Id}", HttpStatusCode.NotFound);
        var list = await anonymous.GetPageAsync("/themes");
        var staffView = await staff.GetPageAsync($"/themes/{theme.Id}");

        Assert.DoesNotContain("準備中の課題", list.Texts("tbody th a"));
        Assert.Equal("準備中の課題", staffView.Text("h1"));
        Assert.Contains("非公開", staffView.Texts(".badge"));
    }

    [Fact]
    public async Task Member_sign_in_addresses_are_shown_to_the_office_only()
    {
        var group = await factory.AddGroupAsync("連絡先の会");
        await factory.CreateUserAsync("private-member@example.jp", [KyodoRoles.GroupMember], departmentId: null, groupId: group.Id);
        using var staff = await factory.SignedInAsync(KyodoRoles.DepartmentStaff);
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        var staffView = await staff.GetPageAsync($"/groups/{group.Id}");
        var officeView = await coordinator.GetPageAsync($"/groups/{group.Id}");

        Assert.DoesNotContain("private-member@example.jp", staffView.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("private-member@example.jp", officeView.Body!.TextContent, StringComparison.Ordinal);
    }
}
