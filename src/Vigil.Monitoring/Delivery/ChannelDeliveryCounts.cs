namespace Vigil.Monitoring.Delivery;

/// <summary>What one channel has done since start-up.</summary>
/// <param name="Sent">Notifications delivered.</param>
/// <param name="Failed">Failed attempts (each retry counts).</param>
/// <param name="GivenUp">Notifications given up.</param>
public sealed record ChannelDeliveryCounts(long Sent, long Failed, long GivenUp);
