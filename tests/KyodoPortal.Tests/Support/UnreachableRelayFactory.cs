using System.Globalization;

namespace KyodoPortal.Tests.Support;

/// <summary>The app with its real mail sender set to SMTP on a port nothing listens on (the relay is down), with a short backoff.</summary>
public sealed class UnreachableRelayFactory : KyodoWebFactory
{
    public UnreachableRelayFactory()
    {
        WithSetting("Mail:Delivery", "Smtp")
            .WithSetting("Mail:SmtpHost", "127.0.0.1")
            .WithSetting("Mail:SmtpPort", TestSmtpServer.ClosedPort().ToString(CultureInfo.InvariantCulture))
            .WithSetting("Mail:SmtpRetryDelay", "00:00:00.050");
    }
}
