namespace Vigil.Monitoring.Delivery;

/// <summary>Thread-safe counters of one channel.</summary>
internal sealed class ChannelCounters
{
    private long _sent;
    private long _failed;
    private long _givenUp;

    public void Sent() => Interlocked.Increment(ref _sent);

    public void Failed() => Interlocked.Increment(ref _failed);

    public void GivenUp() => Interlocked.Increment(ref _givenUp);

    public ChannelDeliveryCounts Snapshot() =>
        new(Interlocked.Read(ref _sent), Interlocked.Read(ref _failed), Interlocked.Read(ref _givenUp));
}
