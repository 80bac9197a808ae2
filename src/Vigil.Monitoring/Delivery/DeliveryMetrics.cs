namespace Vigil.Monitoring.Delivery;

/// <summary>The dispatcher's counters as <c>/metrics</c> figures.</summary>
public sealed class DeliveryMetrics(NotificationDispatcher dispatcher) : IMetricsSource
{
    /// <inheritdoc/>
    public IEnumerable<(string Name, string Help, double Value)> Gauges()
    {
        foreach (var (channel, counts) in dispatcher.Snapshot().Channels.OrderBy(static c => c.Key, StringComparer.Ordinal))
        {
            var label = channel.Replace("\"", "", StringComparison.Ordinal);
            yield return ($"vigil_notifications_sent_total{{channel=\"{label}\"}}", "Alert notifications delivered.", counts.Sent);
            yield return ($"vigil_notifications_failed_total{{channel=\"{label}\"}}", "Failed delivery attempts.", counts.Failed);
            yield return ($"vigil_notifications_given_up_total{{channel=\"{label}\"}}", "Notifications abandoned after their retries.", counts.GivenUp);
        }
    }
}
