using System.Threading.Channels;
using Vigil.Storage.Events;

namespace Vigil.Monitoring.Ingest;

/// <summary>
/// Where listeners hand over parsed events: a bounded queue in front of the store's batch writer.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe. Capacity is counted in hand-overs (a syslog message or an HTTP request), so that memory stays bounded
/// under overload. <see cref="TryEnqueue"/> never waits: a full queue answers false and the caller answers its sender
/// (HTTP 503 with Retry-After) or counts a drop (UDP). <see cref="EnqueueAsync"/> waits for room, which is how a TCP
/// listener stops reading its socket and lets TCP flow control slow the sender.
/// </para>
/// <para>
/// The task returned completes when the events are committed (the sender may be acknowledged then), or faults when
/// the store failed (nothing of that hand-over was committed).
/// </para>
/// </remarks>
public sealed class IngestQueue
{
    private readonly Channel<IngestItem> _channel;
    private readonly MonitoringMetrics _metrics;

    /// <summary>Creates a queue holding at most <paramref name="capacity"/> hand-overs.</summary>
    public IngestQueue(int capacity, MonitoringMetrics metrics)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _metrics = metrics;
        _channel = Channel.CreateBounded<IngestItem>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>Hand-overs waiting to be written.</summary>
    public int Depth => _channel.Reader.Count;

    internal ChannelReader<IngestItem> Reader => _channel.Reader;

    /// <summary>Queues events without waiting; false when the queue is full or closed.</summary>
    public bool TryEnqueue(IReadOnlyList<EventRecord> events, string? idempotencyKey, string listener, out Task<AppendResult> committed)
    {
        var item = new IngestItem(events, idempotencyKey, listener);
        committed = item.Committed;
        if (_channel.Writer.TryWrite(item))
        {
            _metrics.Received(listener, events.Count);
            return true;
        }

        return false;
    }

    /// <summary>Queues events, waiting for room; returns the commit task once queued.</summary>
    /// <exception cref="ChannelClosedException">The service is stopping.</exception>
    public async ValueTask<Task<AppendResult>> EnqueueAsync(IReadOnlyList<EventRecord> events, string? idempotencyKey, string listener, CancellationToken cancellationToken)
    {
        var item = new IngestItem(events, idempotencyKey, listener);
        await _channel.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
        _metrics.Received(listener, events.Count);
        return item.Committed;
    }

    /// <summary>
    /// Queues one event nobody waits to see committed (syslog has no acknowledgement), waiting for room. If the store
    /// fails, the event is counted as rejected and lost, as it would be with the commit task unobserved.
    /// </summary>
    /// <exception cref="ChannelClosedException">The service is stopping.</exception>
    public async ValueTask EnqueueUnacknowledgedAsync(EventRecord record, string listener, CancellationToken cancellationToken)
    {
        var item = new IngestItem([record], null, listener, acknowledged: false);
        await _channel.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
        _metrics.Received(listener, 1);
    }

    /// <summary>Stops accepting; the writer drains what was queued.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
