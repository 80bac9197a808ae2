using Vigil.Ingestion.Listeners;

namespace Vigil.Monitoring;

/// <summary>The listeners' own counters (messages accepted, dropped, rejected by reason, connections) for <c>/metrics</c>.</summary>
public sealed class ListenerMetrics(IReadOnlyList<Func<ListenerStatistics>> listeners) : IMetricsSource
{
    /// <inheritdoc/>
    public IEnumerable<(string Name, string Help, double Value)> Gauges()
    {
        foreach (var statistics in listeners.Select(static l => l()))
        {
            var label = $"listener=\"{statistics.Listener}\"";
            yield return ($"vigil_listener_messages_total{{{label}}}", "Messages a listener read and handed on.", statistics.Received);
            yield return ($"vigil_listener_dropped_total{{{label}}}", "Messages a listener dropped (UDP queue full).", statistics.Dropped);
            yield return ($"vigil_listener_pending{{{label}}}", "Messages waiting in a listener's own queue (UDP).", statistics.Pending);
            yield return ($"vigil_listener_connections{{{label}}}", "Open connections.", statistics.ActiveConnections);
            foreach (var (reason, count) in statistics.Rejected.OrderBy(static r => r.Key, StringComparer.Ordinal))
            {
                yield return ($"vigil_listener_rejected_total{{{label},reason=\"{reason}\"}}", "Frames a listener rejected, by reason.", count);
            }
        }
    }
}
