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

    /// <summary>Receive blocks for the raw records of large reads, returned by the writer after their commit.</summary>
    internal PayloadBlockPool Blocks { get; } = new();

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
    public ValueTask<Task<AppendResult>> EnqueueAsync(IReadOnlyList<EventRecord> events, string? idempotencyKey, string listener, CancellationToken cancellationToken)
    {
        var item = new IngestItem(events, idempotencyKey, listener);
        if (_channel.Writer.TryWrite(item))
        {
            _metrics.Received(listener, events.Count);
            return new(item.Committed);
        }

        return WriteThenCommittedAsync(item, cancellationToken);
    }

    private async ValueTask<Task<AppendResult>> WriteThenCommittedAsync(IngestItem item, CancellationToken cancellationToken)
    {
        await WriteAsync(item, cancellationToken).ConfigureAwait(false);
        return item.Committed;
    }

    /// <summary>
    /// Queues one event nobody waits to see committed (syslog has no acknowledgement), waiting for room. If the store
    /// fails, the event is counted as rejected and lost, as it would be with the commit task unobserved.
    /// </summary>
    /// <remarks>Completes at once, without allocating for the wait, when the queue has room.</remarks>
    /// <exception cref="ChannelClosedException">The service is stopping.</exception>
    public ValueTask EnqueueUnacknowledgedAsync(EventRecord record, string listener, CancellationToken cancellationToken)
    {
        var item = new IngestItem([record], null, listener, acknowledged: false);
        if (_channel.Writer.TryWrite(item))
        {
            _metrics.Received(listener, 1);
            return default;
        }

        return WriteAsync(item, cancellationToken);
    }

    /// <summary>
    /// Queues events nobody waits to see committed as one hand-over (the syslog messages of one TCP read), waiting for
    /// room in the queue and in its event budget.
    /// </summary>
    /// <remarks>Completes at once, without allocating for the wait, when the queue and its budget have room.</remarks>
    /// <param name="records">At least one and at most <see cref="Capacity"/> events; the queue keeps the list.</param>
    /// <param name="listener">The listener, for the counters.</param>
    /// <param name="cancellationToken">Cancelled when the listener stops.</param>
    /// <exception cref="ChannelClosedException">The service is stopping.</exception>
    public ValueTask EnqueueUnacknowledgedAsync(IReadOnlyList<EventRecord> records, string listener, CancellationToken cancellationToken) =>
        EnqueueUnacknowledgedAsync(records, listener, null, cancellationToken);

    /// <summary>
    /// Queues events nobody waits to see committed as one hand-over, whose raw records lie in <paramref name="blocks"/>
    /// from <see cref="Blocks"/>: the writer returns them to the pool once it has committed the hand-over.
    /// </summary>
    /// <param name="records">At least one and at most <see cref="Capacity"/> events; the queue keeps the list.</param>
    /// <param name="listener">The listener, for the counters.</param>
    /// <param name="blocks">The pooled blocks the events' raw records lie in, used by no other hand-over; or null.</param>
    /// <param name="cancellationToken">Cancelled when the listener stops.</param>
    /// <exception cref="ChannelClosedException">The service is stopping (the blocks are then left to the collector).</exception>
    internal ValueTask EnqueueUnacknowledgedAsync(IReadOnlyList<EventRecord> records, string listener, List<byte[]>? blocks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentOutOfRangeException.ThrowIfLessThan(records.Count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(records.Count, Capacity);
        if (!TryReserve(records.Count))
        {
            return ReserveThenWriteAsync(records, listener, blocks, cancellationToken);
        }

        var item = new IngestItem(records, null, listener, acknowledged: false, reserved: records.Count, blocks);
        if (_channel.Writer.TryWrite(item))
        {
            _metrics.Received(listener, records.Count);
            return default;
        }

        return WriteAsync(item, cancellationToken);
    }

    private async ValueTask ReserveThenWriteAsync(IReadOnlyList<EventRecord> records, string listener, List<byte[]>? blocks, CancellationToken cancellationToken)
    {
        await ReserveAsync(records.Count, cancellationToken).ConfigureAwait(false);
        await WriteAsync(new IngestItem(records, null, listener, acknowledged: false, reserved: records.Count, blocks), cancellationToken).ConfigureAwait(false);
    }

    // Waits for room in the channel; the item's reserved budget goes back if it never gets in.
    private async ValueTask WriteAsync(IngestItem item, CancellationToken cancellationToken)
    {
        try
        {
            await _channel.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
        }
        catch when (item.Reserved > 0)
        {
            Return(item.Reserved);
            throw;
        }

        _metrics.Received(item.Listener, item.Events.Count);
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

    // Takes budget for `events` if there is enough now; false when there is not or the queue is closed (the waiting path
    // then waits or throws).
    private bool TryReserve(int events)
    {
        lock (_budgetLock)
        {
            if (_completed || _budget < events)
            {
                return false;
            }

            _budget -= events;
            return true;
        }
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
