using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Vigil.Diagnostics;

namespace Vigil.Ingestion.Listeners;

/// <summary>Receives syslog over UDP (RFC 5426): one message per datagram.</summary>
/// <remarks>
/// <para>
/// UDP cannot slow a sender, so the receive loop never waits for the sink: each datagram goes into a bounded queue
/// (<see cref="SyslogUdpListenerOptions.QueueCapacity"/>) that one task empties into the sink; when the queue is
/// full the datagram is dropped and counted in <see cref="ListenerStatistics.Dropped"/>. The queue depth is
/// <see cref="ListenerStatistics.Pending"/>. Datagrams the kernel drops (its socket buffer full) are not seen and
/// cannot be counted here.
/// </para>
/// <para>
/// Trailing LF, CR and NUL are removed. Oversized and empty datagrams are counted and reported (listener, peer,
/// reason; never content). On stop the queue is still delivered until the stop token is cancelled; what is left
/// then is counted as dropped. Start once, stop once; statistics may be read from any thread.
/// </para>
/// </remarks>
public sealed class SyslogUdpListener : IAsyncDisposable
{
    private readonly SyslogUdpListenerOptions _options;
    private readonly IMessageSink _sink;
    private readonly TimeProvider _time;
    private readonly ListenerCounters _counters;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abandon = new();
    private readonly Channel<ReceivedMessage> _queue;
    private Socket? _socket;
    private Task _receiveLoop = Task.CompletedTask;
    private Task _deliverLoop = Task.CompletedTask;

    /// <summary>Creates a listener; nothing is bound until <see cref="StartAsync"/>.</summary>
    /// <param name="options">Settings, validated here.</param>
    /// <param name="sink">Where messages go.</param>
    /// <param name="timeProvider">Clock for <see cref="ReceivedMessage.ReceivedAt"/>.</param>
    /// <param name="problems">Where rejected input is reported; may be null (then only counted).</param>
    public SyslogUdpListener(
        SyslogUdpListenerOptions options,
        IMessageSink sink,
        TimeProvider? timeProvider = null,
        IProblemSink? problems = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        options.Validate();
        _options = options;
        _sink = sink;
        _time = timeProvider ?? TimeProvider.System;
        _counters = new ListenerCounters(options.Name, problems);
        _queue = Channel.CreateBounded<ReceivedMessage>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait, // Only TryWrite is used: a full queue refuses, and we count.
        });
    }

    /// <summary>The bound port (useful with port 0); 0 before <see cref="StartAsync"/>.</summary>
    public int Port => (_socket?.LocalEndPoint as IPEndPoint)?.Port ?? 0;

    /// <summary>A copy of the counters.</summary>
    public ListenerStatistics Statistics => _counters.Snapshot();

    /// <summary>Binds and starts receiving; returns once the port is bound.</summary>
    /// <exception cref="SocketException">The address or port cannot be bound (in use, not permitted).</exception>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_socket is not null)
        {
            throw new InvalidOperationException("The listener was already started.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var socket = new Socket(_options.BindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(_options.BindAddress, _options.Port));
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
        _receiveLoop = Task.Run(() => ReceiveLoopAsync(socket, _stopping.Token), CancellationToken.None);
        _deliverLoop = Task.Run(() => DeliverLoopAsync(_abandon.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Stops receiving, then delivers what is queued until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket?.Dispose();
        await _receiveLoop.ConfigureAwait(false);
        _queue.Writer.TryComplete();
        using (cancellationToken.Register(_abandon.Cancel))
        {
            await _deliverLoop.ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(new CancellationToken(canceled: true)).ConfigureAwait(false);
        _stopping.Dispose();
        _abandon.Dispose();
    }

    private async Task ReceiveLoopAsync(Socket socket, CancellationToken stopping)
    {
        // Room for the message, a CR LF and one byte more, so an oversized datagram shows as filling the buffer
        // (Linux truncates silently).
        var buffer = new byte[_options.MaxMessageSize + 3];
        EndPoint any = new IPEndPoint(_options.BindAddress.AddressFamily == AddressFamily.InterNetworkV6
            ? IPAddress.IPv6Any
            : IPAddress.Any, 0);
        while (!stopping.IsCancellationRequested)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.MessageSize)
            {
                _counters.Rejected(RejectReasons.Oversized, "unknown", Oversized());
                continue;
            }
            catch (SocketException) when (!stopping.IsCancellationRequested)
            {
                continue; // ICMP port unreachable reported on some systems; the socket is still usable.
            }
            catch (SocketException)
            {
                return;
            }

            Accept(buffer.AsSpan(0, result.ReceivedBytes), result.RemoteEndPoint.ToString() ?? "unknown", result.ReceivedBytes == buffer.Length);
        }
    }

    private void Accept(ReadOnlySpan<byte> datagram, string peer, bool filled)
    {
        var length = datagram.LastIndexOfAnyExcept((byte)'\n', (byte)'\r', (byte)0) + 1;
        if (filled || length > _options.MaxMessageSize)
        {
            _counters.Rejected(RejectReasons.Oversized, peer, Oversized());
            return;
        }

        if (length == 0)
        {
            _counters.Rejected(RejectReasons.Empty, peer, "an empty datagram was skipped");
            return;
        }

        var message = new ReceivedMessage(datagram[..length].ToArray(), _options.Name, peer, _time.GetUtcNow());
        _counters.PendingChanged(1);
        if (!_queue.Writer.TryWrite(message))
        {
            _counters.PendingChanged(-1);
            _counters.Dropped();
        }
    }

    private async Task DeliverLoopAsync(CancellationToken abandon)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(abandon).ConfigureAwait(false))
            {
                while (_queue.Reader.TryRead(out var message))
                {
                    _counters.PendingChanged(-1);
                    try
                    {
                        await _sink.AcceptAsync(message, abandon).ConfigureAwait(false);
                        _counters.Received();
                    }
                    catch (OperationCanceledException) when (abandon.IsCancellationRequested)
                    {
                        _counters.Dropped();
                        throw;
                    }
#pragma warning disable CA1031 // The sink is isolated: its failure loses this message, never the listener.
                    catch (Exception)
#pragma warning restore CA1031
                    {
                        _counters.Dropped();
                    }
                }
            }
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            while (_queue.Reader.TryRead(out _))
            {
                _counters.PendingChanged(-1);
                _counters.Dropped();
            }
        }
    }

    private string Oversized() => $"a datagram longer than {_options.MaxMessageSize} bytes was skipped";
}
