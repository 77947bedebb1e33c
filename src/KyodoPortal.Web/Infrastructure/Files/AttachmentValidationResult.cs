using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Infrastructure.Files;

/// <summary>Either an accepted upload (content type and display name to store) or a refusal message.</summary>
public sealed class AttachmentValidationResult
{
    private readonly object[] _errorArguments;

    private AttachmentValidationResult(FileKind kind, string? contentType, string? fileName, long sizeBytes, string? error, object[] errorArguments)
    {
        Kind = kind;
        ContentType = contentType;
        FileName = fileName;
        SizeBytes = sizeBytes;
        Error = error;
        _errorArguments = errorArguments;
    }

    [MemberNotNullWhen(true, nameof(ContentType), nameof(FileName))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsAccepted => Error is null;

    /// <summary>What the bytes turned out to be (also set on most refusals, for logging).</summary>
    public FileKind Kind { get; }

    /// <summary>Canonical content type decided from the signature (never the browser's claim).</summary>
    public string? ContentType { get; }

    /// <summary>Sanitized display name (≤ 255 characters, extension kept): for the download only, never a path.</summary>
    public string? FileName { get; }

    /// <summary>The actual size of the content in bytes.</summary>
    public long SizeBytes { get; }

    /// <summary>A constant of <see cref="AttachmentMessages"/>: Japanese text and resource key.</summary>
    public string? Error { get; }

    /// <summary>Values for the <c>{0}</c> placeholders of <see cref="Error"/>.</summary>
    public IReadOnlyList<object> ErrorArguments => _errorArguments;

    public static AttachmentValidationResult Accepted(FileKind kind, string contentType, string fileName, long sizeBytes) =>
        new(kind, contentType, fileName, sizeBytes, null, []);

    /// <summary>A refusal; <paramref name="error"/> is a constant of <see cref="AttachmentMessages"/>.</summary>
    public static AttachmentValidationResult Refused(string error, params object[] arguments) =>
        new(FileKind.Unknown, null, null, 0, error, arguments);

    internal static AttachmentValidationResult Refused(FileKind kind, string error) =>
        new(kind, null, null, 0, error, []);

    /// <summary>The refusal in the request's language, e.g. for <c>ModelState.AddModelError</c>.</summary>
    public string LocalizedError(IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return Error is null ? string.Empty : localizer[Error, _errorArguments].Value;
    }
}
