using MimeKit;

namespace KyodoPortal.Tests.Support;

/// <summary>Reads the .eml files the app wrote to its pickup (or undelivered) folder with MimeKit, as a mail client would.</summary>
public sealed record PickupMail(string To, string Subject, string Body)
{
    public static IReadOnlyList<PickupMail> ReadAll(string dataFolder) => ReadFolder(Path.Combine(dataFolder, "mail"));

    /// <summary>Mails the relay did not take, kept for an operator to resend.</summary>
    public static IReadOnlyList<PickupMail> ReadUndelivered(string dataFolder) => ReadFolder(Path.Combine(dataFolder, "undelivered"));

    private static List<PickupMail> ReadFolder(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.eml").OrderBy(File.GetCreationTimeUtc).ThenBy(f => f, StringComparer.Ordinal).Select(Read)]
            : [];

    private static PickupMail Read(string path)
    {
        using var message = MimeMessage.Load(path);
        return new PickupMail(string.Join(", ", message.To.Mailboxes.Select(m => m.Address)), message.Subject ?? string.Empty, message.TextBody ?? string.Empty);
    }
}
