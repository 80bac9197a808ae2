namespace Vigil.Ingestion.Listeners;

/// <summary>A point-in-time copy of one listener's counters, for <c>/metrics</c>.</summary>
/// <param name="Listener">The listener's name.</param>
/// <param name="Received">Messages the sink accepted (its <see cref="IMessageSink.AcceptAsync"/> or <see cref="IMessageSink.AcceptManyAsync"/> completed).</param>
/// <param name="Dropped">
/// Good messages lost by the listener: the UDP queue was full, or the sink threw. TCP and files never drop for lack
/// of room; they slow down instead.
/// </param>
/// <param name="Pending">Messages received and queued but not yet accepted by the sink (UDP queue depth; 0 elsewhere).</param>
/// <param name="ActiveConnections">Open TCP connections (0 for UDP and files).</param>
/// <param name="Rejected">Bad input skipped, by reason (see <see cref="RejectReasons"/>); reasons never seen are absent.</param>
/// <remarks>Counters only grow during a listener's life; the copy is taken without stopping the listener.</remarks>
public sealed record ListenerStatistics(
    string Listener,
    long Received,
    long Dropped,
    long Pending,
    int ActiveConnections,
    IReadOnlyDictionary<string, long> Rejected);
