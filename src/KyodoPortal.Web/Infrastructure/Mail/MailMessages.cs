using System.Text;
using MimeKit;
using MimeKit.Text;

namespace KyodoPortal.Web.Infrastructure.Mail;

internal static class MailMessages
{
    /// <summary>
    /// UTF-8 throughout: the subject as RFC 2047 base64 encoded-words, the body base64. The clients the
    /// city's groups and staff use (Outlook, Gmail, Thunderbird, Apple Mail, the carriers' web mail) all
    /// read UTF-8. ISO-2022-JP, the old convention, cannot carry characters that appear in group and
    /// person names — 髙, 﨑, ①, 𠮷 — and would turn them into '?'. Base64 rather than 8bit keeps the
    /// message 7-bit clean for any relay in between.
    /// </summary>
    public static MimeMessage Create(OutgoingMail mail, string from, DateTimeOffset now)
    {
        var message = new MimeMessage { Subject = mail.Subject, Date = now };
        message.From.Add(MailboxAddress.Parse(from));
        foreach (var address in mail.To.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            message.To.Add(MailboxAddress.Parse(address));
        }

        var body = new TextPart(TextFormat.Plain) { ContentTransferEncoding = ContentEncoding.Base64 };
        body.SetText(Encoding.UTF8, mail.Body);
        message.Body = body;
        return message;
    }
}
