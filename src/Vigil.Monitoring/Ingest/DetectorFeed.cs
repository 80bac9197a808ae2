using System.Threading.Channels;

namespace Vigil.Monitoring.Ingest;

/// <summary>
/// Hands committed batches from the writer to the live detector without ever making the writer wait.
/// </summary>
/// <remarks>
/// When the detector lags, <see cref="Offer"/> drops the batch and raises a flag; the detector then reads the missed
/// events back from the store (they are committed), so nothing escapes detection.
/// </remarks>
internal sealed class DetectorFeed
{
    private readonly Channel<CommittedBatch> _channel = Channel.CreateBounded<CommittedBatch>(new BoundedChannelOptions(256)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
        SingleWriter = true,
    });

    private int _missed;

    public ChannelReader<CommittedBatch> Reader => _channel.Reader;

    public void Offer(CommittedBatch batch)
    {
        if (!_channel.Writer.TryWrite(batch))
        {
            Volatile.Write(ref _missed, 1);
        }
    }

    /// <summary>Whether batches were dropped since the last call (and clears the flag).</summary>
    public bool TakeMissed() => Interlocked.Exchange(ref _missed, 0) == 1;

    public void Complete() => _channel.Writer.TryComplete();
}
