using System.Net;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Tests.Support;

namespace KyodoPortal.Tests.Features;

[Trait("Category", "Database")]
public sealed class RoleAccessTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    public static TheoryData<string, string[]> NavigationByRole => new()
    {
        { KyodoRoles.Administrator, ["ホーム", "行政課題", "募集", "団体一覧", "報告会の議事録", "アンケート結果", "市民活動団体", "担当課", "協働事業", "報告の提出状況", "報告会", "評価・検証", "継続審査", "アンケート", "指針", "事例集", "アンケートへの回答", "ユーザー管理"] },
        { KyodoRoles.Coordinator, ["ホーム", "行政課題", "募集", "団体一覧", "報告会の議事録", "アンケート結果", "市民活動団体", "担当課", "協働事業", "報告の提出状況", "報告会", "評価・検証", "継続審査", "アンケート", "指針", "事例集", "アンケートへの回答"] },
        { KyodoRoles.DepartmentStaff, ["ホーム", "行政課題", "募集", "団体一覧", "報告会の議事録", "アンケート結果", "市民活動団体", "自分の提案", "協働事業", "指針", "事例集", "アンケートへの回答"] },
        { KyodoRoles.GroupMember, ["ホーム", "行政課題", "募集", "団体一覧", "報告会の議事録", "アンケート結果", "自分の提案", "協働事業", "指針", "事例集", "団体プロフィール", "アンケートへの回答"] },
        { KyodoRoles.CommitteeMember, ["ホーム", "行政課題", "募集", "団体一覧", "報告会の議事録", "アンケート結果", "指針", "事例集", "審査", "事業評価", "指針の見直し", "アンケートへの回答"] },
    };

    [Theory]
    [MemberData(nameof(NavigationByRole))]
    public async Task Each_role_sees_its_own_navigation(string role, string[] expected)
    {
        using var client = await factory.SignedInAsync(role);

        var home = await client.GetPageAsync("/");

        Assert.Equal(expected, home.Texts("nav.site-nav a"));
    }

    [Fact]
    public async Task The_public_sees_only_the_public_pages_and_a_sign_in_link()
    {
        using var client = factory.CreatePageClient();

        var home = await client.GetPageAsync("/");

        Assert.Equal(["ホーム", "行政課題", "募集", "団体一覧", "報告会の議事録", "アンケート結果", "指針", "事例集"], home.Texts("nav.site-nav a"));
        Assert.Equal("/case-library", home.QuerySelector("nav.site-nav li:last-child a")?.GetAttribute("href"));
        Assert.Equal("ログイン", home.Text(".site-user a"));
    }

    [Theory]
    [InlineData(KyodoRoles.DepartmentStaff, "担当課職員")]
    [InlineData(KyodoRoles.GroupMember, "市民活動団体メンバー")]
    public async Task The_home_page_tells_a_signed_in_user_their_role_and_affiliation(string role, string roleLabel)
    {
        using var client = await factory.SignedInAsync(role);

        var home = await client.GetPageAsync("/");

        var details = home.Texts("dl.details dd");
        Assert.Equal(roleLabel, details[0]);
        Assert.Equal(2, details.Count);
    }

    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/users/new")]
    [InlineData("/departments")]
    [InlineData("/departments/new")]
    [InlineData("/groups")]
    [InlineData("/account/password")]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_come_back_afterwards(string url)
    {
        using var client = factory.CreatePageClient();

        using var response = await client.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=" + Uri.EscapeDataString(url), response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData(KyodoRoles.GroupMember, "/admin/users")]
    [InlineData(KyodoRoles.GroupMember, "/departments")]
    [InlineData(KyodoRoles.GroupMember, "/groups/new")]
    [InlineData(KyodoRoles.GroupMember, "/groups")]
    [InlineData(KyodoRoles.CommitteeMember, "/groups")]
    [InlineData(KyodoRoles.GroupMember, "/themes/new")]
    [InlineData(KyodoRoles.GroupMember, "/calls/new")]
    [InlineData(KyodoRoles.DepartmentStaff, "/calls/new")]
    [InlineData(KyodoRoles.CommitteeMember, "/admin/users/new")]
    [InlineData(KyodoRoles.DepartmentStaff, "/departments/new")]
    [InlineData(KyodoRoles.Coordinator, "/admin/users")]
    public async Task A_role_that_may_not_use_a_page_gets_403_with_a_friendly_page(string role, string url)
    {
        using var client = await factory.SignedInAsync(role);

        var page = await client.GetPageAsync(url, HttpStatusCode.Forbidden);

        Assert.Equal("このページを表示する権限がありません", page.Text("h1"));
    }

    [Fact]
    public async Task A_group_member_cannot_post_to_admin_actions_either()
    {
        using var client = await factory.SignedInAsync(KyodoRoles.GroupMember);
        var home = await client.GetPageAsync("/");
        var token = home.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Name"] = "乗っ取り課" });
        using var response = await client.Http.PostAsync("/departments/new", content);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await factory.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Departments, d => d.Name == "乗っ取り課")));
    }

    [Fact]
    public async Task An_unknown_page_is_a_friendly_404()
    {
        using var client = factory.CreatePageClient();

        var page = await client.GetPageAsync("/no-such-page", HttpStatusCode.NotFound);

        Assert.Equal("ページが見つかりません", page.Text("h1"));
    }

    /// <summary>
    /// docs/permissions.md and the code agree: every row of its page table that starts with a plain
    /// path (no record id) is opened by the public and by each role, and answers what the table says —
    /// 403 where it says 403, a sign-in redirect for the public where it says —, the page otherwise.
    /// </summary>
    [Fact]
    public async Task Every_plain_page_of_the_permissions_table_answers_each_role_as_documented()
    {
        var rows = DocumentedPageRows();
        Assert.Contains(rows, r => r.Path == "/projects");
        Assert.Contains(rows, r => r.Path == "/proposals");
        string[] roles = [KyodoRoles.Administrator, KyodoRoles.Coordinator, KyodoRoles.DepartmentStaff, KyodoRoles.GroupMember, KyodoRoles.CommitteeMember];
        var clients = new List<PageClient> { factory.CreatePageClient() };
        foreach (var role in roles)
        {
            clients.Add(await factory.SignedInAsync(role));
        }

        var mismatches = new List<string>();
        try
        {
            foreach (var row in rows)
            {
                for (var column = 0; column < clients.Count; column++)
                {
                    var expected = Expected(row.Cells[column], isPublic: column == 0);
                    using var response = await clients[column].Http.GetAsync(row.Path);
                    if (response.StatusCode != expected)
                    {
                        mismatches.Add($"{row.Path} as {(column == 0 ? "public" : roles[column - 1])}: documented {(int)expected} ({row.Cells[column]}), answered {(int)response.StatusCode}");
                    }
                }
            }
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    private static HttpStatusCode Expected(string cell, bool isPublic) => cell switch
    {
        "403" => HttpStatusCode.Forbidden,
        "—" when isPublic => HttpStatusCode.Redirect,
        _ => HttpStatusCode.OK,
    };

    private sealed record DocumentedRow(string Path, string[] Cells);

    private static List<DocumentedRow> DocumentedPageRows()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root(), "docs", "permissions.md"));
        var rows = new List<DocumentedRow>();
        foreach (var line in lines.Where(l => l.StartsWith("| `/", StringComparison.Ordinal)))
        {
            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            var path = cells[0][1..cells[0].IndexOf('`', 1)];
            if (cells.Length == 7 && !path.Contains('{', StringComparison.Ordinal) && !path.Contains(' ', StringComparison.Ordinal))
            {
                rows.Add(new DocumentedRow(path, cells[1..]));
            }
        }

        return rows;
    }
}
