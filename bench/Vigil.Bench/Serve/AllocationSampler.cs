using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Vigil.Bench.Serve;

/// <summary>
/// The runtime's allocation samples (one event per ~100 KB allocated, naming the type of the object that crossed the
/// mark), summed by type: which types make up the bytes allocated, in proportion.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private const int AllocationTick = 10;

    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private volatile bool _on;

    /// <summary>Starts or stops summing (the listener stays attached).</summary>
    public bool On { get => _on; set => _on = value; }

    /// <summary>The sampled bytes by type, largest first, and their total.</summary>
    public (IReadOnlyList<KeyValuePair<string, long>> Types, long Total) Take()
    {
        var types = _bytes.OrderByDescending(static p => p.Value).ToList();
        _bytes.Clear();
        return (types, types.Sum(static p => p.Value));
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_on || eventData.EventId != AllocationTick || eventData.PayloadNames is not { } names || eventData.Payload is not { } payload)
        {
            return;
        }

        var type = names.IndexOf("TypeName") is var t and >= 0 ? payload[t] as string ?? "?" : "?";
        var amount = names.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }
}
