namespace Vigil.Storage.Quarantine;

/// <summary>Input that was rejected, kept so an operator can see why (and the raw bytes, for evidence).</summary>
/// <param name="Id">The store's id (0 before it is stored).</param>
/// <param name="Listener">Which listener or file reader rejected it.</param>
/// <param name="Origin">The peer or file and location.</param>
/// <param name="Reason">Why, in words that never quote the content.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="Raw">The bytes as received, truncated to 64 KiB.</param>
public sealed record QuarantinedItem(long Id, string Listener, string Origin, string Reason, DateTimeOffset ReceivedAt, byte[] Raw);
