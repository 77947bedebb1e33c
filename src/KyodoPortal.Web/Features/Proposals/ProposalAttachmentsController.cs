using System.Security.Claims;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Files;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Proposals;

/// <summary>
/// What a page hands to <c>_Attachments.cshtml</c>: the files and the URL they hang under
/// (<c>/proposals/5</c> or <c>/projects/3/reports/2026</c>; files at <c>{BaseUrl}/attachments/{id}</c>).
/// </summary>
public sealed record AttachmentsPanel(string BaseUrl, IReadOnlyList<ProposalAttachment> Attachments, bool CanEdit);

/// <summary>
/// 添付資料: files the proposing side attaches to its proposal while it can still edit it
/// (budget sheets, group rules, …). Whoever may read the proposal may download them; anyone else
/// gets 404, so guessing a URL reveals nothing. Files are judged by their bytes
/// (<see cref="AttachmentValidator"/>) and kept outside the web root (<see cref="IFileStore"/>).
/// </summary>
[Authorize]
public sealed class ProposalAttachmentsController(
    KyodoDbContext db,
    IFileStore files,
    AttachmentValidator validator,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    /// <summary>
    /// The largest request an upload may be: the policy's default file limit plus room for the
    /// multipart framing and the antiforgery token. A file a little over the limit still arrives,
    /// so the person gets the validator's "too large" message rather than a bare error page.
    /// </summary>
    public const long MaxUploadRequestBytes = AttachmentPolicy.DefaultMaxBytes + (1024 * 1024);

    [HttpPost("/proposals/{id:int}/attachments")]
    [RequestSizeLimit(MaxUploadRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxUploadRequestBytes)]
    public async Task<IActionResult> Upload(int id, IFormFile? file, CancellationToken cancellationToken)
    {
        var loaded = await ProposalQueries.LoadAsync(db, id, tracking: true, cancellationToken);
        if (loaded is not { } found)
        {
            return NotFound();
        }

        var (proposal, call) = found;
        if (Refusal(proposal, call) is { } refused)
        {
            return refused;
        }

        if (file is null)
        {
            return Back(id, error: localizer[AttachmentMessages.NoFile].Value);
        }

        if (!validator.HasRoomFor(proposal.Attachments.Count))
        {
            return Back(id, error: validator.TooManyFiles().LocalizedError(localizer));
        }

        await using var content = file.OpenReadStream();
        var result = await validator.ValidateAsync(content, file.FileName, file.Length, cancellationToken);
        if (!result.IsAccepted)
        {
            return Back(id, error: result.LocalizedError(localizer));
        }

        var key = await files.SaveAsync(content, cancellationToken);
        try
        {
            proposal.AddAttachment(result.FileName, result.ContentType, result.SizeBytes, key, UserId, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await files.DeleteAsync(key, CancellationToken.None);
            return Back(id, error: localizer[FormSave.ConcurrencyMessage].Value);
        }
        catch (DomainRuleException rule)
        {
            await files.DeleteAsync(key, CancellationToken.None);
            return Back(id, error: localizer[rule.Message].Value);
        }
        catch
        {
            // Nothing refers to the file: do not leave it behind (even when the request was cancelled).
            await files.DeleteAsync(key, CancellationToken.None);
            throw;
        }

        return Back(id, success: localizer["添付ファイル「{0}」を追加しました。", result.FileName].Value);
    }

    [HttpGet("/proposals/{id:int}/attachments/{attachmentId:int}")]
    public async Task<IActionResult> Download(int id, int attachmentId, CancellationToken cancellationToken)
    {
        var loaded = await ProposalQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        if (loaded is not { } found
            || !ProposalAccess.CanView(User, found.Call.ProposalType, found.Proposal.ProposingGroupId, found.Proposal.PartnerDepartmentId))
        {
            return NotFound();
        }

        var attachment = found.Proposal.Attachments.FirstOrDefault(a => a.Id == attachmentId);
        if (attachment is null)
        {
            return NotFound();
        }

        var stream = await files.OpenReadAsync(attachment.StorageKey, cancellationToken);
        return stream is null
            ? NotFound()
            : File(stream, attachment.ContentType, attachment.FileName, enableRangeProcessing: false);
    }

    [HttpPost("/proposals/{id:int}/attachments/{attachmentId:int}/delete")]
    public async Task<IActionResult> Delete(int id, int attachmentId, CancellationToken cancellationToken)
    {
        var loaded = await ProposalQueries.LoadAsync(db, id, tracking: true, cancellationToken);
        if (loaded is not { } found)
        {
            return NotFound();
        }

        var (proposal, call) = found;
        if (Refusal(proposal, call) is { } refused)
        {
            return refused;
        }

        if (proposal.Attachments.All(a => a.Id != attachmentId))
        {
            return NotFound();
        }

        var removed = proposal.RemoveAttachment(attachmentId, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Back(id, error: localizer[FormSave.ConcurrencyMessage].Value);
        }

        // Only once the row is gone: a failed save must not leave a row pointing at nothing.
        await files.DeleteAsync(removed.StorageKey, CancellationToken.None);
        return Back(id, success: localizer["添付ファイル「{0}」を削除しました。", removed.FileName].Value);
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>404 for those who may not even read the proposal, 403 for readers who may not change its files now; null when allowed.</summary>
    private IActionResult? Refusal(Proposal proposal, Call call)
    {
        if (!ProposalAccess.CanView(User, call.ProposalType, proposal.ProposingGroupId, proposal.PartnerDepartmentId))
        {
            return NotFound();
        }

        return ProposalAccess.IsProposer(User, call.ProposalType, proposal.ProposingGroupId, proposal.PartnerDepartmentId) && proposal.IsEditable
            ? null
            : Forbid();
    }

    /// <summary>PRG: back to the proposal, with the outcome shown by the layout.</summary>
    private RedirectResult Back(int id, string? success = null, string? error = null)
    {
        if (success is not null)
        {
            TempData["Success"] = success;
        }

        if (error is not null)
        {
            TempData["Error"] = error;
        }

        return Redirect($"/proposals/{id}");
    }
}
