using System.Net.Security;
using MailKit.Security;

namespace KyodoPortal.Web.Infrastructure.Mail;

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

    /// <summary>An address, or <c>表示名 &lt;address&gt;</c>.</summary>
    public string From { get; set; } = "kyodo-portal@city.example.jp";

    /// <summary>Relative paths are under Storage:DataPath; default "mail".</summary>
    public string PickupDirectory { get; set; } = "mail";

    /// <summary>Where a mail the relay did not take is kept for an operator to resend; relative paths are under Storage:DataPath.</summary>
    public string UndeliveredDirectory { get; set; } = "undelivered";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    /// <summary>
    /// MailKit's choices. <c>StartTls</c> and <c>SslOnConnect</c> never send in clear text; <c>Auto</c> and
    /// <c>StartTlsWhenAvailable</c> fall back to clear text when the relay offers no TLS; <c>None</c> never encrypts.
    /// Unset: taken from the older <see cref="SmtpEnableSsl"/>.
    /// </summary>
    public SecureSocketOptions? SmtpSecurity { get; set; }

    /// <summary>The setting before MailKit: true meant STARTTLS (System.Net.Mail had no implicit TLS). Use <see cref="SmtpSecurity"/>.</summary>
    public bool SmtpEnableSsl { get; set; } = true;

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>Connection attempts per mail before it goes to the undelivered folder; the user waits for them.</summary>
    public int SmtpAttempts { get; set; } = 3;

    /// <summary>The wait before the second attempt; it doubles before each further one.</summary>
    public TimeSpan SmtpRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// After a mail could not be delivered, the following mails skip the relay for this long and go straight to
    /// the undelivered folder, so a batch (one reminder per member) does not make the user wait the retries for
    /// each mail. Zero turns it off.
    /// </summary>
    public TimeSpan SmtpPauseAfterFailure { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>MailKit's default is two minutes per operation, too long for a request a person waits on.</summary>
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Code only — no configuration key binds a delegate — so production always validates the relay's
    /// certificate against the system's trust store; tests set it to trust their own self-signed certificate.
    /// </summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; set; }

    public SecureSocketOptions EffectiveSmtpSecurity =>
        SmtpSecurity ?? (SmtpEnableSsl ? SecureSocketOptions.StartTls : SecureSocketOptions.None);
}

public static class MailServiceCollectionExtensions
{
    public static IServiceCollection AddKyodoMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>()
            .Bind(configuration.GetSection("Mail"))
            .Validate(o => o.Delivery != MailDelivery.Smtp || !string.IsNullOrWhiteSpace(o.SmtpHost), "Mail:SmtpHost is required when Mail:Delivery is Smtp.")
            .Validate(o => o.SmtpAttempts is >= 1 and <= 10, "Mail:SmtpAttempts must be between 1 and 10.")
            .ValidateOnStart();
        services.AddSingleton<IMailSender, MailSender>();
        return services;
    }
}
