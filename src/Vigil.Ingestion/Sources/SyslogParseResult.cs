using System.Diagnostics.CodeAnalysis;
using Vigil.Events;

namespace Vigil.Ingestion.Sources;

/// <summary>The outcome of <see cref="SyslogParser"/>: an event, or the kind and reason it could not be parsed.</summary>
/// <remarks>
/// The reason never quotes the message: it may hold patient data. A value, not an object: the listeners parse tens of
/// thousands of messages a second, and one result object each was garbage nobody kept.
/// </remarks>
public readonly struct SyslogParseResult
{
    private readonly string? _kind;
    private readonly string? _reason;

    private SyslogParseResult(LogEvent? logEvent, string kind, string reason)
    {
        Event = logEvent;
        _kind = kind;
        _reason = reason;
    }

    /// <summary>The parsed event, or null when parsing failed.</summary>
    public LogEvent? Event { get; }

    /// <summary>Whether the message parsed; <see cref="Event"/> is then set.</summary>
    [MemberNotNullWhen(true, nameof(Event))]
    public bool Success => Event is not null;

    /// <summary>Empty on success, else a stable problem kind: <c>invalid-syslog</c> or <c>invalid-utf8</c>.</summary>
    public string Kind => _kind ?? "";

    /// <summary>Empty on success, else one sentence saying what is wrong (never the content).</summary>
    public string Reason => _reason ?? "";

    internal static SyslogParseResult Parsed(LogEvent logEvent) => new(logEvent, "", "");

    internal static SyslogParseResult Failed(string reason) => new(null, SyslogFields.InvalidSyslog, reason);

    internal static SyslogParseResult Failed(string kind, string reason) => new(null, kind, reason);
}
