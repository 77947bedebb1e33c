using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Files;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
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
    FormCommands commands,
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
        string? key = null;
        var kept = false;
        AttachmentValidationResult? accepted = null;
        try
        {
            return await commands.RunAsync(this, new FormCommand<ProposalAndCall>
            {
                Load = ct => LoadEditableAsync(id, ct),
                ApplyAsync = async (x, by, ct) =>
                {
                    if (file is null)
                    {
                        ModelState.AddModelError(string.Empty, localizer[AttachmentMessages.NoFile]);
                        return;
                    }

                    if (!validator.HasRoomFor(x.Proposal.Attachments.Count))
                    {
                        ModelState.AddModelError(string.Empty, validator.TooManyFiles().LocalizedError(localizer));
                        return;
                    }

                    await using var content = file.OpenReadStream();
                    var result = await validator.ValidateAsync(content, file.FileName, file.Length, ct);
                    if (!result.IsAccepted)
                    {
                        ModelState.AddModelError(string.Empty, result.LocalizedError(localizer));
                        return;
                    }

                    key = await files.SaveAsync(content, ct);
                    x.Proposal.AddAttachment(result.FileName!, result.ContentType!, result.SizeBytes, key, by.UserId, by.Now);
                    accepted = result;
                },
                Done = _ => new("添付ファイル「{0}」を追加しました。", accepted!.FileName),
                RedirectTo = _ => ProposalUrl(id),
                AfterCommit = (_, _) =>
                {
                    kept = true;
                    return Task.FromResult<UserMessage?>(null);
                },
            }, cancellationToken);
        }
        finally
        {
            // Nothing refers to a file whose row was not saved (refused, a conflict, an error, a
            // cancelled request): do not leave it behind.
            if (key is not null && !kept)
            {
                await files.DeleteAsync(key, CancellationToken.None);
            }
        }
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
    public Task<IActionResult> Delete(int id, int attachmentId, CancellationToken cancellationToken)
    {
        ProposalAttachment? removed = null;
        return commands.RunAsync(this, new FormCommand<ProposalAndCall>
        {
            Load = async ct =>
            {
                var loaded = await LoadEditableAsync(id, ct);
                return loaded.Value is { } x && x.Proposal.Attachments.All(a => a.Id != attachmentId) ? LoadRefusal.NotFound : loaded;
            },
            Apply = (x, by) => removed = x.Proposal.RemoveAttachment(attachmentId, by.Now),
            Done = _ => new("添付ファイル「{0}」を削除しました。", removed!.FileName),
            RedirectTo = _ => ProposalUrl(id),

            // Only once the row is gone: a failed save must not leave a row pointing at nothing.
            // A file that cannot be removed is logged; the person's change is done all the same.
            AfterCommit = async (_, _) =>
            {
                await files.DeleteAsync(removed!.StorageKey, CancellationToken.None);
                return null;
            },
            AfterCommitFailed = UserMessage.None,
        }, cancellationToken);
    }

    private static string ProposalUrl(int id) => $"/proposals/{id}";

    /// <summary>404 for those who may not even read the proposal, 403 for readers who may not change its files now.</summary>
    private Task<Loaded<ProposalAndCall>> LoadEditableAsync(int id, CancellationToken cancellationToken) =>
        ProposalAccess.LoadAsync(db, User, id, tracking: true, (p, c) => ProposalAccess.IsProposer(User, p, c) && p.IsEditable, cancellationToken);
}
