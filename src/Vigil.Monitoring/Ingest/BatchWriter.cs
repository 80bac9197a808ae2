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
/// because the key must commit with exactly its events. Handing committed events to detection never waits: when the
/// detector lags and its queue is full, the batch is not passed on and the detector reads those events back from the
/// store instead, so a slow rule set slows alerts, never ingestion.
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

    private readonly List<IngestItem> _group = [];
    private readonly List<EventRecord> _records = [];
    private IngestItem? _carried;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var reader = queue.Reader;
        while (_carried is not null || await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            Gather();
            if (_group.Count > 0 && _group[0].IdempotencyKey is null && _carried is null && Count(_group) < GatherBelow)
            {
                // A trickle of single messages (syslog) would otherwise cost one transaction, and one fsync, each:
                // wait a moment for more. This adds at most GatherDelay to the time from receipt to commit.
                await Task.Delay(GatherDelay, time, CancellationToken.None).ConfigureAwait(false);
                GatherMore();
            }

            if (_group.Count > 0)
            {
                // Stopping must not abandon a batch that is being committed: senders are waiting for it.
                await WriteAsync(CancellationToken.None).ConfigureAwait(false);
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
        _group.Clear();
        GatherMore();
    }

    private void GatherMore()
    {
        var events = Count(_group);
        while (_carried is not null || queue.TryTake(out _carried))
        {
            var item = _carried;
            var keyed = item.IdempotencyKey is not null;
            if (_group.Count > 0 && (keyed || _group[0].IdempotencyKey is not null || events + item.Events.Count > MaxBatchEvents))
            {
                return;
            }

            _carried = null;
            _group.Add(item);
            events += item.Events.Count;
            if (keyed)
            {
                return;
            }
        }
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        _records.Clear();
        foreach (var item in _group)
        {
            _records.AddRange(item.Events);
        }

        if (_records.Count == 0)
        {
            foreach (var item in _group)
            {
                item.Complete(new AppendResult([], Duplicate: false));
            }

            return;
        }

        var started = Stopwatch.GetTimestamp();
        AppendResult result;
        try
        {
            result = await store.AppendAsync(_records, _group[0].IdempotencyKey, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ReturnBlocks();
            LogStoreFailed(log, _records.Count, e.GetType().Name);
            foreach (var item in _group)
            {
                metrics.Rejected(item.Listener, "store-failed", item.Events.Count);
                item.Fail(e);
            }

            return;
        }

        ReturnBlocks();
        metrics.StoreWrite(Stopwatch.GetElapsedTime(started));
        var offset = 0;
        foreach (var item in _group)
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
            for (var start = 0; start < _records.Count; start += DetectorBatchEvents)
            {
                var length = Math.Min(DetectorBatchEvents, _records.Count - start);
                var events = new LogEvent[length];
                for (var i = 0; i < length; i++)
                {
                    events[i] = _records[start + i].Event;
                }

                detector.Offer(new CommittedBatch(Slice(result.Ids, start, length), events, committedAt));
            }
        }
    }

    // The append has returned: the store copied the raw records while inserting (or failed), and from here on only the
    // parsed events are read (handed to the detector), so the receive blocks they lie in can take the next reads.
    private void ReturnBlocks()
    {
        foreach (var item in _group)
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
}
