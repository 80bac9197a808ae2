using Vigil.Events;

namespace Vigil.Storage.Events;

/// <summary>An event as the store holds it.</summary>
/// <param name="Id">The store's id: increasing in commit order, never reused.</param>
/// <param name="Timestamp">Event time (UTC).</param>
/// <param name="ReceivedAt">Receipt time (UTC).</param>
/// <param name="SourceType">The kind of log (see <c>LogEvent.SourceType</c>).</param>
/// <param name="Origin">Where it came from (listener and peer, or file).</param>
/// <param name="Record">Line or record number within the origin, or 0.</param>
/// <param name="Fields">The parsed fields in their original order (names may repeat).</param>
/// <param name="Raw">The record as received.</param>
public sealed record StoredEvent(
    long Id,
    DateTimeOffset Timestamp,
    DateTimeOffset ReceivedAt,
    string SourceType,
    string Origin,
    long Record,
    IReadOnlyList<KeyValuePair<string, string?>> Fields,
    string Raw)
{
    /// <summary>The event as the detection engine takes it (the same fields, in order, with time, origin and record).</summary>
    public LogEvent ToLogEvent()
    {
        var e = new LogEvent(Fields.Count)
        {
            Timestamp = Timestamp,
            Source = Origin,
            SourceType = SourceType,
            Record = Record,
        };
        foreach (var (name, value) in Fields)
        {
            e.Add(name, value);
        }

        return e;
    }
}
