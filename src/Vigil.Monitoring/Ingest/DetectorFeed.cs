using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Vigil.Monitoring.Ingest;

/// <summary>
/// Hands committed batches from the writer to the live detector; the writer waits only while the detector is far
/// behind and still taking batches.
/// </summary>
/// <remarks>
/// <para>
/// At most <see cref="MaxWaitingEvents"/> events wait (a batch is always taken when none waits). When the detector
/// lags further, <see cref="Offer"/> drops the batch and raises a flag; the detector then reads the missed events back
/// from the store (they are committed), so nothing escapes detection. The bound is in events, not batches: every
/// waiting event is a live object graph the garbage collector copies at each collection, and 256 batches of 16,384
/// events (the bound before) could have held gigabytes.
/// </para>
/// <para>
/// Reading back is slower than taking batches in memory, so a detector that fell past the bound stayed behind until a
/// flood eased, using more of the machine (once the writer stopped waiting for its syncs it could outrun the
/// detector on two cores). So the writer asks <see cref="WhenRoomAsync"/> before each batch: above
/// <see cref="HighWaterEvents"/> it waits for the detector to take a batch, and ingestion runs at detection's pace. A
/// detector that takes nothing for <see cref="Stall"/> (a rule or analytic stuck on something) does not hold the
/// writer: the writer goes on and the bound applies as before.
/// </para>
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

    /// <summary>How long the writer waits for the detector to take a batch before it goes on without.</summary>
    public static readonly TimeSpan Stall = TimeSpan.FromMilliseconds(250);

    private long _waiting;
    private int _missed;
    private TaskCompletionSource _taken = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Above this many waiting events the writer waits for the detector (see the remarks): half the bound.</summary>
    public long HighWaterEvents => maxWaitingEvents / 2;

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
            Interlocked.Exchange(ref _taken, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            yield return batch;
        }
    }

    /// <summary>
    /// Completes at once while at most <see cref="HighWaterEvents"/> events wait; above, when the detector has taken
    /// enough batches to be below it again, or when it took none for <paramref name="stall"/>.
    /// </summary>
    /// <returns>Whether the caller waited.</returns>
    public async ValueTask<bool> WhenRoomAsync(TimeSpan stall, TimeProvider time, CancellationToken cancellationToken)
    {
        var waited = false;
        while (Waiting > HighWaterEvents)
        {
            var taken = Volatile.Read(ref _taken).Task;
            if (Waiting <= HighWaterEvents)
            {
                break;
            }

            waited = true;
            try
            {
                await taken.WaitAsync(stall, time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return waited;
            }
        }

        return waited;
    }

    /// <summary>Whether batches were dropped since the last call (and clears the flag).</summary>
    public bool TakeMissed() => Interlocked.Exchange(ref _missed, 0) == 1;

    public void Complete() => _channel.Writer.TryComplete();
}
