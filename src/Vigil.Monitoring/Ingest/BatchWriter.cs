using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Vigil.Events;
using Vigil.Storage.Events;

namespace Vigil.Monitoring.Ingest;

/// <summary>
/// Drains the <see cref="IngestQueue"/> into the event store, in as few transactions as it can, and hands what it
/// committed to the live detector.
/// </summary>
/// <remarks>
/// One writer per store: hand-overs without an idempotency key are coalesced into transactions of up to
/// <see cref="MaxBatchEvents"/> events (this is what makes syslog fast); a hand-over with a key is its own transaction,
/// because the key must commit with exactly its events. A batch is written while the one before it syncs to disk
/// (<see cref="IEventStore.AppendCommittedAsync"/>); batches are answered, counted and handed to detection once
/// durable, in commit order. Handing committed events to detection never waits: when the
/// detector lags and its queue is full, the batch is not passed on and the detector reads those events back from the
/// store instead. Before a batch the writer waits while the detector is far behind and still taking batches (see
/// <see cref="DetectorFeed"/>): under a flood ingestion runs at detection's pace; a stuck rule set slows alerts, not
/// ingestion.
/// </remarks>
internal sealed partial class BatchWriter(
    IngestQueue queue,
    IEventStore store,
    DetectorFeed detector,
    MonitoringMetrics metrics,
    TimeProvider time,
    ILogger<BatchWriter> log)
{
    public const int MaxBatchEvents = 16384;

    /// <summary>Events per batch handed to the detector: 8,192, so that its arrays are not large objects.</summary>
    public const int DetectorBatchEvents = EventIds.ChunkLength;

    private const int GatherBelow = 512;
    private static readonly TimeSpan GatherDelay = TimeSpan.FromMilliseconds(2);

    // Two batches: one being written while the other, committed, waits to be durable (see RunAsync).
    private Batch _current = new();
    private Batch _syncing = new();
    private IngestItem? _carried;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var reader = queue.Reader;
        while (_carried is not null || _syncing.InFlight || await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            Gather();
            if (_current.Group.Count > 0 && _current.Group[0].IdempotencyKey is null && _carried is null && Count(_current.Group) < GatherBelow)
            {
                // The last batch is not kept waiting for this one.
                await FinishAsync(_syncing).ConfigureAwait(false);

                // A trickle of single messages (syslog) would otherwise cost one transaction, and one sync, each:
                // wait a moment for more. This adds at most GatherDelay to the time from receipt to commit.
                await Task.Delay(GatherDelay, time, CancellationToken.None).ConfigureAwait(false);
                GatherMore();
            }

            // Stopping must not abandon a batch that is being committed: senders are waiting for it.
            if (_current.Group.Count > 0)
            {
                await CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }

            // The batch just committed syncs while the next one is written, if there is one to write already;
            // otherwise nothing would finish it.
            if (_carried is null && queue.Depth == 0)
            {
                await FinishAsync(_syncing).ConfigureAwait(false);
            }
        }
    }

    private static int Count(List<IngestItem> group)
    {
        var count = 0;
        foreach (var item in group)
        {
            count += item.Events.Count;
        }

        return count;
    }

    private void Gather()
    {
        _current.Group.Clear();
        GatherMore();
    }

    private void GatherMore()
    {
        var group = _current.Group;
        var events = Count(group);
        while (_carried is not null || queue.TryTake(out _carried))
        {
            var item = _carried;
            var keyed = item.IdempotencyKey is not null;
            if (group.Count > 0 && (keyed || group[0].IdempotencyKey is not null || events + item.Events.Count > MaxBatchEvents))
            {
                return;
            }

            _carried = null;
            group.Add(item);
            events += item.Events.Count;
            if (keyed)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Commits the current batch; then finishes the batch before it (its sync has had this batch's writing to
    /// complete), and the current one becomes the one syncing. Batches therefore finish in commit order, which is id
    /// order: the detector sees events in store order.
    /// </summary>
    private async Task CommitAsync(CancellationToken cancellationToken)
    {
        var batch = _current;
        var records = batch.Records;
        records.Clear();
        foreach (var item in batch.Group)
        {
            records.AddRange(item.Events);
        }

        CommittedAppend? committed = null;
        if (records.Count > 0)
        {
            if (await detector.WhenRoomAsync(DetectorFeed.Stall, time, cancellationToken).ConfigureAwait(false))
            {
                metrics.WaitedForDetection();
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                committed = await store.AppendCommittedAsync(records, batch.Group[0].IdempotencyKey, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                ReturnBlocks(batch);
                Fail(batch, e);
                batch.Group.Clear();
                return;
            }

            ReturnBlocks(batch);
            metrics.StoreWrite(Stopwatch.GetElapsedTime(started));
        }

        await FinishAsync(_syncing).ConfigureAwait(false);
        batch.Committed = committed;
        batch.InFlight = true;
        (_current, _syncing) = (_syncing, _current);
    }

    /// <summary>Waits until the batch is durable, then answers its senders and hands its events to the detector.</summary>
    private async Task FinishAsync(Batch batch)
    {
        if (!batch.InFlight)
        {
            return;
        }

        batch.InFlight = false;
        var group = batch.Group;
        if (batch.Committed is not { } committed)
        {
            // Nothing to write (hand-overs of no events).
            foreach (var item in group)
            {
                item.Complete(new AppendResult([], Duplicate: false));
            }

            group.Clear();
            return;
        }

        batch.Committed = null;
        try
        {
            await committed.Durable.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Fail(batch, e);
            group.Clear();
            return;
        }

        var result = committed.Result;
        var records = batch.Records;
        var offset = 0;
        foreach (var item in group)
        {
            var count = item.Events.Count;
            if (item.Acknowledged)
            {
                var ids = result.Duplicate ? [] : Slice(result.Ids, offset, count);
                item.Complete(new AppendResult(ids, result.Duplicate));
            }

            offset += count;
            metrics.Committed(item.Listener, result.Duplicate ? 0 : count);
        }

        if (!result.Duplicate)
        {
            // In pieces whose arrays stay below the large object threshold (see EventIds): a 16,384-event batch as one
            // array of events and one of ids made two large objects per transaction, and with them full collections.
            var committedAt = time.GetUtcNow();
            for (var start = 0; start < records.Count; start += DetectorBatchEvents)
            {
                var length = Math.Min(DetectorBatchEvents, records.Count - start);
                var events = new LogEvent[length];
                for (var i = 0; i < length; i++)
                {
                    events[i] = records[start + i].Event;
                }

                detector.Offer(new CommittedBatch(Slice(result.Ids, start, length), events, committedAt));
            }
        }

        group.Clear();
        records.Clear();
    }

    private void Fail(Batch batch, Exception e)
    {
        LogStoreFailed(log, Count(batch.Group), e.GetType().Name);
        foreach (var item in batch.Group)
        {
            metrics.Rejected(item.Listener, "store-failed", item.Events.Count);
            item.Fail(e);
        }
    }

    // The append has returned: the store copied the raw records while inserting (or failed), and from here on only the
    // parsed events are read (handed to the detector), so the receive blocks they lie in can take the next reads.
    private void ReturnBlocks(Batch batch)
    {
        foreach (var item in batch.Group)
        {
            if (item.Blocks is { } blocks)
            {
                queue.Blocks.Return(blocks);
            }
        }
    }

    private static long[] Slice(IReadOnlyList<long> ids, int start, int length)
    {
        if (ids is EventIds chunked)
        {
            return chunked.Slice(start, length);
        }

        var slice = new long[length];
        for (var i = 0; i < length; i++)
        {
            slice[i] = ids[start + i];
        }

        return slice;
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "Event store rejected a batch of {Count} events ({Error}); their senders get an error")]
    private static partial void LogStoreFailed(ILogger logger, int count, string error);

    private sealed class Batch
    {
        public List<IngestItem> Group { get; } = [];

        public List<EventRecord> Records { get; } = [];

        /// <summary>Committed (or found empty), not yet finished.</summary>
        public bool InFlight { get; set; }

        /// <summary>The append, or null when the batch had no events to write.</summary>
        public CommittedAppend? Committed { get; set; }
    }
}
