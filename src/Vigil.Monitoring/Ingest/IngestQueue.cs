using System.Diagnostics.CodeAnalysis;
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
/// A hand-over of many unacknowledged events (the syslog messages of one TCP read) takes one place and, besides, one
/// unit per event of an event budget as large as the capacity, returned when the writer takes it: so such hand-overs
/// hold at most as many events as single-message hand-overs could.
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
    private readonly Lock _budgetLock = new();
    private int _budget;
    private bool _completed;
    private TaskCompletionSource? _budgetReturned;

    /// <summary>Creates a queue holding at most <paramref name="capacity"/> hand-overs.</summary>
    public IngestQueue(int capacity, MonitoringMetrics metrics)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _metrics = metrics;
        Capacity = _budget = capacity;
        _channel = Channel.CreateBounded<IngestItem>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>How many hand-overs the queue holds at most; also the most events one hand-over of many may carry.</summary>
    public int Capacity { get; }

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

    /// <summary>
    /// Queues events nobody waits to see committed as one hand-over (the syslog messages of one TCP read), waiting for
    /// room in the queue and in its event budget.
    /// </summary>
    /// <param name="records">At least one and at most <see cref="Capacity"/> events; the queue keeps the list.</param>
    /// <param name="listener">The listener, for the counters.</param>
    /// <param name="cancellationToken">Cancelled when the listener stops.</param>
    /// <exception cref="ChannelClosedException">The service is stopping.</exception>
    public async ValueTask EnqueueUnacknowledgedAsync(IReadOnlyList<EventRecord> records, string listener, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentOutOfRangeException.ThrowIfLessThan(records.Count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(records.Count, Capacity);
        await ReserveAsync(records.Count, cancellationToken).ConfigureAwait(false);
        try
        {
            await _channel.Writer.WriteAsync(new IngestItem(records, null, listener, acknowledged: false, reserved: records.Count), cancellationToken)
                .ConfigureAwait(false);
        }
        catch
        {
            Return(records.Count);
            throw;
        }

        _metrics.Received(listener, records.Count);
    }

    /// <summary>Stops accepting; the writer drains what was queued.</summary>
    public void Complete()
    {
        _channel.Writer.TryComplete();
        TaskCompletionSource? waiting;
        lock (_budgetLock)
        {
            _completed = true;
            (waiting, _budgetReturned) = (_budgetReturned, null);
        }

        waiting?.TrySetResult();
    }

    /// <summary>Takes the next hand-over for the writer (returning its share of the event budget), if one is queued.</summary>
    internal bool TryTake([NotNullWhen(true)] out IngestItem? item)
    {
        if (!_channel.Reader.TryRead(out item))
        {
            return false;
        }

        if (item.Reserved > 0)
        {
            Return(item.Reserved);
        }

        return true;
    }

    private async ValueTask ReserveAsync(int events, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task returned;
            lock (_budgetLock)
            {
                if (_completed)
                {
                    throw new ChannelClosedException();
                }

                if (_budget >= events)
                {
                    _budget -= events;
                    return;
                }

                _budgetReturned ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                returned = _budgetReturned.Task;
            }

            // Every waiter wakes when budget comes back and tries again; waiters are the few open TCP connections.
            await returned.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void Return(int events)
    {
        TaskCompletionSource? waiting;
        lock (_budgetLock)
        {
            _budget += events;
            (waiting, _budgetReturned) = (_budgetReturned, null);
        }

        waiting?.TrySetResult();
    }
}
