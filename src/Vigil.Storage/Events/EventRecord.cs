using System.Text;
using Vigil.Events;

namespace Vigil.Storage.Events;

/// <summary>An event to store: its parsed fields, the record exactly as received, and when it was received.</summary>
/// <param name="Event">
/// The parsed event. Its <see cref="LogEvent.Timestamp"/> (or <paramref name="ReceivedAt"/> when it has none) is the
/// event time; <see cref="LogEvent.SourceType"/>, <see cref="LogEvent.Source"/> (the origin: listener, peer or file)
/// and <see cref="LogEvent.Record"/> are stored with it.
/// </param>
/// <param name="Raw">
/// The record as received (evidence), as its bytes (UTF-8 for text); stored byte-for-byte. The memory must not change
/// until the event is stored: listeners give a slice of one array per network read, never their receive buffer.
/// </param>
/// <param name="ReceivedAt">When Vigil received it (wall clock).</param>
public sealed record EventRecord(LogEvent Event, ReadOnlyMemory<byte> Raw, DateTimeOffset ReceivedAt)
{
    /// <summary>An event whose raw record is text: stored as UTF-8 (a lone surrogate becomes U+FFFD).</summary>
    /// <param name="event">The parsed event.</param>
    /// <param name="raw">The record as received.</param>
    /// <param name="receivedAt">When Vigil received it.</param>
    public EventRecord(LogEvent @event, string raw, DateTimeOffset receivedAt)
        : this(@event, Encoding.UTF8.GetBytes(raw), receivedAt)
    {
    }

    /// <summary>
    /// The event time as stored in <c>events.ts</c>: the record's own, else when it was received. One definition, because
    /// <c>event_blocks</c> must bound exactly the times the rows hold.
    /// </summary>
    internal DateTimeOffset EventTime => Event.Timestamp ?? ReceivedAt;

    /// <summary>The raw record as text, invalid UTF-8 as U+FFFD (as reading it back from the store gives it).</summary>
    public string RawText() => Encoding.UTF8.GetString(Raw.Span);
}
