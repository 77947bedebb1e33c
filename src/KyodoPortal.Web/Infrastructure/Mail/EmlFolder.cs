using MimeKit;

namespace KyodoPortal.Web.Infrastructure.Mail;

/// <summary>Mails as .eml files (RFC 5322, CRLF) that a pickup service, an operator or a mail client can open.</summary>
internal static class EmlFolder
{
    private static readonly FormatOptions Format = CreateFormat();

    /// <summary>
    /// Written under a .tmp name and renamed, so a pickup service that takes every *.eml never reads
    /// half a mail.
    /// </summary>
    public static async Task<string> WriteAsync(MimeMessage message, string folder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var name = $"{now.UtcDateTime:yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():N}";
        var temporary = Path.Combine(folder, name + ".tmp");
        var final = Path.Combine(folder, name + ".eml");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await message.WriteToAsync(Format, stream, cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, final);
            return final;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static FormatOptions CreateFormat()
    {
        // MimeKit writes the platform's line endings by default; .eml files and pickup services expect CRLF.
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
