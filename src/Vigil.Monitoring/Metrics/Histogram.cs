namespace Vigil.Monitoring;

/// <summary>A Prometheus histogram of durations in seconds with fixed buckets; thread-safe.</summary>
internal sealed class Histogram(params double[] bounds)
{
    private readonly long[] _counts = new long[bounds.Length + 1];
    private long _sumMicros;

    public double[] Bounds => bounds;

    public void Observe(TimeSpan value)
    {
        var seconds = value.TotalSeconds;
        var i = 0;
        while (i < bounds.Length && seconds > bounds[i])
        {
            i++;
        }

        Interlocked.Increment(ref _counts[i]);
        Interlocked.Add(ref _sumMicros, (long)(value.Ticks / 10));
    }

    /// <summary>Cumulative counts per bucket (the last is +Inf), and the sum in seconds.</summary>
    public (long[] Cumulative, double Sum) Snapshot()
    {
        var cumulative = new long[_counts.Length];
        long running = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            running += Volatile.Read(ref _counts[i]);
            cumulative[i] = running;
        }

        return (cumulative, Volatile.Read(ref _sumMicros) / 1e6);
    }
}
