using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using KyodoPortal.Tests.Browser;
using KyodoPortal.Tests.Support;
using KyodoPortal.Web.Infrastructure.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Moq;

namespace KyodoPortal.Tests.Infrastructure;

/// <summary>The mail sender, wired as the app wires it, against a real SMTP server on 127.0.0.1.</summary>
public sealed class SmtpMailTests : IDisposable
{
    private const string Subject = "【協働ポータル】選考結果のお知らせ（髙橋𠮷子様）";
    private const string Body = "提案「就労支援セミナー事業」は採択されました。\n担当課：市民協働課";

    private static readonly OutgoingMail Notice = new(["group@example.jp", "staff@city.example.jp"], Subject, Body);

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "kyodo-mail-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingLogger<MailSender> _log = new();
    private readonly X509Certificate2 _certificate = ServerCertificate();

    [Fact]
    public async Task A_mail_arrives_with_the_sender_and_recipients()
    {
        await using var server = await TestSmtpServer.StartAsync();

        await Sender(server.Port, ("Mail:SmtpSecurity", "None")).SendAsync(Notice, CancellationToken.None);

        var mail = Assert.Single(server.Received);
        Assert.Equal("kyodo-portal@city.example.jp", mail.EnvelopeFrom);
        Assert.Equal(["group@example.jp", "staff@city.example.jp"], mail.EnvelopeTo);
        Assert.Equal(["kyodo-portal@city.example.jp"], mail.Message.From.Mailboxes.Select(m => m.Address));
        Assert.Equal(["group@example.jp", "staff@city.example.jp"], mail.Message.To.Mailboxes.Select(m => m.Address));
    }

    [Fact]
    public async Task Japanese_subject_and_body_travel_as_UTF_8_and_decode_as_written()
    {
        await using var server = await TestSmtpServer.StartAsync();

        await Sender(server.Port, ("Mail:SmtpSecurity", "None")).SendAsync(Notice, CancellationToken.None);

        var mail = Assert.Single(server.Received);
        Assert.Equal(Subject, mail.Message.Subject);
        Assert.Equal(Body, mail.Message.TextBody?.ReplaceLineEndings("\n"));
        Assert.All(mail.Raw, c => Assert.True(c < 128, "the message on the wire is 7-bit"));
        Assert.Contains("Subject: =?utf-8?b?", mail.Raw, StringComparison.OrdinalIgnoreCase);
        var body = Assert.IsType<TextPart>(mail.Message.Body);
        Assert.Equal("utf-8", body.ContentType.Charset, ignoreCase: true);
        Assert.Equal(ContentEncoding.Base64, body.ContentTransferEncoding);
    }

