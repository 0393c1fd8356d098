using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace JustCulture.TestSupport;

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1 on a free port, keeping every message it receives so a
/// test can read what was really sent over the wire — not a mock of the client.
/// </summary>
public sealed class LocalSmtpServer : IAsyncDisposable
{
    private readonly ReceivedMail _received = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _server;

    public LocalSmtpServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var provider = new SmtpServer.ComponentModel.ServiceProvider();
        provider.Add(_received);
        _server = new SmtpServer.SmtpServer(options, provider).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public IReadOnlyCollection<MimeMessage> Messages => _received.Messages;

    /// <summary>The messages received once there are <paramref name="count"/> (or after 10 s, whatever arrived).</summary>
    public async Task<List<MimeMessage>> WaitForAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_received.Messages.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return [.. _received.Messages];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAny(_server, Task.Delay(TimeSpan.FromSeconds(5)));
        _stop.Dispose();
    }

    private sealed class ReceivedMail : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
