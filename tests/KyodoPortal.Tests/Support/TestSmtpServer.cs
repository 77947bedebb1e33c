using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace KyodoPortal.Tests.Support;

/// <summary>What the server took: the envelope, the mail as a client parses it, its bytes (one char each), and how the session ran.</summary>
public sealed record ReceivedMail(string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, MimeMessage Message, string Raw, bool Encrypted, string? AuthenticatedUser);

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1 and a free port, in the test process.
/// With a certificate it offers STARTTLS (or TLS from the first byte with <c>implicitTls</c>); with
/// credentials it requires AUTH and checks them.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _received;
    private readonly CancellationTokenSource _stop;
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;

    private TestSmtpServer(ConcurrentQueue<ReceivedMail> received, CancellationTokenSource stop, SmtpServer.SmtpServer server, Task running, int port)
    {
        _received = received;
        _stop = stop;
        _server = server;
        _running = running;
        Port = port;
    }

    public int Port { get; }

    public IReadOnlyList<ReceivedMail> Received => [.. _received];

    public static async Task<TestSmtpServer> StartAsync(X509Certificate2? certificate = null, bool implicitTls = false, (string User, string Password)? credentials = null)
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, 0)).IsSecure(implicitTls);
                if (certificate is not null)
                {
                    endpoint.Certificate(certificate);
                }

                if (credentials is not null)
                {
                    endpoint.AuthenticationRequired().AllowUnsecureAuthentication(false);
                }
            })
            .Build();

        // Port 0: the system picks a free port, which the listener reports once it is bound.
        var bound = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => bound.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);

        var received = new ConcurrentQueue<ReceivedMail>();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(received));
        if (credentials is { } expected)
        {
            services.Add(new DelegatingUserAuthenticator((user, password) => user == expected.User && password == expected.Password));
        }

        var server = new SmtpServer.SmtpServer(options, services);
        var stop = new CancellationTokenSource();
        var running = server.StartAsync(stop.Token);
        var port = await bound.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return new TestSmtpServer(received, stop, server, running, port);
    }

    /// <summary>A port nothing listens on (an unreachable relay): bound by the system, then released.</summary>
    public static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // Cancelling is how the listener is told to stop.
        }

        _stop.Dispose();
    }

    private sealed class Store(ConcurrentQueue<ReceivedMail> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var bytes = buffer.ToArray();
            using var stream = new MemoryStream(bytes);
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            received.Enqueue(new ReceivedMail(
                transaction.From.AsAddress(),
                [.. transaction.To.Select(t => t.AsAddress())],
                message,
                System.Text.Encoding.Latin1.GetString(bytes),
                context.Pipe.IsSecure,
                context.Authentication.IsAuthenticated ? context.Authentication.User : null));
            return SmtpResponse.Ok;
        }
    }
}