    [Theory]
    [InlineData("Mail:SmtpSecurity", "StartTls")]
    [InlineData("Mail:SmtpEnableSsl", "true")]
    public async Task When_TLS_is_required_and_the_server_offers_none_nothing_is_sent_in_clear_text(string key, string value)
    {
        await using var server = await TestSmtpServer.StartAsync();

        var failure = await Assert.ThrowsAsync<MailNotDeliveredException>(() => Sender(server.Port, (key, value)).SendAsync(Notice, CancellationToken.None));

        Assert.Empty(server.Received);
        Assert.IsType<NotSupportedException>(failure.InnerException);
        Assert.DoesNotContain(_log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(Subject, Assert.Single(PickupMail.ReadUndelivered(_dataFolder)).Subject);
    }

    [Fact]
    public async Task With_STARTTLS_offered_and_the_certificate_trusted_the_mail_goes_encrypted()
    {
        await using var server = await TestSmtpServer.StartAsync(_certificate);

        await Sender(server.Port, _certificate, ("Mail:SmtpSecurity", "StartTls")).SendAsync(Notice, CancellationToken.None);

        var mail = Assert.Single(server.Received);
        Assert.True(mail.Encrypted);
        Assert.Equal(Subject, mail.Message.Subject);
    }

    [Fact]
    public async Task With_TLS_from_the_first_byte_the_mail_goes_encrypted()
    {
        await using var server = await TestSmtpServer.StartAsync(_certificate, implicitTls: true);

        await Sender(server.Port, _certificate, ("Mail:SmtpSecurity", "SslOnConnect")).SendAsync(Notice, CancellationToken.None);

        Assert.True(Assert.Single(server.Received).Encrypted);
    }

    [Fact]
    public async Task A_certificate_the_system_does_not_trust_is_refused_when_no_test_trusts_it()
    {
        await using var server = await TestSmtpServer.StartAsync(_certificate);

        var failure = await Assert.ThrowsAsync<MailNotDeliveredException>(() => Sender(server.Port, ("Mail:SmtpSecurity", "StartTls")).SendAsync(Notice, CancellationToken.None));

        Assert.IsType<MailKit.Security.SslHandshakeException>(failure.InnerException);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Configured_credentials_are_used_to_authenticate()
    {
        await using var server = await TestSmtpServer.StartAsync(_certificate, credentials: ("kyodo", "relay-secret"));

        await Sender(server.Port, _certificate, ("Mail:SmtpUserName", "kyodo"), ("Mail:SmtpPassword", "relay-secret")).SendAsync(Notice, CancellationToken.None);

        Assert.Equal("kyodo", Assert.Single(server.Received).AuthenticatedUser);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    public async Task A_relay_that_requires_authentication_takes_nothing_without_the_right_password(string? password)
    {
        await using var server = await TestSmtpServer.StartAsync(_certificate, credentials: ("kyodo", "relay-secret"));
        (string, string?)[] settings = password is null ? [] : [("Mail:SmtpUserName", "kyodo"), ("Mail:SmtpPassword", password)];

        await Assert.ThrowsAsync<MailNotDeliveredException>(() => Sender(server.Port, _certificate, settings).SendAsync(Notice, CancellationToken.None));

        Assert.Empty(server.Received);
        Assert.Single(PickupMail.ReadUndelivered(_dataFolder));
    }

    [Fact]
    public async Task An_unreachable_server_is_tried_a_bounded_number_of_times_then_the_mail_is_kept_for_resending()
    {
        var failure = await Assert.ThrowsAsync<MailNotDeliveredException>(() => Sender(TestSmtpServer.ClosedPort(), ("Mail:SmtpAttempts", "3")).SendAsync(Notice, CancellationToken.None));

        Assert.Equal(2, _log.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.StartsWith("Mail attempt", StringComparison.Ordinal)));
        var error = Assert.Single(_log.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(failure.SavedAt!, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(Path.Combine(_dataFolder, "undelivered"), failure.SavedAt, StringComparison.Ordinal);
        using var kept = MimeMessage.Load(failure.SavedAt!);
        Assert.Equal(Subject, kept.Subject);
        Assert.Equal(["group@example.jp", "staff@city.example.jp"], kept.To.Mailboxes.Select(m => m.Address));
    }

    [Fact]
    public async Task After_a_failed_delivery_the_next_mails_of_a_batch_are_kept_at_once_instead_of_retried_each()
    {
        var sender = Sender(TestSmtpServer.ClosedPort(), ("Mail:SmtpAttempts", "3"));
        await Assert.ThrowsAsync<MailNotDeliveredException>(() => sender.SendAsync(Notice, CancellationToken.None));

        var second = await Assert.ThrowsAsync<MailNotDeliveredException>(() => sender.SendAsync(Notice with { Subject = "二通目" }, CancellationToken.None));

        Assert.Equal(2, _log.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.StartsWith("Mail attempt", StringComparison.Ordinal)));
        Assert.Equal(2, _log.Entries.Count(e => e.Level == LogLevel.Error));
        using var kept = MimeMessage.Load(second.SavedAt!);
        Assert.Equal("二通目", kept.Subject);
    }

    [Fact]
    public async Task With_the_pause_turned_off_every_mail_tries_the_relay_again()
    {
        var sender = Sender(TestSmtpServer.ClosedPort(), ("Mail:SmtpAttempts", "2"), ("Mail:SmtpPauseAfterFailure", "00:00:00"));
        await Assert.ThrowsAsync<MailNotDeliveredException>(() => sender.SendAsync(Notice, CancellationToken.None));
        await Assert.ThrowsAsync<MailNotDeliveredException>(() => sender.SendAsync(Notice, CancellationToken.None));

        Assert.Equal(2, _log.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.StartsWith("Mail attempt", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_server_that_drops_every_connection_is_tried_exactly_SmtpAttempts_times()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var connections = 0;
        using var stop = new CancellationTokenSource();
        var dropping = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                Interlocked.Increment(ref connections);
            }
        });

        await Assert.ThrowsAsync<MailNotDeliveredException>(() => Sender(((IPEndPoint)listener.LocalEndpoint).Port, ("Mail:SmtpAttempts", "4")).SendAsync(Notice, CancellationToken.None));

        Assert.Equal(4, connections);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dropping);
    }

    [Fact]
    public void Delivery_through_SMTP_without_a_host_is_refused_at_start_up()
    {
        using var services = Services(("Mail:SmtpHost", null)).BuildServiceProvider();

        var refusal = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MailOptions>>().Value);

        Assert.Contains("Mail:SmtpHost is required", refusal.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _certificate.Dispose();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    private IMailSender Sender(int port, params (string Key, string? Value)[] settings) => Sender(port, trust: null, settings);

    /// <summary>The app's own wiring (AddKyodoMail) from settings; <paramref name="trust"/> is the test-only certificate pin.</summary>
    private IMailSender Sender(int port, X509Certificate2? trust, params (string Key, string? Value)[] settings)
    {
        var services = Services([("Mail:SmtpPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. settings]);
        if (trust is not null)
        {
            var pinned = trust.GetCertHashString();
            services.PostConfigure<MailOptions>(o => o.ServerCertificateValidation = (_, certificate, _, _) => certificate?.GetCertHashString() == pinned);
        }

        return services.BuildServiceProvider().GetRequiredService<IMailSender>();
    }

    private ServiceCollection Services(params (string Key, string? Value)[] settings)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:DataPath"] = _dataFolder,
            ["Mail:Delivery"] = "Smtp",
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpRetryDelay"] = "00:00:00.020",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration)
            .AddSingleton(Mock.Of<IHostEnvironment>())
            .AddSingleton(TimeProvider.System)
            .AddSingleton<ILogger<MailSender>>(_log)
            .AddKyodoMail(configuration);
        return services;
    }

    /// <summary>SslStream on Linux needs the key in a PKCS#12 container, not the ephemeral one CreateSelfSigned returns.</summary>
    private static X509Certificate2 ServerCertificate()
    {
        using var certificate = SelfSignedCertificate.ForLocalhost();
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
