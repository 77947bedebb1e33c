using System.Collections.Frozen;
using System.IO.Compression;

namespace KyodoPortal.Web.Infrastructure.Files;

/// <summary>What a file really is, judged by its bytes (never by its name).</summary>
public enum FileKind
{
    /// <summary>Anything not recognised: executables, scripts, HTML, SVG, text, empty files…</summary>
    Unknown,
    Pdf,
    Png,
    Jpeg,
    Gif,
    Docx,
    Xlsx,
    Pptx,

    /// <summary>
    /// An OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1): legacy .doc and .xls, but also .msi, .msg,
    /// .ppt… They cannot be told apart cheaply, so the extension decides (only .doc and .xls pass).
    /// </summary>
    CompoundDocument,

    /// <summary>A ZIP that is not a recognised Office Open XML document (or one carrying macros).</summary>
    Zip,
}

/// <summary>
/// Detects the real type of an upload from its first bytes (and, for Office Open XML, from the ZIP
/// central directory), and maps the allowed kinds to their canonical content types and extensions.
/// </summary>
public static class FileSignature
{
    /// <summary>At most this many bytes are read to recognise a signature.</summary>
    public const int MaxHeaderBytes = 8 * 1024;

    /// <summary>For <c>&lt;input type="file" accept="…"&gt;</c>: a hint for the browser, not a check.</summary>
    public const string AcceptAttribute = ".pdf,.png,.jpg,.jpeg,.gif,.docx,.xlsx,.pptx,.doc,.xls";

    public const string PdfContentType = "application/pdf";
    public const string PngContentType = "image/png";
    public const string JpegContentType = "image/jpeg";
    public const string GifContentType = "image/gif";
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string PptxContentType = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public const string DocContentType = "application/msword";
    public const string XlsContentType = "application/vnd.ms-excel";

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Gif87Magic = "GIF87a"u8.ToArray();
    private static readonly byte[] Gif89Magic = "GIF89a"u8.ToArray();
    private static readonly byte[] CompoundDocumentMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] EmptyZipMagic = [0x50, 0x4B, 0x05, 0x06];

    /// <summary>Allowed extension (lower case, with the dot) → the content type it stands for, per kind.</summary>
    private static readonly FrozenDictionary<string, (FileKind Kind, string ContentType)> Extensions =
        new Dictionary<string, (FileKind Kind, string ContentType)>(StringComparer.OrdinalIgnoreCase)
        {
            [".pdf"] = (FileKind.Pdf, PdfContentType),
            [".png"] = (FileKind.Png, PngContentType),
            [".jpg"] = (FileKind.Jpeg, JpegContentType),
            [".jpeg"] = (FileKind.Jpeg, JpegContentType),
            [".gif"] = (FileKind.Gif, GifContentType),
            [".docx"] = (FileKind.Docx, DocxContentType),
            [".xlsx"] = (FileKind.Xlsx, XlsxContentType),
            [".pptx"] = (FileKind.Pptx, PptxContentType),
            [".doc"] = (FileKind.CompoundDocument, DocContentType),
            [".xls"] = (FileKind.CompoundDocument, XlsContentType),
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>True for kinds that may be attached (given a matching extension).</summary>
    public static bool IsAllowed(FileKind kind) => kind is not (FileKind.Unknown or FileKind.Zip);

    /// <summary>True when <paramref name="extension"/> (".pdf", case-insensitive) is one that may be attached at all.</summary>
    public static bool IsAllowedExtension(string extension) => Extensions.ContainsKey(extension);

    /// <summary>
    /// The canonical content type for a file of <paramref name="kind"/> named with
    /// <paramref name="extension"/> (".pdf"), or null when the kind is not allowed or the extension
    /// does not belong to it (a PNG named .pdf, an OLE2 file named .msi).
    /// </summary>
    public static string? ContentTypeFor(FileKind kind, string extension) =>
        IsAllowed(kind) && Extensions.TryGetValue(extension, out var entry) && entry.Kind == kind ? entry.ContentType : null;

    /// <summary>Recognises a signature from the first bytes alone (ZIP-based files come back as <see cref="FileKind.Zip"/>).</summary>
    public static FileKind Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith(PdfMagic))
        {
            return FileKind.Pdf;
        }

        if (header.StartsWith(PngMagic))
        {
            return FileKind.Png;
        }

        if (header.StartsWith(JpegMagic))
        {
            return FileKind.Jpeg;
        }

        if (header.StartsWith(Gif87Magic) || header.StartsWith(Gif89Magic))
        {
            return FileKind.Gif;
        }

        if (header.StartsWith(CompoundDocumentMagic))
        {
            return FileKind.CompoundDocument;
        }

        if (header.StartsWith(ZipMagic) || header.StartsWith(EmptyZipMagic))
        {
            return FileKind.Zip;
        }

        return FileKind.Unknown;
    }

    /// <summary>
    /// Detects the kind of <paramref name="content"/>, which must be readable and seekable
    /// (<c>IFormFile.OpenReadStream()</c> is). The file is read from its start; the position is put
    /// back where it was, so the same stream can then be saved.
    /// </summary>
    public static async Task<FileKind> DetectAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead || !content.CanSeek)
        {
            throw new ArgumentException("The stream must be readable and seekable.", nameof(content));
        }

        var original = content.Position;
        try
        {
            content.Position = 0;
            var buffer = new byte[MaxHeaderBytes];
            var read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            var kind = Detect(buffer.AsSpan(0, read));
            if (kind == FileKind.Zip)
            {
                content.Position = 0;
                kind = await DetectOfficeOpenXmlAsync(content, cancellationToken).ConfigureAwait(false);
            }

            return kind;
        }
        finally
        {
            content.Position = original;
        }
    }

    /// <summary>
    /// Only the central directory is read (no entry is decompressed, so ZIP bombs cost nothing).
    /// A document is recognised by <c>[Content_Types].xml</c> plus exactly one of the
    /// <c>word/</c>, <c>xl/</c>, <c>ppt/</c> folders. Macro projects (<c>vbaProject.bin</c>, i.e. a
    /// .docm/.xlsm renamed) are refused: a .docx never carries one.
    /// </summary>
    private static async Task<FileKind> DetectOfficeOpenXmlAsync(Stream content, CancellationToken cancellationToken)
    {
        try
        {
            var archive = await ZipArchive.CreateAsync(content, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);
            await using (archive.ConfigureAwait(false))
            {
                bool contentTypes = false, word = false, excel = false, powerPoint = false;
                foreach (var entry in archive.Entries)
                {
                    var name = entry.FullName.Replace('\\', '/');
                    if (name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
                    {
                        return FileKind.Zip;
                    }

                    contentTypes |= name.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase);
                    word |= name.StartsWith("word/", StringComparison.OrdinalIgnoreCase);
                    excel |= name.StartsWith("xl/", StringComparison.OrdinalIgnoreCase);
                    powerPoint |= name.StartsWith("ppt/", StringComparison.OrdinalIgnoreCase);
                }

                return (contentTypes, word, excel, powerPoint) switch
                {
                    (true, true, false, false) => FileKind.Docx,
                    (true, false, true, false) => FileKind.Xlsx,
                    (true, false, false, true) => FileKind.Pptx,
                    _ => FileKind.Zip,
                };
            }
        }
        catch (InvalidDataException)
        {
            // Truncated or corrupt archive.
            return FileKind.Zip;
        }
    }
}
