using System.Globalization;
using System.Text;
using KyodoPortal.Domain.Proposals;
using Microsoft.Extensions.Options;

namespace KyodoPortal.Web.Infrastructure.Files;

/// <summary>
/// Decides whether an upload may be attached: not empty, not too large, an allowed type judged by
/// its bytes, and an extension that agrees with them. Also gives the sanitized display name.
/// </summary>
public sealed partial class AttachmentValidator(IOptions<AttachmentPolicy> options, ILogger<AttachmentValidator> logger)
{
    /// <summary>Characters Windows refuses in file names; replaced so downloads keep the name.</summary>
    private static readonly char[] ReservedCharacters = ['<', '>', ':', '"', '|', '?', '*'];

    private readonly AttachmentPolicy _policy = options.Value;

    public AttachmentPolicy Policy => _policy;

    /// <summary>
    /// Checks <paramref name="content"/> (readable and seekable: <c>IFormFile.OpenReadStream()</c>)
    /// named <paramref name="fileName"/> by the browser, with the <paramref name="length"/> it
    /// announced. The stream's position is left unchanged, so it can be saved next.
    /// </summary>
    public async Task<AttachmentValidationResult> ValidateAsync(Stream content, string? fileName, long length, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead || !content.CanSeek)
        {
            throw new ArgumentException("The stream must be readable and seekable.", nameof(content));
        }

        var size = content.Length;
        if (size == 0)
        {
            return Refuse(AttachmentValidationResult.Refused(AttachmentMessages.Empty), string.Empty, size);
        }

        if (size > _policy.MaxBytes || length > _policy.MaxBytes)
        {
            return Refuse(AttachmentValidationResult.Refused(AttachmentMessages.TooLarge, FileSize.Format(_policy.MaxBytes)), string.Empty, Math.Max(size, length));
        }

        var name = SanitizeFileName(fileName);
        var extension = Path.GetExtension(name);
        var kind = await FileSignature.DetectAsync(content, cancellationToken).ConfigureAwait(false);
        if (!FileSignature.IsAllowed(kind))
        {
            return Refuse(AttachmentValidationResult.Refused(kind, AttachmentMessages.TypeNotAllowed), extension, size);
        }

        var contentType = FileSignature.ContentTypeFor(kind, extension);
        if (contentType is null)
        {
            // An OLE2 file is only trusted as .doc/.xls; named anything else it may be an .msi or .msg.
            var error = kind == FileKind.CompoundDocument && !FileSignature.IsAllowedExtension(extension)
                ? AttachmentMessages.TypeNotAllowed
                : AttachmentMessages.ExtensionMismatch;
            return Refuse(AttachmentValidationResult.Refused(kind, error), extension, size);
        }

        return AttachmentValidationResult.Accepted(kind, contentType, name, size);
    }

    /// <summary>True while a proposal holding <paramref name="existingCount"/> files may take one more.</summary>
    public bool HasRoomFor(int existingCount) => existingCount < _policy.MaxPerProposal;

    /// <summary>The refusal to show when <see cref="HasRoomFor"/> is false.</summary>
    public AttachmentValidationResult TooManyFiles() =>
        AttachmentValidationResult.Refused(AttachmentMessages.TooMany, _policy.MaxPerProposal.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// The name to show and offer on download: without any path the browser sent
    /// (<c>C:\fakepath\</c>), control and invisible formatting characters (e.g. U+202E, which
    /// can disguise "gpj.exe" as "exe.jpg"), or characters Windows refuses; NFC-normalized (macOS
    /// sends decomposed kana); at most 255 characters, keeping the extension. Empty when nothing is left.
    /// </summary>
    public static string SanitizeFileName(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName))
        {
            return string.Empty;
        }

        var slash = fileName.LastIndexOfAny(['/', '\\']);
        var name = slash >= 0 ? fileName[(slash + 1)..] : fileName;

        var builder = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsSurrogate(c))
            {
                // Keep well-formed pairs (emoji, rare kanji); drop lone halves.
                if (char.IsSurrogatePair(name, i))
                {
                    builder.Append(c).Append(name[i + 1]);
                    i++;
                }

                continue;
            }

            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }

            builder.Append(Array.IndexOf(ReservedCharacters, c) >= 0 ? '_' : c);
        }

        // Windows drops trailing dots and spaces itself.
        name = builder.ToString().Normalize(NormalizationForm.FormC).Trim().TrimEnd('.', ' ').Trim();
        return Shorten(name, ProposalAttachment.FileNameMaxLength);
    }

    private static string Shorten(string name, int maxLength)
    {
        if (name.Length <= maxLength)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        if (extension.Length > 16)
        {
            // Not a real extension: just cut.
            extension = string.Empty;
        }

        var stem = name[..^extension.Length];
        stem = stem[..Math.Min(stem.Length, maxLength - extension.Length)];
        if (stem.Length > 0 && char.IsHighSurrogate(stem[^1]))
        {
            stem = stem[..^1];
        }

        return stem.TrimEnd() + extension;
    }

    private AttachmentValidationResult Refuse(AttachmentValidationResult result, string extension, long sizeBytes)
    {
        LogRefused(logger, result.Error!, result.Kind, extension, sizeBytes);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Attachment refused ({Reason}): content {Kind}, extension '{Extension}', {SizeBytes} bytes")]
    private static partial void LogRefused(ILogger logger, string reason, FileKind kind, string extension, long sizeBytes);
}
