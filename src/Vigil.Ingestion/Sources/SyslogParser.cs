using System.Buffers;
using System.Text.Unicode;
using Vigil.Events;

namespace Vigil.Ingestion.Sources;

/// <summary>Parses one syslog message (RFC 5424 or RFC 3164, with or without PRI) into an event. Pure: no I/O.</summary>
/// <remarks>
/// <para>
/// Fields: <c>syslog.priority</c> (0–191), <c>syslog.facility</c> (<c>kern</c>, <c>mail</c>, <c>auth</c>,
/// <c>local0</c>…), <c>syslog.severity</c> (<c>emerg</c>…<c>debug</c>), <c>syslog.version</c> (5424),
/// <c>syslog.hostname</c>, <c>syslog.appname</c> (the 3164 tag), <c>syslog.procid</c> (the 3164 <c>[pid]</c>),
/// <c>syslog.msgid</c>, <c>syslog.sd.&lt;SD-ID&gt;.&lt;PARAM-NAME&gt;</c>, and the MSG part (after a BOM) in both
/// <c>message</c> and <c>syslog.message</c> (files read by <see cref="LogFiles"/> keep the whole line in
/// <c>message</c>, as plain text always had it; <c>syslog.message</c> is the MSG part in both); absent or NIL parts add
/// no field. Postfix and Dovecot messages get their own fields too (see docs/sources.md) and
/// <see cref="LogEvent.SourceType"/> <c>postfix</c> or <c>dovecot</c>; others <c>syslog</c>.
/// </para>
/// <para>
/// Times: a 5424 TIMESTAMP as written (converted to UTC); a 3164 <c>MMM dd HH:mm:ss</c> takes the year and the UTC
/// offset of the receipt time, moved back a year when that would put it more than a day after receipt; an RFC 3339
/// time in place of the 3164 one (rsyslog's file format) is read as such. A message without a time gets the receipt
/// time. <see cref="LogEvent.Source"/> and <see cref="LogEvent.Record"/> are left to the caller.
/// </para>
/// <para>
/// Failures (never thrown): invalid UTF-8, an empty message, a bad PRI, a 5424 header or structured data that breaks
/// the grammar, and a line with neither PRI nor a time (not syslog). Thread-safe.
/// </para>
/// </remarks>
public static class SyslogParser
{
    [ThreadStatic]
    private static LogEvent? _scratch;

    /// <summary>Parses <paramref name="message"/>, one syslog message without its framing.</summary>
    /// <param name="message">The message bytes (UTF-8); trailing CR, LF and NUL bytes are ignored.</param>
    /// <param name="receivedAt">When the message was received, for 3164 times without a year or zone.</param>
    /// <returns>The event or the reason it could not be parsed.</returns>
    public static SyslogParseResult Parse(ReadOnlySpan<byte> message, DateTimeOffset receivedAt)
    {
        message = message.TrimEnd("\r\n\0"u8);
        if (message.IsEmpty)
        {
            return SyslogParseResult.Failed("the message is empty");
        }

        // Decoded into a pooled buffer, checking validity on the way: the text is only read (the fields are strings of
        // their own), so a string of the whole message would be garbage.
        var text = ArrayPool<char>.Shared.Rent(message.Length);
        try
        {
            return Utf8.ToUtf16(message, text, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done
                ? Parse(text.AsSpan(0, written), receivedAt)
                : SyslogParseResult.Failed("invalid-utf8", "the message is not valid UTF-8");
        }
        finally
        {
            ArrayPool<char>.Shared.Return(text);
        }
    }

    /// <summary>Parses <paramref name="message"/>, one syslog message as text; see the byte overload.</summary>
    /// <param name="message">The message text; trailing CR, LF and NUL characters are ignored.</param>
    /// <param name="receivedAt">When the message was received, for 3164 times without a year or zone.</param>
    /// <returns>The event or the reason it could not be parsed.</returns>
    public static SyslogParseResult Parse(ReadOnlySpan<char> message, DateTimeOffset receivedAt)
    {
        message = message.TrimEnd("\r\n\0");
        if (message.IsEmpty)
        {
            return SyslogParseResult.Failed("the message is empty");
        }

        // Built in this thread's scratch event and handed on compact (LogEvent.TakeCompact): a fresh event's sixteen
        // slots were half empty for a syslog line and too few for a Postfix login, and the names repeat line to line.
        var scratch = _scratch ??= new LogEvent(64);
        scratch.Clear();
        var result = Parse(message, receivedAt, scratch);
        if (result.Success)
        {
            return SyslogParseResult.Parsed(scratch.TakeCompact());
        }

        scratch.Clear();
        return result;
    }

    /// <summary>Sets the source type and, for Postfix and Dovecot, adds their fields.</summary>
    internal static SyslogParseResult Finish(LogEvent logEvent, ReadOnlySpan<char> appName, string message)
    {
        logEvent.Add(SyslogFields.Message, message);
        logEvent.Add(SyslogFields.SyslogMessage, message);
        logEvent.SourceType = MailLogFields.Add(logEvent, appName, message);
        return SyslogParseResult.Parsed(logEvent);
    }

    private static SyslogParseResult Parse(ReadOnlySpan<char> message, DateTimeOffset receivedAt, LogEvent logEvent)
    {
        if (message[0] != '<')
        {
            return Rfc3164Parser.Parse(message, receivedAt, logEvent, hasPriority: false);
        }

        var close = message[..Math.Min(message.Length, 5)].IndexOf('>');
        if (close < 2 || !int.TryParse(message[1..close], System.Globalization.NumberStyles.None, null, out var priority)
            || (message[1] == '0' && close > 2))
        {
            return SyslogParseResult.Failed("the PRI is not 1 to 3 digits (no leading zero) between < and >");
        }

        if (priority > 191)
        {
            return SyslogParseResult.Failed("the PRI value is over 191");
        }

        SyslogFields.AddPriority(logEvent, priority);
        var rest = message[(close + 1)..];
        return rest.Length >= 2 && rest[0] == '1' && rest[1] == ' '
            ? Rfc5424Parser.Parse(rest[2..], receivedAt, logEvent)
            : Rfc3164Parser.Parse(rest, receivedAt, logEvent, hasPriority: true);
    }
}
