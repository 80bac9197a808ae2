using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Vigil.Diagnostics;

namespace Vigil.Ingestion.Listeners;

/// <summary>Receives syslog over TCP (RFC 6587 framing), or over TLS (RFC 5425) when a certificate is configured.</summary>
/// <remarks>
/// <para>
/// Each connection reads, splits frames (octet counting or LF, detected per frame) and awaits the sink for each
/// message before reading on, so a slow sink slows senders through TCP flow control and nothing is dropped for lack
/// of room. Oversized and truncated frames are counted and reported (listener, peer, reason; never content) and the
/// connection goes on.
/// </para>
/// <para>
/// Plain syslog over TCP has no acknowledgements: messages read but not yet accepted when the listener stops, or
/// when the sink throws, are lost (counted as dropped if the sink threw). Start once, stop once; the statistics may
/// be read from any thread at any time.
/// </para>
/// </remarks>
public sealed class SyslogTcpListener : IAsyncDisposable
{
    private readonly SyslogTcpListenerOptions _options;
    private readonly ListenerCounters _counters;
    private readonly SyslogTcpConnection _connection;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, Task> _open = new();
    private Socket? _socket;
    private Task _acceptLoop = Task.CompletedTask;
    private long _nextId;

    /// <summary>Creates a listener; nothing is bound until <see cref="StartAsync"/>.</summary>
    /// <param name="options">Settings, validated here.</param>
    /// <param name="sink">Where messages go.</param>
    /// <param name="timeProvider">Clock for <see cref="ReceivedMessage.ReceivedAt"/> and the handshake timeout.</param>
    /// <param name="problems">Where rejected input is reported; may be null (then only counted).</param>
    public SyslogTcpListener(
        SyslogTcpListenerOptions options,
        IMessageSink sink,
        TimeProvider? timeProvider = null,
        IProblemSink? problems = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        options.Validate();
        _options = options;
        _counters = new ListenerCounters(options.Name, problems);
        _connection = new SyslogTcpConnection(options, sink, timeProvider ?? TimeProvider.System, _counters);
    }

    /// <summary>The bound port (useful with port 0); 0 before <see cref="StartAsync"/>.</summary>
    public int Port => (_socket?.LocalEndPoint as IPEndPoint)?.Port ?? 0;

    /// <summary>A copy of the counters.</summary>
    public ListenerStatistics Statistics => _counters.Snapshot();

    /// <summary>Binds and starts accepting connections; returns once the port is bound.</summary>
    /// <exception cref="SocketException">The address or port cannot be bound (in use, not permitted).</exception>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_socket is not null)
        {
            throw new InvalidOperationException("The listener was already started.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var socket = new Socket(_options.BindAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(_options.BindAddress, _options.Port));
            socket.Listen(512);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
        _acceptLoop = Task.Run(() => AcceptLoopAsync(socket, _stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Stops accepting, closes every connection and waits for their tasks to end.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket?.Dispose();
        await _acceptLoop.WaitAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(_open.Values).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync(Socket listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException) when (!stopping.IsCancellationRequested)
            {
                continue; // A client that reset before we accepted it; the listener is fine.
            }
            catch (SocketException)
            {
                return;
            }

            var peer = client.RemoteEndPoint?.ToString() ?? "unknown";
            if (_counters.Connections >= _options.MaxConnections)
            {
                _counters.Rejected(
                    RejectReasons.ConnectionLimit,
                    peer,
                    $"connection refused: already {_options.MaxConnections} open");
                client.Dispose();
                continue;
            }

            _counters.ConnectionOpened();
            var id = ++_nextId;
            var task = Task.Run(() => RunConnectionAsync(id, client, peer, stopping), CancellationToken.None);
            _open[id] = task;
            if (task.IsCompleted)
            {
                _open.TryRemove(id, out _); // It ended before it was added, so its own removal missed it.
            }
        }
    }

    private async Task RunConnectionAsync(long id, Socket client, string peer, CancellationToken stopping)
    {
        try
        {
            await _connection.RunAsync(client, peer, stopping).ConfigureAwait(false);
        }
        finally
        {
            _counters.ConnectionClosed();
            _open.TryRemove(id, out _);
        }
    }
}
