using System.Text;
using System.Text.Unicode;
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
    public async ValueTask AcceptAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        if (Parse(message) is { } record)
        {
            await _monitoring.Queue.EnqueueUnacknowledgedAsync(record, message.Listener, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    /// <remarks>The events of one call go to the queue as one hand-over (several when there are more than it takes at once).</remarks>
    public async ValueTask AcceptManyAsync(IReadOnlyList<ReceivedMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var queue = _monitoring.Queue;
        var most = Math.Min(queue.Capacity, MaxHandOver);
        List<EventRecord>? records = null;
        for (var i = 0; i < messages.Count; i++)
        {
            if (Parse(messages[i]) is not { } record)
            {
                continue;
            }

            records ??= new List<EventRecord>(Math.Min(messages.Count - i, most));
            records.Add(record);
            if (records.Count == most)
            {
                await queue.EnqueueUnacknowledgedAsync(records, messages[i].Listener, cancellationToken).ConfigureAwait(false);
                records = null;
            }
        }

        if (records is not null)
        {
            await queue.EnqueueUnacknowledgedAsync(records, messages[0].Listener, cancellationToken).ConfigureAwait(false);
        }
    }

    // The event to store, or null when the message was quarantined. Reads the payload only during the call.
    private EventRecord? Parse(in ReceivedMessage message)
    {
        var payload = message.Payload.Span;
        var origin = Origin(message.Listener, message.Peer);
        LogEvent? logEvent;
        string reason;
        string? raw = null;
        var start = payload.IndexOfAnyExcept(" \t"u8);
        if (start >= 0 && payload[start] == (byte)'{')
        {
            var records = JsonRecords.Parse(payload, origin, out var error);
            logEvent = records is { Count: 1 } ? SourceTypes.Shape(records[0].Event, _declaredType, SourceTypes.Json) : null;
            raw = records is { Count: 1 } ? records[0].Raw : null;
            reason = error ?? "more than one JSON object in one message";
        }
        else
        {
            // Decoded once: the same text is parsed and kept as the raw record. Invalid UTF-8 goes to the byte overload,
            // which reports it.
            raw = Utf8.IsValid(payload) ? Encoding.UTF8.GetString(payload) : null;
            var parsed = raw is null ? SyslogParser.Parse(payload, message.ReceivedAt) : SyslogParser.Parse(raw.AsSpan(), message.ReceivedAt);
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
        return new EventRecord(logEvent, raw ?? Encoding.UTF8.GetString(payload), message.ReceivedAt);
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
