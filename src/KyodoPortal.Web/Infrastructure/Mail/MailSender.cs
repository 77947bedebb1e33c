using System.Net;
using System.Net.Mail;
using System.Text;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace KyodoPortal.Web.Infrastructure.Mail;

/// <summary>An e-mail the portal sends (decision notices, reminders). Plain text: municipal mail clients vary.</summary>
public sealed record OutgoingMail(IReadOnlyList<string> To, string Subject, string Body);

public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

public enum MailDelivery
{
    /// <summary>Each mail is written as an .eml file to <see cref="MailOptions.PickupDirectory"/>: nothing is lost, tests read it.</summary>
    Pickup,

    /// <summary>Sent through the city's SMTP relay.</summary>
    Smtp,
}

public sealed class MailOptions
{
    public MailDelivery Delivery { get; set; } = MailDelivery.Pickup;

    public string From { get; set; } = "kyodo-portal@city.example.jp";

    /// <summary>Relative paths are under Storage:DataPath; default "mail".</summary>
    public string PickupDirectory { get; set; } = "mail";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public bool SmtpEnableSsl { get; set; } = true;

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }
}

/// <summary>
/// System.Net.Mail covers both deliveries the portal needs (its pickup-directory mode writes
/// RFC 5322 files); MailKit, the usual recommendation, cannot be restored from the feed here.
/// </summary>
public sealed partial class SmtpMailSender(IOptions<MailOptions> options, IConfiguration configuration, IHostEnvironment environment, ILogger<SmtpMailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (mail.To.Count == 0)
        {
            return;
        }

        var settings = options.Value;
        using var message = new MailMessage
        {
            From = new MailAddress(settings.From),
            Subject = mail.Subject,
            Body = mail.Body,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        foreach (var address in mail.To.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            message.To.Add(address);
        }

        using var client = CreateClient(settings);
        await client.SendMailAsync(message, cancellationToken);
        LogSent(logger, mail.To.Count, mail.Subject);
    }

    private SmtpClient CreateClient(MailOptions settings)
    {
        if (settings.Delivery == MailDelivery.Smtp)
        {
            var smtp = new SmtpClient(settings.SmtpHost ?? throw new InvalidOperationException("Mail:SmtpHost is required when Mail:Delivery is Smtp."), settings.SmtpPort)
            {
                EnableSsl = settings.SmtpEnableSsl,
                DeliveryMethod = SmtpDeliveryMethod.Network,
            };
            if (!string.IsNullOrEmpty(settings.SmtpUserName))
            {
                smtp.Credentials = new NetworkCredential(settings.SmtpUserName, settings.SmtpPassword);
            }

            return smtp;
        }

        var folder = Path.IsPathRooted(settings.PickupDirectory)
            ? settings.PickupDirectory
            : Path.Combine(StoragePaths.DataFolder(configuration, environment), settings.PickupDirectory);
        Directory.CreateDirectory(folder);
        return new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = folder };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail to {Count} recipient(s) sent: {Subject}")]
    private static partial void LogSent(ILogger logger, int count, string subject);
}

public static class MailServiceCollectionExtensions
{
    public static IServiceCollection AddKyodoMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection("Mail"));
        services.AddSingleton<IMailSender, SmtpMailSender>();
        return services;
    }
}
