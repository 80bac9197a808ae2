using System.Buffers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Vigil.Ingestion.Listeners;

/// <summary>Serves one TCP or TLS connection: handshake, read, frame, deliver. Shared by all connections; stateless.</summary>
internal sealed class SyslogTcpConnection(
    SyslogTcpListenerOptions options,
    IMessageSink sink,
    TimeProvider time,
    ListenerCounters counters)
{
    public async Task RunAsync(Socket client, string peer, CancellationToken stopping)
    {
        var network = new NetworkStream(client, ownsSocket: true);
        await using (network.ConfigureAwait(false))
        {
            try
            {
                var stream = options.Certificate is null ? network : await HandshakeAsync(network, peer, stopping).ConfigureAwait(false);
                if (stream is not null)
                {
                    await using (stream.ConfigureAwait(false))
                    {
                        await ReadAsync(stream, peer, stopping).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
                // The peer reset or the listener is stopping: the connection ends, the listener goes on.
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
            }
        }
    }

    private async Task<Stream?> HandshakeAsync(NetworkStream network, string peer, CancellationToken stopping)
    {
        var tls = new SslStream(network, leaveInnerStreamOpen: true);
        using var timeout = new CancellationTokenSource(options.HandshakeTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stopping);
        try
        {
            await tls.AuthenticateAsServerAsync(
                new SslServerAuthenticationOptions
                {
                    ServerCertificate = options.Certificate,
                    // TLS 1.0 and 1.1 are broken; RFC 5425 as updated by RFC 9662 asks for 1.2 or later.
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                    ClientCertificateRequired = false,
                },
                linked.Token).ConfigureAwait(false);
            return tls;
        }
        catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException
                                   && !stopping.IsCancellationRequested)
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            var why = timeout.IsCancellationRequested ? "the TLS handshake timed out" : "the TLS handshake failed";
            counters.Rejected(RejectReasons.TlsHandshake, peer, why);
            return null;
        }
    }

    // The frames one read completed go to the sink together, their payloads still in the receive buffer: the buffer is
    // not moved or refilled until the sink is done with them.
    private async Task ReadAsync(Stream stream, string peer, CancellationToken stopping)
    {
        var framing = new SyslogFraming(options.MaxMessageSize);
        var buffer = ArrayPool<byte>.Shared.Rent(framing.MinimumBufferSize);
        var batch = new List<ReceivedMessage>();
        try
        {
            int start = 0, end = 0;
            var endOfStream = false;
            while (true)
            {
                var receivedAt = time.GetUtcNow();
                Frame frame;
                do
                {
                    frame = framing.Next(buffer.AsSpan(start, end - start), endOfStream);
                    var at = start;
                    start += frame.Consumed;
                    if (frame.Status == FrameStatus.Message)
                    {
                        batch.Add(new ReceivedMessage(buffer.AsMemory(at + frame.Start, frame.Length), options.Name, peer, receivedAt));
                    }
                    else if (frame.Status == FrameStatus.Rejected)
                    {
                        counters.Rejected(frame.Reason!, peer, Sentence(frame.Reason!));
                    }
                }
                while (frame.Status != FrameStatus.NeedMoreData);

                if (batch.Count > 0)
                {
                    var delivered = await DeliverAsync(batch, stopping).ConfigureAwait(false);
                    batch.Clear();
                    if (!delivered)
                    {
                        return;
                    }
                }

                if (endOfStream)
                {
                    return;
                }

                // The framing guarantees any unfinished frame fits in the buffer, so moving it to the front leaves room.
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                end -= start;
                start = 0;
                var read = await stream.ReadAsync(buffer.AsMemory(end), stopping).ConfigureAwait(false);
                endOfStream = read == 0;
                end += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async ValueTask<bool> DeliverAsync(List<ReceivedMessage> batch, CancellationToken stopping)
    {
        try
        {
            await sink.AcceptManyAsync(batch, stopping).ConfigureAwait(false);
            counters.Received(batch.Count);
            return true;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The sink is isolated: its failure closes this connection, never the listener.
        catch (Exception)
#pragma warning restore CA1031
        {
            counters.Dropped(batch.Count);
            return false;
        }
    }

    private string Sentence(string reason) => reason == RejectReasons.Oversized
        ? $"a message longer than {options.MaxMessageSize} bytes was skipped"
        : "the connection closed inside an octet-counted frame";
}
