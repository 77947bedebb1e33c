using System.Net.Sockets;
using KyodoPortal.Web.Infrastructure.Persistence;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KyodoPortal.Web.Infrastructure.Mail;

/// <summary>
/// Writes mails to the pickup folder (default) or sends them through the relay with MailKit, which
/// Microsoft recommends over System.Net.Mail (no STARTTLS/implicit TLS choice, no modern auth there).
/// </summary>
public sealed partial class MailSender(
    IOptions<MailOptions> options, IConfiguration configuration, IHostEnvironment environment, TimeProvider clock, ILogger<MailSender> logger)
    : IMailSender
{
    /// <summary>UTC ticks until which the relay counts as down (see <see cref="MailOptions.SmtpPauseAfterFailure"/>); the sender is a singleton.</summary>
    private long _relayDownUntilTicks;

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (mail.To.Count == 0)
        {
            return;
        }

        var settings = options.Value;
        using var message = MailMessages.Create(mail, settings.From, clock.GetLocalNow());
        if (settings.Delivery == MailDelivery.Pickup)
        {
            var path = await EmlFolder.WriteAsync(message, Folder(settings.PickupDirectory), clock.GetUtcNow(), cancellationToken);
            LogWritten(logger, message.To.Count, path);
            return;
        }

        try
        {
            if (clock.GetUtcNow().UtcTicks < Interlocked.Read(ref _relayDownUntilTicks))
            {
                throw new RelayPausedException();
            }

            await SendWithRetriesAsync(message, settings, cancellationToken);
            LogSent(logger, message.To.Count, mail.Subject);
        }
        catch (Exception exception)
        {
            // Kept even when the request was cancelled: a notice possibly sent twice beats one lost.
            var path = await EmlFolder.WriteAsync(message, Folder(settings.UndeliveredDirectory), clock.GetUtcNow(), CancellationToken.None);
            LogUndelivered(logger, exception, message.To.Count, path, mail.Subject);
            if (exception is OperationCanceledException)
            {
                throw;
            }

            if (exception is not RelayPausedException)
            {
                Interlocked.Exchange(ref _relayDownUntilTicks, (clock.GetUtcNow() + settings.SmtpPauseAfterFailure).UtcTicks);
            }

            throw new MailNotDeliveredException(path, exception);
        }
    }

    private async Task SendWithRetriesAsync(MimeMessage message, MailOptions settings, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SendOnceAsync(message, settings, cancellationToken);
                return;
            }
            catch (Exception exception) when (attempt < settings.SmtpAttempts && IsTransient(exception))
            {
                var delay = settings.SmtpRetryDelay * Math.Pow(2, attempt - 1);
                LogRetrying(logger, exception, attempt, settings.SmtpAttempts, delay);
                await Task.Delay(delay, clock, cancellationToken);
            }
        }
    }

    private static async Task SendOnceAsync(MimeMessage message, MailOptions settings, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)settings.SmtpTimeout.TotalMilliseconds };
        if (settings.ServerCertificateValidation is { } validation)
        {
            client.ServerCertificateValidationCallback = validation;
        }

        // With StartTls or SslOnConnect MailKit refuses to go on unencrypted (no STARTTLS offered → NotSupportedException).
        var host = settings.SmtpHost ?? throw new InvalidOperationException("Mail:SmtpHost is required when Mail:Delivery is Smtp.");
        await client.ConnectAsync(host, settings.SmtpPort, settings.EffectiveSmtpSecurity, cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUserName))
        {
            // Throws when the relay offers no AUTH, rather than sending unauthenticated.
            await client.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>A relay that is down or busy may answer a moment later; refused TLS, credentials or addresses will not.</summary>
    private static bool IsTransient(Exception exception) => exception switch
    {
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
        SocketException or IOException or SmtpProtocolException or TimeoutException or ServiceNotConnectedException => true,
        _ => false,
    };

    private sealed class RelayPausedException() : InvalidOperationException("The relay failed moments ago; this mail was not tried (Mail:SmtpPauseAfterFailure).");

    private string Folder(string configured) =>
        Path.IsPathRooted(configured) ? configured : Path.Combine(StoragePaths.DataFolder(configuration, environment), configured);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail to {Count} recipient(s) written to {Path}")]
    private static partial void LogWritten(ILogger logger, int count, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail to {Count} recipient(s) sent: {Subject}")]
    private static partial void LogSent(ILogger logger, int count, string subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail attempt {Attempt} of {Attempts} failed; trying again in {Delay}")]
    private static partial void LogRetrying(ILogger logger, Exception exception, int attempt, int attempts, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail to {Count} recipient(s) was not delivered; saved for resending at {Path}: {Subject}")]
    private static partial void LogUndelivered(ILogger logger, Exception exception, int count, string path, string subject);
}
