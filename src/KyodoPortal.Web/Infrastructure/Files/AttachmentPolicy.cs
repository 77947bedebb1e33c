namespace KyodoPortal.Web.Infrastructure.Files;

/// <summary>Limits for proposal attachments (configuration section <c>Storage:Attachments</c>).</summary>
public sealed class AttachmentPolicy
{
    public const string SectionName = "Storage:Attachments";

    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    public const int DefaultMaxPerProposal = 10;

    /// <summary>Largest accepted file, in bytes (10 MiB by default).</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>How many files one proposal may carry (10 by default).</summary>
    public int MaxPerProposal { get; set; } = DefaultMaxPerProposal;
}
