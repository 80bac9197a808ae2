using Vigil.Events;
using Vigil.Ingestion.Json;
using Vigil.Ingestion.Listeners;
using Vigil.Ingestion.Sources;
using Vigil.Storage.Events;

namespace Vigil.Monitoring.Ingest;

/// <summary>
/// The sink behind the syslog listeners and the file tailer: parses each message into an event and hands it to the
/// ingest queue, waiting for room (so TCP senders and file reading slow down rather than lose anything).
/// </summary>
/// <remarks>
/// A message that starts with <c>{</c> is a JSON event (an agent forwarding JSON lines); anything else is syslog (RFC
/// 5424, RFC 3164, or a syslog file's line without PRI). A message that parses as neither is quarantined with the
/// reason and counted as rejected; the listener goes on. Thread-safe: listeners call it from several connections.
/// </remarks>
public sealed class MessageIngest : IMessageSink
{
    // Events per queue hand-over at most: a read of a 64 KiB buffer holds some 500 syslog messages.
    private const int MaxHandOver = 1024;

    private readonly MonitoringService _monitoring;
    private readonly string? _declaredType;
    private OriginName? _origin;

    /// <summary>Creates the sink for one listener or tailer.</summary>
    /// <param name="monitoring">The pipeline.</param>
    /// <param name="declaredType">The source type the configuration declares for these messages, or null to recognise it.</param>
    public MessageIngest(MonitoringService monitoring, string? declaredType = null)
    {
        ArgumentNullException.ThrowIfNull(monitoring);
        _monitoring = monitoring;
        _declaredType = string.IsNullOrEmpty(declaredType) ? null : declaredType;
    }

    /// <inheritdoc/>
    /// <remarks>The payload is kept as the event's raw record, without a copy: it belongs to the sink.</remarks>
    public ValueTask AcceptAsync(ReceivedMessage message, CancellationToken cancellationToken) =>
        Parse(message, message.Payload) is { } record
            ? _monitoring.Queue.EnqueueUnacknowledgedAsync(record, message.Listener, cancellationToken)
            : default;

    /// <inheritdoc/>
    /// <remarks>
    /// The payloads are copied into a few arrays as they are parsed (<see cref="PayloadBlocks"/>), which the events' raw
    /// records are slices of (about one object per 64 KiB read, not one per message). The events of one call go to the
    /// queue as one hand-over (several when there are more than it takes at once); while the queue has room, nothing
    /// waits and nothing is allocated for waiting.
    /// </remarks>
    public ValueTask AcceptManyAsync(IReadOnlyList<ReceivedMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var blocks = default(PayloadBlocks);
        var next = 0;
        while (next < messages.Count)
        {
            var handedOver = HandOverNext(messages, ref blocks, ref next, cancellationToken);
            if (!handedOver.IsCompletedSuccessfully)
            {
                return AwaitThenHandOverAsync(handedOver, messages, blocks, next, cancellationToken);
            }

            handedOver.GetAwaiter().GetResult();
        }

        return default;
    }

    private async ValueTask AwaitThenHandOverAsync(
        ValueTask handedOver, IReadOnlyList<ReceivedMessage> messages, PayloadBlocks blocks, int next, CancellationToken cancellationToken)
    {
        await handedOver.ConfigureAwait(false);
        while (next < messages.Count)
        {
            await HandOverNext(messages, ref blocks, ref next, cancellationToken).ConfigureAwait(false);
        }
    }

    // Parses messages from `next` on until a hand-over is full or the messages end, and hands them over. The payloads
    // stay valid until the call's task completes, so each is copied only as its message is parsed.
    private ValueTask HandOverNext(IReadOnlyList<ReceivedMessage> messages, ref PayloadBlocks blocks, ref int next, CancellationToken cancellationToken)
    {
        var queue = _monitoring.Queue;
        var most = Math.Min(queue.Capacity, MaxHandOver);
        List<EventRecord>? records = null;
        while (next < messages.Count && (records is null || records.Count < most))
        {
            var raw = blocks.Keep(messages, next);
            var message = messages[next++];
            if (Parse(message, raw) is { } record)
            {
                records ??= new List<EventRecord>(Math.Min(messages.Count - next + 1, most));
                records.Add(record);
            }
        }

        return records is null ? default : queue.EnqueueUnacknowledgedAsync(records, messages[0].Listener, cancellationToken);
    }

    // The event to store, or null when the message was quarantined. The event's raw record is `raw` (the payload's
    // bytes, kept), or for a JSON message the slice of it holding the object.
    private EventRecord? Parse(in ReceivedMessage message, ReadOnlyMemory<byte> raw)
    {
        var payload = raw.Span;
        var origin = Origin(message.Listener, message.Peer);
        LogEvent? logEvent;
        string reason;
        var start = payload.IndexOfAnyExcept(" \t"u8);
        if (start >= 0 && payload[start] == (byte)'{')
        {
            var records = JsonRecords.Parse(raw, origin, out var error);
            logEvent = records is { Count: 1 } ? SourceTypes.Shape(records[0].Event, _declaredType, SourceTypes.Json) : null;
            raw = records is { Count: 1 } ? records[0].Raw : raw;
            reason = error ?? "more than one JSON object in one message";
        }
        else
        {
            var parsed = SyslogParser.Parse(payload, message.ReceivedAt);
            logEvent = parsed.Event;
            reason = parsed.Reason;
            if (logEvent is not null && _declaredType is not null)
            {
                logEvent.SourceType = _declaredType;
            }
        }

        if (logEvent is null)
        {
            _monitoring.Metrics.Rejected(message.Listener, "unparsable", 1);
            _monitoring.Quarantine.Add(message.Listener, origin, reason, message.ReceivedAt, payload);
            return null;
        }

        logEvent.Source = origin;
        return new EventRecord(logEvent, raw, message.ReceivedAt);
    }

    // A connection's messages share one origin string instead of one each (thread-safe: the holder is immutable).
    private string Origin(string listener, string peer)
    {
        var last = Volatile.Read(ref _origin);
        if (last is not null && string.Equals(last.Peer, peer, StringComparison.Ordinal) && string.Equals(last.Listener, listener, StringComparison.Ordinal))
        {
            return last.Origin;
        }

        var origin = new OriginName(listener, peer, $"{listener}:{peer}");
        Volatile.Write(ref _origin, origin);
        return origin.Origin;
    }

    private sealed record OriginName(string Listener, string Peer, string Origin);
}
