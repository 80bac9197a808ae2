using Vigil.Events;

namespace Vigil.Storage.Events;

/// <summary>An event to store: its parsed fields, the record exactly as received, and when it was received.</summary>
/// <param name="Event">
/// The parsed event. Its <see cref="LogEvent.Timestamp"/> (or <paramref name="ReceivedAt"/> when it has none) is the
/// event time; <see cref="LogEvent.SourceType"/>, <see cref="LogEvent.Source"/> (the origin: listener, peer or file)
/// and <see cref="LogEvent.Record"/> are stored with it.
/// </param>
/// <param name="Raw">The record as received (evidence); kept byte-for-byte as UTF-8 text.</param>
/// <param name="ReceivedAt">When Vigil received it (wall clock).</param>
public sealed record EventRecord(LogEvent Event, string Raw, DateTimeOffset ReceivedAt);
