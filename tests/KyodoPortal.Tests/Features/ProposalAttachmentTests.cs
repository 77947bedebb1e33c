using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Tests.Support;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoPortal.Tests.Features;

[Trait("Category", "Database")]
public sealed class ProposalAttachmentTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    private static readonly byte[] Executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

    [Fact]
    public async Task A_member_of_the_proposing_group_attaches_a_PDF_and_downloads_the_same_bytes()
    {
        var seed = await SeedAsync();
        using var member = await SignInAsync(KyodoRoles.GroupMember, groupId: seed.GroupId);

        using var response = await UploadAsync(member, seed.ProposalId, Pdf, "提案書.pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/proposals/{seed.ProposalId}", response.Headers.Location?.OriginalString);
        Assert.Equal("添付ファイル「提案書.pdf」を追加しました。", Flashed(member, FlashKind.Success));
        var attachment = await SingleAttachmentAsync(seed.ProposalId);
        Assert.Equal(("提案書.pdf", "application/pdf", (long)Pdf.Length), (attachment.FileName, attachment.ContentType, attachment.SizeBytes));
        Assert.True(File.Exists(StoredPath(attachment.StorageKey)));

        using var download = await member.Http.GetAsync($"/proposals/{seed.ProposalId}/attachments/{attachment.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("提案書.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_downloaded_attachment_is_never_kept_in_a_shared_or_browser_cache()
    {
        var seed = await SeedAsync();
        using var member = await SignInAsync(KyodoRoles.GroupMember, groupId: seed.GroupId);
        using var upload = await UploadAsync(member, seed.ProposalId, Pdf, "提案書.pdf");
        var attachment = await SingleAttachmentAsync(seed.ProposalId);

        using var download = await member.Http.GetAsync($"/proposals/{seed.ProposalId}/attachments/{attachment.Id}");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.True(download.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {download.Headers.CacheControl}");
    }

    [Fact]
    public async Task A_file_over_the_request_limit_gets_the_error_page_with_the_same_message_as_the_10_MB_check()
    {
        var seed = await SeedAsync();
        using var member = await SignInAsync(KyodoRoles.GroupMember, groupId: seed.GroupId);
        var tooBig = new byte[12 * 1024 * 1024];
        Pdf.CopyTo(tooBig, 0);

        using var response = await UploadAsync(member, seed.ProposalId, tooBig, "大きすぎる提案書.pdf");
        var page = await PageClient.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("ファイルが大きすぎます（上限 10 MB）。", page.Texts("main p"));
        Assert.Equal(0, await AttachmentCountAsync(seed.ProposalId));
    }

    [Fact]
    public async Task An_executable_renamed_to_pdf_is_refused_with_the_Japanese_message_and_nothing_is_stored()
    {
        var seed = await SeedAsync();
        using var member = await SignInAsync(KyodoRoles.GroupMember, groupId: seed.GroupId);
        var storedBefore = StoredFileCount();

        using var response = await UploadAsync(member, seed.ProposalId, Executable, "提案書.pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/proposals/{seed.ProposalId}", response.Headers.Location?.OriginalString);
        Assert.Equal("この種類のファイルは添付できません（PDF、画像（PNG・JPEG・GIF）、Word、Excel、PowerPoint のみ）。", Flashed(member, FlashKind.Error));
        Assert.Equal(0, await AttachmentCountAsync(seed.ProposalId));
        Assert.Equal(storedBefore, StoredFileCount());
    }

    [Fact]
    public async Task A_post_without_a_file_asks_for_one()
    {
        var seed = await SeedAsync();
        using var member = await SignInAsync(KyodoRoles.GroupMember, groupId: seed.GroupId);
        var token = await TokenAsync(member);

        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        using var response = await member.Http.PostAsync($"/proposals/{seed.ProposalId}/attachments", content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("添付するファイルを選択してください。", Flashed(member, FlashKind.Error));
    }

    [Fact]
    public async Task A_member_of_another_group_can_neither_download_nor_upload_by_guessing_the_URL_but_the_coordinator_can_download()
    {
        var seed = await SeedAsync();
        using var member = await SignInAsync(KyodoRoles.GroupMember, groupId: seed.GroupId);
        using (var uploaded = await UploadAsync(member, seed.ProposalId, Pdf, "収支予算書.pdf"))
        {
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        var attachment = await SingleAttachmentAsync(seed.ProposalId);
        var url = $"/proposals/{seed.ProposalId}/attachments/{attachment.Id}";
        var otherGroup = await factory.AddGroupAsync("別の団体" + Guid.NewGuid().ToString("N")[..6]);
        using var stranger = await SignInAsync(KyodoRoles.GroupMember, groupId: otherGroup.Id);
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        using var strangerDownload = await stranger.Http.GetAsync(url);
        using var strangerUpload = await UploadAsync(stranger, seed.ProposalId, Pdf, "なりすまし.pdf");
        using var strangerDelete = await PostAsync(stranger, url + "/delete");
        using var coordinatorDownload = await coordinator.Http.GetAsync(url);
        using var coordinatorUpload = await UploadAsync(coordinator, seed.ProposalId, Pdf, "事務局.pdf");

        Assert.Equal(HttpStatusCode.NotFound, strangerDownload.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerUpload.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerDelete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, coordinatorDownload.StatusCode);
        Assert.Equal(Pdf, await coordinatorDownload.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Forbidden, coordinatorUpload.StatusCode);
        Assert.Equal(1, await AttachmentCountAsync(seed.ProposalId));
        using var unknown = await member.Http.GetAsync($"/proposals/{seed.ProposalId}/attachments/{attachment.Id + 1000}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Deleting_an_attachment_removes_the_row_and_the_stored_file()
    {
        var seed = await SeedAsync();
        using var member = await SignInAsync(KyodoRoles.GroupMember, groupId: seed.GroupId);
        using (var uploaded = await UploadAsync(member, seed.ProposalId, Pdf, "削除する資料.pdf"))
        {
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        var attachment = await SingleAttachmentAsync(seed.ProposalId);
        Assert.True(File.Exists(StoredPath(attachment.StorageKey)));

        using var response = await PostAsync(member, $"/proposals/{seed.ProposalId}/attachments/{attachment.Id}/delete");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("添付ファイル「削除する資料.pdf」を削除しました。", Flashed(member, FlashKind.Success));
        Assert.Equal(0, await AttachmentCountAsync(seed.ProposalId));
        Assert.False(File.Exists(StoredPath(attachment.StorageKey)));
        using var download = await member.Http.GetAsync($"/proposals/{seed.ProposalId}/attachments/{attachment.Id}");
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
    }

    [Fact]
    public async Task Files_of_a_submitted_proposal_can_still_be_downloaded_but_no_longer_changed()
    {
        var seed = await SeedAsync(submitted: true);
        using var member = await SignInAsync(KyodoRoles.GroupMember, groupId: seed.GroupId);

        using var response = await UploadAsync(member, seed.ProposalId, Pdf, "提出後の追加.pdf");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await AttachmentCountAsync(seed.ProposalId));
    }

    [Fact]
    public async Task The_proposal_page_lists_attachments_and_offers_upload_and_delete_without_JavaScript_to_the_proposer_only()
    {
        var seed = await SeedAsync();
        using var member = await SignInAsync(KyodoRoles.GroupMember, groupId: seed.GroupId);
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var page = await member.GetPageAsync($"/proposals/{seed.ProposalId}");
        var form = page.QuerySelector<IHtmlFormElement>($"#attachments form[action='/proposals/{seed.ProposalId}/attachments']")!;

        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        Assert.Equal("追加するファイル", page.Text("label[for=attachment-file]"));
        Assert.Contains(".pdf", page.QuerySelector("#attachment-file")!.GetAttribute("accept"), StringComparison.Ordinal);
        Assert.Contains("10 MB", page.Text("#attachment-file-hint"), StringComparison.Ordinal);
        Assert.Equal("添付ファイルはありません。", page.Text("#attachments p"));

        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Executable) { Headers = { ContentType = new("application/pdf") } }, "file", "請求書.pdf" },
        };
        using (var refused = await member.Http.PostAsync(form.GetAttribute("action"), content))
        {
            var shown = await member.GetPageAsync(refused.Headers.Location!.OriginalString);
            Assert.Equal("この種類のファイルは添付できません（PDF、画像（PNG・JPEG・GIF）、Word、Excel、PowerPoint のみ）。", shown.Text("[role=alert]"));
        }

        using (var uploaded = await UploadAsync(member, seed.ProposalId, Pdf, "団体規約.pdf"))
        {
            page = await member.GetPageAsync(uploaded.Headers.Location!.OriginalString);
        }

        var attachment = await SingleAttachmentAsync(seed.ProposalId);
        Assert.Equal("添付ファイル「団体規約.pdf」を追加しました。", page.Text("[role=status]"));
        Assert.Equal("団体規約.pdf", page.Text($"#attachments a[href='/proposals/{seed.ProposalId}/attachments/{attachment.Id}']"));
        var coordinatorPage = await coordinator.GetPageAsync($"/proposals/{seed.ProposalId}");
        Assert.NotNull(coordinatorPage.QuerySelector($"#attachments a[href='/proposals/{seed.ProposalId}/attachments/{attachment.Id}']"));
        Assert.Empty(coordinatorPage.QuerySelectorAll("#attachments form"));

        var afterDelete = await member.SubmitAndFollowAsync(page, $"form[action='/proposals/{seed.ProposalId}/attachments/{attachment.Id}/delete']");

        Assert.Equal("添付ファイル「団体規約.pdf」を削除しました。", afterDelete.Text("[role=status]"));
        Assert.Null(afterDelete.QuerySelector("#attachments table"));
    }

    private async Task<Seed> SeedAsync(bool submitted = false)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var group = await factory.AddGroupAsync("提案団体" + suffix);
        var department = await factory.AddDepartmentAsync("協働推進課" + suffix);
        var call = await factory.AddAsync(CallProposalListTests.OpenCall("添付の募集" + suffix));
        var proposal = CallProposalListTests.CompleteProposal(call, "添付のある提案" + suffix, group.Id, department.Id, "seed-user");
        if (submitted)
        {
            proposal.Submit(call, "seed-user", DateTime.UtcNow);
        }

        await factory.AddAsync(proposal);
        return new Seed(proposal.Id, group.Id);
    }

    private async Task<PageClient> SignInAsync(string role, int? groupId = null, int? departmentId = null)
    {
        var email = $"attach-{Guid.NewGuid():N}@example.jp";
        await factory.CreateUserAsync(email, [role], departmentId, groupId);
        var client = factory.CreatePageClient();
        await client.SignInAsync(email, KyodoWebFactory.Password);
        return client;
    }

    private static async Task<string> TokenAsync(PageClient client) =>
        (await client.GetPageAsync("/account/password")).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

    private static async Task<HttpResponseMessage> UploadAsync(PageClient client, int proposalId, byte[] bytes, string fileName)
    {
        var token = await TokenAsync(client);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes) { Headers = { ContentType = new("application/pdf") } }, "file", fileName },
        };
        return await client.Http.PostAsync($"/proposals/{proposalId}/attachments", content);
    }

    private static async Task<HttpResponseMessage> PostAsync(PageClient client, string url)
    {
        var token = await TokenAsync(client);
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        return await client.Http.PostAsync(url, content);
    }

    /// <summary>The message of <paramref name="kind"/> the app left for the next page (the cookie TempData provider reads the typed flash back from the client's cookies).</summary>
    private string? Flashed(PageClient client, FlashKind kind)
    {
        var context = new DefaultHttpContext { RequestServices = factory.Services };
        context.Request.Headers.Cookie = client.CookieHeader;
        var values = factory.Services.GetRequiredService<ITempDataProvider>().LoadTempData(context);
        return values.TryGetValue("Flash", out var stored) ? Flash.Parse(stored).FirstOrDefault(m => m.Kind == kind)?.Text : null;
    }

    private Task<ProposalAttachment> SingleAttachmentAsync(int proposalId) =>
        factory.QueryAsync(db => db.Proposals.Where(p => p.Id == proposalId).SelectMany(p => p.Attachments).AsNoTracking().SingleAsync());

    private Task<int> AttachmentCountAsync(int proposalId) =>
        factory.QueryAsync(db => db.Proposals.Where(p => p.Id == proposalId).SelectMany(p => p.Attachments).CountAsync());

    private string StoredPath(string key) => Path.Combine(factory.DataFolder, "files", key[..2], key);

    private int StoredFileCount()
    {
        var folder = Path.Combine(factory.DataFolder, "files");
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;
    }

    private sealed record Seed(int ProposalId, int GroupId);
}
