using System.Net;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

[Trait("Category", "Database")]
public sealed class UserAdministrationTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task An_administrator_creates_a_department_staff_account_and_that_user_can_sign_in()
    {
        var department = await factory.AddDepartmentAsync("商工課");
        using var admin = await factory.SignedInAsync(KyodoRoles.Administrator);

        var form = await admin.GetPageAsync("/admin/users/new");
        var list = await admin.SubmitAndFollowAsync(form, "main form",
            ("Input.Email", "shoko@example.jp"),
            ("Input.Password", "a long enough initial passphrase"),
            ("Input.DisplayName", "商工 太郎"),
            ("Input.Roles", KyodoRoles.DepartmentStaff),
            ("Input.DepartmentId", department.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Contains("shoko@example.jp", list.Text("[role=status]"), StringComparison.Ordinal);
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("shoko@example.jp", StringComparison.Ordinal));
        Assert.Contains("担当課職員", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("商工課", row.TextContent, StringComparison.Ordinal);

        using var staff = factory.CreatePageClient();
        await staff.SignInAsync("shoko@example.jp", "a long enough initial passphrase");
        var home = await staff.GetPageAsync("/");
        Assert.Equal("商工 太郎 さん", home.Text(".site-user span"));
        Assert.Contains("商工課", home.Texts("dl.details dd"));
    }

    [Fact]
    public async Task Department_staff_without_a_department_is_refused_and_nothing_is_saved()
    {
        using var admin = await factory.SignedInAsync(KyodoRoles.Administrator);

        using var response = await admin.SubmitAsync(await admin.GetPageAsync("/admin/users/new"), "main form",
            ("Input.Email", "nodept@example.jp"),
            ("Input.Password", "a long enough initial passphrase"),
            ("Input.DisplayName", "所属 なし"),
            ("Input.Roles", KyodoRoles.DepartmentStaff));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Contains("担当課職員には所属課を指定してください。", page.Texts(".field-validation-error"));
        Assert.Equal("所属 なし", page.QuerySelector("#Input_DisplayName")!.GetAttribute("value"));
        Assert.Empty(page.QuerySelector("#Input_Password")!.GetAttribute("value") ?? string.Empty);
        Assert.False(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Email == "nodept@example.jp")));
    }

    [Fact]
    public async Task Creating_the_same_email_twice_shows_a_message_instead_of_an_error()
    {
        using var admin = await factory.SignedInAsync(KyodoRoles.Administrator);
        (string, string)[] fields =
        [
            ("Input.Email", "twice@example.jp"),
            ("Input.Password", "a long enough initial passphrase"),
            ("Input.DisplayName", "二重 登録"),
            ("Input.Roles", KyodoRoles.CommitteeMember),
        ];

        using var first = await admin.SubmitAsync(await admin.GetPageAsync("/admin/users/new"), "main form", fields);
        using var second = await admin.SubmitAsync(await admin.GetPageAsync("/admin/users/new"), "main form", fields);
        var page = await PageClient.ReadAsync(second, HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("このメールアドレスは既に登録されています。", page.Texts(".field-validation-error"));
        Assert.Equal(1, await factory.QueryAsync(db => db.Users.CountAsync(u => u.Email == "twice@example.jp")));
    }

    [Fact]
    public async Task A_common_initial_password_is_refused()
    {
        using var admin = await factory.SignedInAsync(KyodoRoles.Administrator);

        using var response = await admin.SubmitAsync(await admin.GetPageAsync("/admin/users/new"), "main form",
            ("Input.Email", "common@example.jp"),
            ("Input.Password", "Password1234"),
            ("Input.DisplayName", "弱い パスワード"),
            ("Input.Roles", KyodoRoles.CommitteeMember));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Contains("よく使われるパスワードや推測されやすいパスワードは使えません。", page.Texts(".field-validation-error"));
    }

    [Fact]
    public async Task Deactivating_a_user_ends_their_open_session_and_blocks_sign_in()
    {
        var member = await factory.CreateUserAsync("member@example.jp", KyodoRoles.Coordinator);
        using var memberClient = factory.CreatePageClient();
        await memberClient.SignInAsync("member@example.jp", KyodoWebFactory.Password);
        await memberClient.GetPageAsync("/departments");
        using var admin = await factory.SignedInAsync(KyodoRoles.Administrator);

        var edit = await admin.GetPageAsync($"/admin/users/{member.Id}");
        var after = await admin.SubmitAndFollowAsync(edit, $"form[action='/admin/users/{member.Id}/deactivate']");

        Assert.Contains("停止しました", after.Text("[role=status]"), StringComparison.Ordinal);
        using var stale = await memberClient.Http.GetAsync("/departments");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        using var again = factory.CreatePageClient();
        await Assert.ThrowsAsync<InvalidOperationException>(() => again.SignInAsync("member@example.jp", KyodoWebFactory.Password));
    }

    [Fact]
    public async Task Changing_a_users_roles_takes_effect_at_their_next_sign_in()
    {
        var user = await factory.CreateUserAsync("promote@example.jp", KyodoRoles.CommitteeMember);
        using var admin = await factory.SignedInAsync(KyodoRoles.Administrator);

        var edit = await admin.GetPageAsync($"/admin/users/{user.Id}");
        var list = await admin.SubmitAndFollowAsync(edit, "main form", ("Input.Roles", KyodoRoles.CommitteeMember), ("Input.Roles", KyodoRoles.Coordinator));

        Assert.Contains("更新しました", list.Text("[role=status]"), StringComparison.Ordinal);
        using var promoted = factory.CreatePageClient();
        await promoted.SignInAsync("promote@example.jp", KyodoWebFactory.Password);
        var home = await promoted.GetPageAsync("/");
        Assert.Contains("担当課", home.Texts("nav.site-nav a"));
    }

    [Fact]
    public async Task An_administrator_cannot_remove_their_own_administrator_role()
    {
        var self = await factory.CreateUserAsync("self-admin@example.jp", KyodoRoles.Administrator);
        using var admin = factory.CreatePageClient();
        await admin.SignInAsync("self-admin@example.jp", KyodoWebFactory.Password);

        using var response = await admin.SubmitAsync(await admin.GetPageAsync($"/admin/users/{self.Id}"), "main form", ("Input.Roles", KyodoRoles.Coordinator));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Contains("自分自身のシステム管理者の役割は外せません。", page.Texts(".field-validation-error"));
        Assert.Null(page.QuerySelector($"form[action='/admin/users/{self.Id}/deactivate']"));
    }

    [Fact]
    public async Task An_administrator_cannot_set_their_own_password_there_without_the_current_one_and_is_sent_to_the_password_page()
    {
        var self = await factory.CreateUserAsync($"own-reset-{Guid.NewGuid():N}@example.jp", KyodoRoles.Administrator);
        using var admin = factory.CreatePageClient();
        await admin.SignInAsync(self.Email!, KyodoWebFactory.Password);

        var edit = await admin.GetPageAsync($"/admin/users/{self.Id}");
        using var response = await admin.PostWithTokenAsync(edit, $"/admin/users/{self.Id}/password", ("Reset.Password", "a stolen session sets this passphrase"));

        Assert.Null(edit.QuerySelector($"form[action='/admin/users/{self.Id}/password']"));
        Assert.NotNull(edit.QuerySelector("#reset-heading ~ p a[href='/account/password']"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/password", response.Headers.Location!.OriginalString);
        using var fresh = factory.CreatePageClient();
        await fresh.SignInAsync(self.Email!, KyodoWebFactory.Password);
        using var other = factory.CreatePageClient();
        await Assert.ThrowsAsync<InvalidOperationException>(() => other.SignInAsync(self.Email!, "a stolen session sets this passphrase"));
    }

    [Fact]
    public async Task Resetting_a_password_unlocks_the_account()
    {
        var user = await factory.CreateUserAsync("forgot@example.jp", KyodoRoles.GroupMember);
        using var admin = await factory.SignedInAsync(KyodoRoles.Administrator);

        var page = await admin.SubmitAndFollowAsync(await admin.GetPageAsync($"/admin/users/{user.Id}"), $"form[action='/admin/users/{user.Id}/password']", ("Reset.Password", "the reset passphrase given by phone"));

        Assert.Contains("再設定", page.Text("[role=status]"), StringComparison.Ordinal);
        using var client = factory.CreatePageClient();
        await client.SignInAsync("forgot@example.jp", "the reset passphrase given by phone");
    }

    [Fact]
    public async Task The_user_list_filters_by_role_and_stays_within_a_fixed_number_of_queries()
    {
        for (var i = 0; i < 25; i++)
        {
            await factory.CreateUserAsync($"listed{i:00}@example.jp", KyodoRoles.CommitteeMember);
        }

        using var admin = await factory.SignedInAsync(KyodoRoles.Administrator);

        factory.SqlCommands.Reset();
        var page = await admin.GetPageAsync("/admin/users?role=CommitteeMember");
        var queries = factory.SqlCommands.Count;

        Assert.Equal(20, page.QuerySelectorAll("tbody tr").Length);
        Assert.All(page.Texts("tbody tr td:nth-child(3)"), roles => Assert.Contains("評価委員", roles, StringComparison.Ordinal));
        Assert.InRange(queries, 1, 4);
        var second = await admin.GetPageAsync(page.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        Assert.NotEmpty(second.QuerySelectorAll("tbody tr"));
    }
}
