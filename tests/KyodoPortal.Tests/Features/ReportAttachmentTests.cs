using KyodoPortal.Tests.Support.Scenarios;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Tests.Support;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoPortal.Tests.Features;

/// <summary>添付資料 of an annual report: the group attaches while it may edit; parties download; nothing changes once accepted.</summary>
[Trait("Category", "Database")]
public sealed class ReportAttachmentTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task The_group_attaches_a_flyer_parties_download_it_others_get_404_and_an_accepted_report_keeps_it()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        await ReportScenario.StoredDraftAsync(s);
        var reportUrl = $"{s.ProjectUrl}/reports/{s.FirstYear}";
        using var group = await s.GroupMemberAsync();

        var page = await group.GetPageAsync(reportUrl);
        Assert.Equal("添付ファイルはありません。", page.Text("#attachments p"));
        var uploaded = await UploadAsync(group, page, "セミナーのチラシ.pdf");
        Assert.Equal("添付ファイル「セミナーのチラシ.pdf」を追加しました。", uploaded.Text("[role=status]"));
        var link = uploaded.QuerySelector<IHtmlAnchorElement>("#attachments a[download]")!;
        Assert.Equal("セミナーのチラシ.pdf", link.TextContent);

        using var department = await s.DepartmentStaffAsync();
        using (var download = await department.Http.GetAsync(link.GetAttribute("href")))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        }

        // The department reads but does not attach; another group does not even see the file.
        Assert.Null((await department.GetPageAsync(reportUrl)).QuerySelector("#attachments form"));
        using var other = await s.OtherGroupMemberAsync();
        using (var guessed = await other.Http.GetAsync(link.GetAttribute("href")))
        {
            Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        }

        // Accepted: the file stays, but nothing can be attached or removed any more.
        await AcceptAsync(s);
        page = await group.GetPageAsync(reportUrl);
        Assert.Equal("セミナーのチラシ.pdf", page.Text("#attachments a[download]"));
        Assert.Null(page.QuerySelector("#attachments form"));
        var token = page.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var attachmentId = link.GetAttribute("href")!.Split('/').Last();
        using (var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]))
        using (var refused = await group.Http.PostAsync($"{reportUrl}/attachments/{attachmentId}/delete", content))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        Assert.Equal(1, await factory.QueryAsync(db => db.AnnualReports.Where(r => r.ProjectId == s.Project.Id).SelectMany(r => r.Attachments).CountAsync()));
    }

    [Fact]
    public async Task The_group_removes_a_file_from_its_draft_and_the_stored_bytes_go_with_it()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        await ReportScenario.StoredDraftAsync(s);
        using var group = await s.GroupMemberAsync();
        var page = await UploadAsync(group, await group.GetPageAsync($"{s.ProjectUrl}/reports/{s.FirstYear}"), "参加者名簿.pdf");
        var key = await factory.QueryAsync(db => db.AnnualReports.Where(r => r.ProjectId == s.Project.Id).SelectMany(r => r.Attachments).Select(a => a.StorageKey).SingleAsync());

        Assert.Single(Directory.EnumerateFiles(factory.DataFolder, key, SearchOption.AllDirectories));

        var removed = await group.SubmitAndFollowAsync(page, "#attachments form[action$='/delete']");

        Assert.Equal("添付ファイル「参加者名簿.pdf」を削除しました。", removed.Text("[role=status]"));
        Assert.Equal("添付ファイルはありません。", removed.Text("#attachments p"));
        Assert.Empty(Directory.EnumerateFiles(factory.DataFolder, key, SearchOption.AllDirectories));
    }

    private static async Task<IHtmlDocument> UploadAsync(PageClient client, IHtmlDocument page, string fileName)
    {
        var form = page.QuerySelector<IHtmlFormElement>("#attachments form[enctype='multipart/form-data']")!;
        var token = form.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Pdf) { Headers = { ContentType = new("application/pdf") } }, "file", fileName },
        };
        using var response = await client.Http.PostAsync(form.GetAttribute("action"), content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetPageAsync(response.Headers.Location!.OriginalString.Split('#')[0]);
    }

    private async Task AcceptAsync(ProjectScenario s)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KyodoDbContext>();
        var report = await db.AnnualReports.SingleAsync(r => r.ProjectId == s.Project.Id);
        var plan = await db.ProjectPlans.AsNoTracking().Where(p => p.ProjectId == s.Project.Id).OrderByDescending(p => p.Number).FirstAsync();
        var drafts = plan.Content.BudgetLinesOf(s.FirstYear).Select(l => new BudgetActualDraft(l.Category, l.Item, l.Amount)).ToList();
        report.ReplaceBudgetActuals(ReportActor.Group, drafts, DateTime.UtcNow);
        report.Submit(plan.Content, "member", DateTime.UtcNow);
        report.Accept(ReportActor.Coordinator, "office", null, DateTime.UtcNow);
        await db.SaveChangesAsync();
    }
}
