using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;
using Vigil.Diagnostics;
using Vigil.Events;
using Vigil.Ingestion.Files;

namespace Vigil.Ingestion.Sources;

/// <summary>Reads a syslog file (as rsyslog or syslog-ng write them): one message per line, parsed by <see cref="SyslogParser"/>.</summary>
/// <remarks>
/// Years and zones of <c>MMM dd HH:mm:ss</c> times come from <paramref name="receivedAt"/> (the file's last write
/// time, in UTC). <c>message</c> holds the whole line (as the plain-text reader gives it), <c>syslog.message</c> the
/// MSG part. A line that does not parse as syslog (a comment, a continuation) is kept as a plain event with only
/// <c>message</c> and no source type, as the text reader would give it; invalid UTF-8 is reported and skipped.
/// </remarks>
internal sealed class SyslogLinesReader(InputBuffer input, string source, IProblemSink problems, DateTimeOffset receivedAt) : IEventReader
{
    private readonly InputLines _lines = new(input, source, problems);

    public bool TryRead([NotNullWhen(true)] out LogEvent? logEvent)
    {
        while (_lines.MoveNext())
        {
            var line = _lines.Current.TrimEnd((byte)'\r');
            if (!Utf8.IsValid(line))
            {
                _lines.Report(ProblemKinds.InvalidUtf8, "the line is not valid UTF-8; it was skipped");
                continue;
            }

            var result = SyslogParser.Parse(line, receivedAt);
            logEvent = new LogEvent(result.Success ? result.Event.Count : 1);
            logEvent.Add(SyslogFields.Message, Encoding.UTF8.GetString(line));
            if (result.Success)
            {
                // The whole line stays in message, as the plain-text reader gives it; the MSG part is syslog.message.
                var parsed = result.Event;
                for (var i = 0; i < parsed.Count; i++)
                {
                    if (parsed.IdAt(i) != SyslogFields.Message)
                    {
                        logEvent.Add(parsed.IdAt(i), parsed.ValueAt(i));
                    }
                }

                logEvent.Timestamp = parsed.Timestamp;
                logEvent.SourceType = parsed.SourceType;
            }

            logEvent.Source = source;
            logEvent.Record = _lines.Number;
            return true;
        }

        logEvent = null;
        return false;
    }
}
