using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Proposals;

/// <summary>
/// A file attached to a proposal (budget sheet, group rules, …). Only metadata: the web layer
/// stores the bytes under <see cref="StorageKey"/>.
/// </summary>
public sealed class ProposalAttachment
{
    public const int FileNameMaxLength = 255;
    public const int ContentTypeMaxLength = 100;
    public const int StorageKeyMaxLength = 100;

    // For EF Core materialization.
    private ProposalAttachment()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        StorageKey = string.Empty;
        UploadedByUserId = string.Empty;
    }

    internal ProposalAttachment(string fileName, string contentType, long sizeBytes, string storageKey, string uploadedByUserId, DateTime uploadedAtUtc)
    {
        FileName = Text.Required(fileName, FileNameMaxLength, nameof(fileName));
        ContentType = Text.Required(contentType, ContentTypeMaxLength, nameof(contentType));
        SizeBytes = sizeBytes > 0
            ? sizeBytes
            : throw new DomainRuleException(new UserMessage("添付ファイル「{0}」が空です。", FileName));
        StorageKey = Text.Required(storageKey, StorageKeyMaxLength, nameof(storageKey));
        UploadedByUserId = Text.Required(uploadedByUserId, Proposal.UserIdMaxLength, nameof(uploadedByUserId));
        UploadedAtUtc = uploadedAtUtc;
    }

    public int Id { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long SizeBytes { get; private set; }

    /// <summary>Opaque key the file store understands; never shown, never derived from the file name.</summary>
    public string StorageKey { get; private set; }

    public string UploadedByUserId { get; private set; }

    public DateTime UploadedAtUtc { get; private set; }
}
