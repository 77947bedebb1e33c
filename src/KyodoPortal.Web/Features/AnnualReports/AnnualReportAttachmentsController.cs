using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Features.Proposals;
using KyodoPortal.Web.Infrastructure.Files;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.AnnualReports;

/// <summary>
/// 添付資料 of an annual report (photos, flyers, participant lists): the group attaches and
/// removes files while it may edit the report; every party downloads them, from any revision.
/// Files are judged by their bytes and kept outside the web root, as for proposals.
/// </summary>
[Authorize]
[Route("projects/{id:int}/reports/{fy:int}/attachments")]
public sealed class AnnualReportAttachmentsController(
    KyodoDbContext db,
    IFileStore files,
    AttachmentValidator validator,
    FormCommands commands) : Controller
{
    [HttpPost("")]
    [RequestSizeLimit(ProposalAttachmentsController.MaxUploadRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = ProposalAttachmentsController.MaxUploadRequestBytes)]
    public async Task<IActionResult> Upload(int id, int fy, IFormFile? file, CancellationToken cancellationToken)
    {
        AttachmentValidationResult? accepted = null;
        string? key = null;
        var saved = false;
        try
        {
            return await commands.RunAsync(this, new FormCommand<AnnualReport>
            {
                Load = ct => EditableReportAsync(id, fy, ct),
                ApplyAsync = async (report, by, ct) =>
                {
                    if (file is null)
                    {
                        throw new DomainRuleException(AttachmentMessages.NoFile);
                    }

                    var check = validator.HasRoomFor(report.Attachments.Count) ? null : validator.TooManyFiles();
                    await using var content = file.OpenReadStream();
                    check ??= await validator.ValidateAsync(content, file.FileName, file.Length, ct);
                    if (!check.IsAccepted)
                    {
                        throw new DomainRuleException(check.Error, [.. check.ErrorArguments]);
                    }

                    accepted = check;
                    key = await files.SaveAsync(content, ct);
                    report.AddAttachment(ReportActor.Group, check.FileName, check.ContentType, check.SizeBytes, key, by.UserId, by.Now);
                },
                AfterCommit = (_, _) =>
                {
                    saved = true;
                    return Task.FromResult<UserMessage?>(null);
                },
                Done = _ => new("添付ファイル「{0}」を追加しました。", accepted!.FileName),
                RedirectTo = _ => Back(id, fy),
            }, cancellationToken);
        }
        finally
        {
            // The stored file stays only with the saved row that names it.
            if (key is not null && !saved)
            {
                await files.DeleteAsync(key, CancellationToken.None);
            }
        }
    }

    [HttpGet("{attachmentId:int}")]
    public async Task<IActionResult> Download(int id, int fy, int attachmentId, CancellationToken cancellationToken)
    {
        var context = await ReportContext.LoadAsync(db, User, id, fy, tracking: false, cancellationToken);
        var attachment = context?.Revisions.SelectMany(r => r.Attachments).FirstOrDefault(a => a.Id == attachmentId);
        var stream = attachment is null ? null : await files.OpenReadAsync(attachment.StorageKey, cancellationToken);
        return stream is null
            ? NotFound()
            : File(stream, attachment!.ContentType, attachment.FileName, enableRangeProcessing: false);
    }

    [HttpPost("{attachmentId:int}/delete")]
    public Task<IActionResult> Delete(int id, int fy, int attachmentId, CancellationToken cancellationToken)
    {
        ProposalAttachment? removed = null;
        return commands.RunAsync(this, new FormCommand<AnnualReport>
        {
            Load = async ct =>
            {
                var loaded = await EditableReportAsync(id, fy, ct);
                return loaded.Value is { } report && report.Attachments.All(a => a.Id != attachmentId) ? LoadRefusal.NotFound : loaded;
            },
            Apply = (report, by) => removed = report.RemoveAttachment(ReportActor.Group, attachmentId, by.Now),

            // An earlier, accepted revision may still show the same stored file. Failing to remove
            // an unused file is logged and not the person's concern (no message).
            AfterCommit = async (_, ct) =>
            {
                var key = removed!.StorageKey;
                if (!await db.AnnualReports.AsNoTracking().AnyAsync(r => r.Attachments.Any(a => a.StorageKey == key), ct))
                {
                    await files.DeleteAsync(key, CancellationToken.None);
                }

                return null;
            },
            AfterCommitFailed = UserMessage.None,
            Done = _ => new("添付ファイル「{0}」を削除しました。", removed!.FileName),
            RedirectTo = _ => Back(id, fy),
        }, cancellationToken);
    }

    /// <summary>The latest revision, tracked, when the group may edit it; otherwise 404 (not a party, no report) or 403.</summary>
    private async Task<Loaded<AnnualReport>> EditableReportAsync(int id, int fy, CancellationToken cancellationToken)
    {
        var context = await ReportContext.LoadAsync(db, User, id, fy, tracking: true, cancellationToken);
        if (context?.Latest is not { } report)
        {
            return LoadRefusal.NotFound;
        }

        return ProjectAccess.ReportActorOf(context.Side) is { } actor && report.CanEdit(actor)
            ? report
            : LoadRefusal.Forbidden;
    }

    private static string Back(int id, int fy) => $"{ReportPages.ReportUrl(id, fy)}#attachments";
}
