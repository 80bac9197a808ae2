using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;
using Vigil.Diagnostics;
using Vigil.Events;
using Vigil.Ingestion.Files;

namespace Vigil.Ingestion.Text;

/// <summary>Reads plain text logs (syslog, application logs): one event per non-blank line.</summary>
/// <remarks>
/// Each event has the single field <see cref="MessageField"/>: the line as UTF-8 text without its line ending (LF or
/// CRLF), leading and trailing spaces kept. <see cref="LogEvent.Record"/> is the line number and
/// <see cref="LogEvent.Timestamp"/> is null (the formats of times in text logs are too many to guess). Blank lines are
/// skipped; a line with invalid UTF-8 is reported as <c>invalid-utf8</c> and skipped; an over-long line is reported
/// and dropped as it streams past (see <see cref="InputLines"/>).
/// </remarks>
internal sealed class TextLinesReader(InputBuffer input, string source, IProblemSink problems) : IEventReader
{
    /// <summary>The name of the field that holds a line's text.</summary>
    public const string MessageField = "message";

    private static readonly int MessageId = FieldNames.Intern(MessageField);

    private readonly InputLines _lines = new(input, source, problems);

    public bool TryRead([NotNullWhen(true)] out LogEvent? logEvent)
    {
        while (_lines.MoveNext())
        {
            var line = _lines.Current;
            if (line[^1] == '\r')
            {
                line = line[..^1];
            }

            if (!Utf8.IsValid(line))
            {
                _lines.Report(ProblemKinds.InvalidUtf8, "the line is not valid UTF-8; it was skipped");
                continue;
            }

            logEvent = new LogEvent(1) { Source = source, Record = _lines.Number };
            logEvent.Add(MessageId, Encoding.UTF8.GetString(line));
            return true;
        }

        logEvent = null;
        return false;
    }
}
