namespace Vigil.Monitoring;

/// <summary>What the monitoring service counts, for <c>/metrics</c> and for tests.</summary>
/// <remarks>Thread-safe. Labels are listener names, reasons and rule ids: never event content.</remarks>
public sealed class MonitoringMetrics
{
    private static readonly double[] SecondsBuckets = [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    internal Counter ReceivedEvents { get; } = new();

    internal Counter CommittedEvents { get; } = new();

    internal Counter RejectedEvents { get; } = new();

    internal Counter DroppedEvents { get; } = new();

    internal Counter Detections { get; } = new();

    internal Counter Alerts { get; } = new();

    internal Histogram StoreWriteSeconds { get; } = new(SecondsBuckets);

    internal Histogram DetectionSeconds { get; } = new(SecondsBuckets);

    internal Histogram CommitToAlertSeconds { get; } = new(SecondsBuckets);

    internal Counter DetectedEventsTotal { get; } = new();

    internal Counter DetectionWaits { get; } = new();

    /// <summary>Events each analytic could not evaluate, by reason (absolute totals, copied by the detector).</summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<string, long> AnalyticsUnevaluated { get; } = new(StringComparer.Ordinal);

    /// <summary>Events handed over by <paramref name="listener"/>.</summary>
    public void Received(string listener, long count) => ReceivedEvents.Add(listener, count);

    /// <summary>Events of <paramref name="listener"/> committed to the store.</summary>
    public void Committed(string listener, long count) => CommittedEvents.Add(listener, count);

    /// <summary>Events or messages of <paramref name="listener"/> refused, and why (a short stable reason).</summary>
    public void Rejected(string listener, string reason, long count) => RejectedEvents.Add($"{listener}\u001f{reason}", count);

    /// <summary>Messages <paramref name="listener"/> had to drop (UDP under overload).</summary>
    public void Dropped(string listener, long count) => DroppedEvents.Add(listener, count);

    /// <summary>The committed count of <paramref name="listener"/>.</summary>
    public long CommittedCount(string listener) => CommittedEvents.Get(listener);

    internal void Detected(string ruleId) => Detections.Add(ruleId, 1);

    internal void AlertRaised(string ruleId, TimeSpan? sinceCommit)
    {
        Alerts.Add(ruleId, 1);
        if (sinceCommit is { } latency)
        {
            CommitToAlertSeconds.Observe(latency);
        }
    }

    internal void StoreWrite(TimeSpan elapsed) => StoreWriteSeconds.Observe(elapsed);

    /// <summary>The batch writer waited for the live detector to catch up before a batch.</summary>
    internal void WaitedForDetection() => DetectionWaits.Add("", 1);

    internal void Unevaluated(string analyticId, string reason, long total) => AnalyticsUnevaluated[$"{analyticId}\u001f{reason}"] = total;

    internal void Detection(TimeSpan elapsed, int events)
    {
        DetectionSeconds.Observe(elapsed);
        DetectedEventsTotal.Add("", events);
    }
}
