namespace Vigil.Monitoring.Delivery;

/// <summary>Delivery counters for <c>/metrics</c>, by channel name.</summary>
/// <param name="Channels">Counts of each configured channel, plus <c>(unknown)</c> for notifications naming no configured channel.</param>
public sealed record DeliverySnapshot(IReadOnlyDictionary<string, ChannelDeliveryCounts> Channels);
