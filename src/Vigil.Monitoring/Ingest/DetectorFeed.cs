using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Vigil.Monitoring.Ingest;

/// <summary>
/// Hands committed batches from the writer to the live detector without ever making the writer wait.
/// </summary>
/// <remarks>
/// At most <see cref="MaxWaitingEvents"/> events wait (a batch is always taken when none waits). When the detector
/// lags further, <see cref="Offer"/> drops the batch and raises a flag; the detector then reads the missed events back
/// from the store (they are committed), so nothing escapes detection. The bound is in events, not batches: every
/// waiting event is a live object graph the garbage collector copies at each collection, and 256 batches of 16,384
/// events (the bound before) could have held gigabytes.
/// </remarks>
internal sealed class DetectorFeed(int maxWaitingEvents = DetectorFeed.MaxWaitingEvents)
{
    /// <summary>
    /// Sixteen full batches of the writer: about a second of a flood, so that a pause of the detector (a collection,
    /// a burst of alerts) is absorbed in memory. Reading back from the store is slower than taking a batch in memory,
    /// so a detector that falls behind the bound stays behind until the flood eases; four batches were too few.
    /// </summary>
    public const int MaxWaitingEvents = 16 * BatchWriter.MaxBatchEvents;

    private readonly Channel<CommittedBatch> _channel = Channel.CreateUnbounded<CommittedBatch>(new UnboundedChannelOptions
    {
        SingleReader = true,
        SingleWriter = true,
    });

    private long _waiting;
    private int _missed;

    /// <summary>Events offered and not yet read.</summary>
    public long Waiting => Interlocked.Read(ref _waiting);

    public void Offer(CommittedBatch batch)
    {
        var count = batch.Ids.Count;
        var waiting = Interlocked.Read(ref _waiting);
        if (waiting > 0 && waiting + count > maxWaitingEvents)
        {
            Volatile.Write(ref _missed, 1);
            return;
        }

        Interlocked.Add(ref _waiting, count);
        if (!_channel.Writer.TryWrite(batch))
        {
            Interlocked.Add(ref _waiting, -count);
            Volatile.Write(ref _missed, 1);
        }
    }

    /// <summary>The batches in the order offered, until <see cref="Complete"/>.</summary>
    public async IAsyncEnumerable<CommittedBatch> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in _channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            Interlocked.Add(ref _waiting, -batch.Ids.Count);
            yield return batch;
        }
    }

    /// <summary>Whether batches were dropped since the last call (and clears the flag).</summary>
    public bool TakeMissed() => Interlocked.Exchange(ref _missed, 0) == 1;

    public void Complete() => _channel.Writer.TryComplete();
}
