using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// Issue 15 part 4: a city runs several app instances behind a load balancer on one database
/// (PostgreSQL in production; this class runs on it with KYODO_TEST_PROVIDER=Postgres, and on one
/// SQLite file otherwise). Each instance here is its own host with its own service provider — its
/// own key-ring cache, rate limiter, EF caches, singletons — sharing only the database and the data
/// folder (Storage:DataPath, a network share in production). One browser (one cookie jar) sends
/// its requests to either instance, as a load balancer without sticky sessions does.
/// </summary>
[Trait("Category", "Database")]
public sealed class SeveralInstancesTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task Signed_in_on_one_instance_a_person_is_signed_in_on_the_other_and_a_form_of_one_is_accepted_by_the_other()
    {
        using var a = new KyodoWebFactory();
        using var b = KyodoWebFactory.AnotherInstanceOf(a);
        var department = await a.AddDepartmentAsync("複数台課");
        var email = await CoordinatorAsync(a, "takahashi");
        var browser = new CookieContainer();
        using var onA = a.CreatePageClient(browser);
        using var onB = b.CreatePageClient(browser);

        var login = await onA.GetPageAsync("/account/login");
        using var signedIn = await onB.SubmitAsync(login, "main form", ("Email", email), ("Password", KyodoWebFactory.Password));
        var list = await onA.GetPageAsync("/departments");
        var form = await onA.GetPageAsync($"/departments/{department.Id}/edit");
        using var posted = await onB.SubmitAsync(form, "main form", ("Input.Division", "二台目で保存した部局"));
        var after = await onA.GetPageAsync(posted.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("takahashi さん", list.Text(".site-user span"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("担当課「複数台課」を更新しました。", after.Text("[role=status]"));
        Assert.Equal("二台目で保存した部局", await b.QueryAsync(db => db.Departments.Where(d => d.Id == department.Id).Select(d => d.Division).SingleAsync()));
        Assert.False(Directory.Exists(Path.Combine(a.DataFolder, "keys")), "the keys are in the database, not in the data folder");
        Assert.Equal(1, await a.QueryAsync(db => db.DataProtectionKeys.CountAsync()));
    }

    [Fact]
    public async Task An_attachment_uploaded_through_one_instance_is_downloaded_through_the_other()
    {
        using var a = new KyodoWebFactory();
        using var b = KyodoWebFactory.AnotherInstanceOf(a);
        var group = await a.AddGroupAsync("二台の団体");
        var department = await a.AddDepartmentAsync("二台の担当課");
        var call = await a.AddAsync(CallProposalListTests.OpenCall("二台の募集"));
        var proposal = await a.AddAsync(CallProposalListTests.CompleteProposal(call, "二台で添付する提案", group.Id, department.Id, "seed-user"));
        var email = $"member-{Guid.NewGuid():N}@example.jp";
        await a.CreateUserAsync(email, [KyodoRoles.GroupMember], departmentId: null, groupId: group.Id);
        var browser = new CookieContainer();
        using var onA = a.CreatePageClient(browser);
        using var onB = b.CreatePageClient(browser);
        await onB.SignInAsync(email, KyodoWebFactory.Password);

        var page = await onA.GetPageAsync($"/proposals/{proposal.Id}");
        using var upload = await UploadAsync(onA, page, proposal.Id, Pdf, "二台目で読む資料.pdf");
        var onBPage = await onB.GetPageAsync($"/proposals/{proposal.Id}");
        var link = onBPage.QuerySelectorAll<IHtmlAnchorElement>("#attachments a").Single(l => l.TextContent.Trim() == "二台目で読む資料.pdf");
        using var download = await onB.Http.GetAsync(link.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_same_record_opened_on_both_instances_and_saved_on_one_then_the_other_is_a_conflict()
    {
        using var a = new KyodoWebFactory();
        using var b = KyodoWebFactory.AnotherInstanceOf(a);
        var department = await a.AddDepartmentAsync("同時編集の課");
        using var first = a.CreatePageClient();
        await first.SignInAsync(await CoordinatorAsync(a, "sato"), KyodoWebFactory.Password);
        using var second = b.CreatePageClient();
        await second.SignInAsync(await CoordinatorAsync(b, "suzuki"), KyodoWebFactory.Password);
        var firstForm = await first.GetPageAsync($"/departments/{department.Id}/edit");
        var secondForm = await second.GetPageAsync($"/departments/{department.Id}/edit");

        var saved = await first.SubmitAndFollowAsync(firstForm, "main form", ("Input.Division", "一台目の部局"));
        using var conflict = await second.SubmitAsync(secondForm, "main form", ("Input.Division", "二台目の部局"));
        var page = await PageClient.ReadAsync(conflict, HttpStatusCode.OK);

        Assert.Equal("担当課「同時編集の課」を更新しました。", saved.Text("[role=status]"));
        Assert.Contains("他の人が先に更新しました。", page.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal("二台目の部局", page.QuerySelector<IHtmlInputElement>("#Input_Division")!.Value);
        Assert.Equal("一台目の部局", await b.QueryAsync(db => db.Departments.Where(d => d.Id == department.Id).Select(d => d.Division).SingleAsync()));
    }

    /// <summary>What the tests above would meet if each instance kept its own keys (the app before the keys moved to the database, on instance-local disks).</summary>
    [Fact]
    public async Task Instances_with_keys_of_their_own_sign_people_out_and_refuse_each_others_forms()
    {
        using var a = new KyodoWebFactory();
        using var b = KyodoWebFactory.AnotherInstanceOf(a);
        a.WithSetting("DataProtection:KeysFolder", Path.Combine(a.DataFolder, "keys-a"));
        b.WithSetting("DataProtection:KeysFolder", Path.Combine(a.DataFolder, "keys-b"));
        var department = await a.AddDepartmentAsync("鍵が別々の課");
        var email = await CoordinatorAsync(a, "watanabe");
        var browser = new CookieContainer();
        using var onA = a.CreatePageClient(browser);
        using var onB = b.CreatePageClient(browser);

        var login = await onA.GetPageAsync("/account/login");
        using var refused = await onB.SubmitAsync(login, "main form", ("Email", email), ("Password", KyodoWebFactory.Password));
        await onA.SignInAsync(email, KyodoWebFactory.Password);
        using var signedOut = await onB.Http.GetAsync("/departments");
        var form = await onA.GetPageAsync($"/departments/{department.Id}/edit");
        using var notSaved = await onB.SubmitAsync(form, "main form", ("Input.Division", "届かない変更"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/account/login", signedOut.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.StartsWith("/account/login", notSaved.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("市民生活部", await a.QueryAsync(db => db.Departments.Where(d => d.Id == department.Id).Select(d => d.Division).SingleAsync()));
        Assert.Equal(0, await a.QueryAsync(db => db.DataProtectionKeys.CountAsync()));
    }

    [Fact]
    public async Task The_app_starts_without_a_keys_folder_and_keeps_its_key_in_the_database()
    {
        using var factory = new KyodoWebFactory();

        await factory.CreatePageClient().GetPageAsync("/account/login");

        Assert.False(Directory.Exists(Path.Combine(factory.DataFolder, "keys")));
        var keys = await factory.QueryAsync(db => db.DataProtectionKeys.AsNoTracking().ToListAsync());
        var key = Assert.Single(keys);
        Assert.StartsWith("key-", key.FriendlyName, StringComparison.Ordinal);
        Assert.Contains("<key ", key.Xml, StringComparison.Ordinal);
    }

    /// <summary>An install from before the keys moved keeps them in Storage:DataPath/keys; after the upgrade nobody is signed out.</summary>
    [Fact]
    public async Task After_the_upgrade_the_keys_of_the_former_keys_folder_are_imported_and_sessions_carry_on()
    {
        using var before = new KyodoWebFactory();
        before.WithSetting("DataProtection:KeysFolder", Path.Combine(before.DataFolder, "keys"));
        var email = await CoordinatorAsync(before, "kobayashi");
        var browser = new CookieContainer();
        using var onBefore = before.CreatePageClient(browser);
        await onBefore.SignInAsync(email, KyodoWebFactory.Password);
        var form = await onBefore.GetPageAsync("/account/password");
        Assert.Equal(0, await before.QueryAsync(db => db.DataProtectionKeys.CountAsync()));

        using var upgraded = KyodoWebFactory.AnotherInstanceOf(before);
        using var onUpgraded = upgraded.CreatePageClient(browser);
        var page = await onUpgraded.GetPageAsync("/departments");
        using var signOut = await onUpgraded.PostWithTokenAsync(form, "/account/logout");

        Assert.Equal("kobayashi さん", page.Text(".site-user span"));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var files = Directory.GetFiles(Path.Combine(before.DataFolder, "keys"), "key-*.xml").Select(Path.GetFileNameWithoutExtension);
        Assert.Equal(files.Order(), await upgraded.QueryAsync(db => db.DataProtectionKeys.Select(k => k.FriendlyName!).OrderBy(n => n).ToListAsync()));
        Assert.Equal("同じ鍵", Protector(upgraded).Unprotect(Protector(before).Protect("同じ鍵")));
    }

    /// <summary>Both instances keep Database:MigrateOnStartup on and start at the same moment on an empty database: EF's migration lock lets one apply the migrations; the other waits and finds nothing to do.</summary>
    [Fact]
    public async Task Two_instances_starting_at_once_on_an_empty_database_apply_each_migration_once()
    {
        using var a = new KyodoWebFactory();
        using var b = KyodoWebFactory.AnotherInstanceOf(a);

        await Task.WhenAll(Task.Run(() => a.Services), Task.Run(() => b.Services));

        var migrations = await a.QueryAsync(db => Task.FromResult(db.Database.GetMigrations().ToList()));
        var applied = await b.QueryAsync(db => db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(migrations, applied);
        using var onA = a.CreatePageClient();
        using var onB = b.CreatePageClient();
        await onA.GetPageAsync("/account/login");
        await onB.GetPageAsync("/account/login");

        // Each may have created a first key at the same moment; an unknown key id makes an instance
        // re-read the keys (during its first minutes), so each reads what the other protected.
        Assert.Equal("A", Protector(b).Unprotect(Protector(a).Protect("A")));
        Assert.Equal("B", Protector(a).Unprotect(Protector(b).Protect("B")));
    }

    private static IDataProtector Protector(KyodoWebFactory instance) =>
        instance.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("SeveralInstancesTests");

    private static async Task<string> CoordinatorAsync(KyodoWebFactory factory, string name)
    {
        var email = $"{name}@example.jp";
        await factory.CreateUserAsync(email, [KyodoRoles.Coordinator], departmentId: null, groupId: null);
        return email;
    }

    private static async Task<HttpResponseMessage> UploadAsync(PageClient client, IHtmlDocument page, int proposalId, byte[] bytes, string fileName)
    {
        var token = page.QuerySelector<IHtmlInputElement>($"#attachments form[action='/proposals/{proposalId}/attachments'] input[name=__RequestVerificationToken]")!.Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes) { Headers = { ContentType = new("application/pdf") } }, "file", fileName },
        };
        return await client.Http.PostAsync($"/proposals/{proposalId}/attachments", content);
    }
}
