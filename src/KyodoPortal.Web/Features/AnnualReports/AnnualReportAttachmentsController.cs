using System.Security.Claims;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Features.Proposals;
using KyodoPortal.Web.Infrastructure.Files;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

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
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpPost("")]
    [RequestSizeLimit(ProposalAttachmentsController.MaxUploadRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = ProposalAttachmentsController.MaxUploadRequestBytes)]
    public async Task<IActionResult> Upload(int id, int fy, IFormFile? file, CancellationToken cancellationToken)
    {
        var (report, refused) = await EditableReportAsync(id, fy, cancellationToken);
        if (report is null)
        {
            return refused!;
        }

        if (file is null)
        {
            return Back(id, fy, error: localizer[AttachmentMessages.NoFile].Value);
        }

        if (!validator.HasRoomFor(report.Attachments.Count))
        {
            return Back(id, fy, error: validator.TooManyFiles().LocalizedError(localizer));
        }

        await using var content = file.OpenReadStream();
        var result = await validator.ValidateAsync(content, file.FileName, file.Length, cancellationToken);
        if (!result.IsAccepted)
        {
            return Back(id, fy, error: result.LocalizedError(localizer));
        }

        var key = await files.SaveAsync(content, cancellationToken);
        try
        {
            report.AddAttachment(ReportActor.Group, result.FileName, result.ContentType, result.SizeBytes, key, UserId, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is DbUpdateConcurrencyException or DomainRuleException)
        {
            await files.DeleteAsync(key, CancellationToken.None);
            return Back(id, fy, error: exception is DomainRuleException rule ? localizer[rule.Message].Value : localizer[FormSave.ConcurrencyMessage].Value);
        }
        catch
        {
            await files.DeleteAsync(key, CancellationToken.None);
            throw;
        }

        return Back(id, fy, success: localizer["添付ファイル「{0}」を追加しました。", result.FileName].Value);
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
    public async Task<IActionResult> Delete(int id, int fy, int attachmentId, CancellationToken cancellationToken)
    {
        var (report, refused) = await EditableReportAsync(id, fy, cancellationToken);
        if (report is null)
        {
            return refused!;
        }

        if (report.Attachments.All(a => a.Id != attachmentId))
        {
            return NotFound();
        }

        var removed = report.RemoveAttachment(ReportActor.Group, attachmentId, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Back(id, fy, error: localizer[FormSave.ConcurrencyMessage].Value);
        }

        // An earlier, accepted revision may still show the same stored file.
        var key = removed.StorageKey;
        if (!await db.AnnualReports.AsNoTracking().AnyAsync(r => r.Attachments.Any(a => a.StorageKey == key), cancellationToken))
        {
            await files.DeleteAsync(key, CancellationToken.None);
        }

        return Back(id, fy, success: localizer["添付ファイル「{0}」を削除しました。", removed.FileName].Value);
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>The latest revision, tracked, when the group may edit it; otherwise 404 (not a party, no report) or 403.</summary>
    private async Task<(AnnualReport? Report, IActionResult? Refused)> EditableReportAsync(int id, int fy, CancellationToken cancellationToken)
    {
        var context = await ReportContext.LoadAsync(db, User, id, fy, tracking: true, cancellationToken);
        if (context?.Latest is not { } report)
        {
            return (null, NotFound());
        }

        return ProjectAccess.ReportActorOf(context.Side) is { } actor && report.CanEdit(actor)
            ? (report, null)
            : (null, Forbid());
    }

    private RedirectResult Back(int id, int fy, string? success = null, string? error = null)
    {
        if (success is not null)
        {
            TempData["Success"] = success;
        }

        if (error is not null)
        {
            TempData["Error"] = error;
        }

        return Redirect($"/projects/{id}/reports/{fy}#attachments");
    }
}
