using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;
using System.Text.Unicode;
using Vigil.Diagnostics;
using Vigil.Events;
using Vigil.Ingestion.Csv;
using Vigil.Ingestion.Files;
using Vigil.Ingestion.Timestamps;

namespace Vigil.Ingestion.Sources;

/// <summary>
/// Reads W3C-style logs: IIS W3C extended (space-separated) and Exchange logs (message tracking, HttpProxy: CSV rows),
/// honouring <c>#Fields:</c> directives wherever they appear.
/// </summary>
/// <remarks>
/// Fields are named as <c>#Fields</c> says. Without one, IIS rows are named by a known layout for their field count
/// (15, 16 or 18 fields) and Exchange rows by the 30 message tracking fields. IIS <c>-</c> is an empty value; IIS rows
/// also get <c>cs-user-agent</c> (<c>cs(User-Agent)</c> with <c>+</c> as space) and <c>c-uri</c> (stem, and
/// <c>?query</c> when there is one). <c>#Log-type: HttpProxy Logs</c> makes Exchange rows <c>exchange.httpproxy</c>.
/// Times: IIS <c>date</c> + <c>time</c> (UTC); Exchange <c>date-time</c> or <c>DateTime</c>. A row whose field count
/// does not match is reported (<c>invalid-record</c>) and skipped.
/// </remarks>
internal sealed class W3cReader(InputBuffer input, string source, IProblemSink problems, string sourceType) : IEventReader
{
    private static readonly int UserAgentId = FieldNames.Intern("cs-user-agent");
    private static readonly int UriId = FieldNames.Intern("c-uri");

    private readonly InputLines _lines = new(input, source, problems);
    private readonly CsvRecord _cells = new();
    private readonly bool _isIis = sourceType == SourceTypes.Iis;
    private readonly List<string> _values = [];
    private string _sourceType = sourceType;
    private string[]? _fields;
    private bool _declared;
    private int[]? _ids;

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

            if (line[0] == '#')
            {
                Directive(Encoding.UTF8.GetString(line));
                continue;
            }

            logEvent = ToEvent(line);
            if (logEvent is not null)
            {
                return true;
            }
        }

        logEvent = null;
        return false;
    }

    private void Directive(string line)
    {
        if (line.StartsWith("#Fields:", StringComparison.Ordinal))
        {
            var names = line[8..].Trim();
            _declared = true;
            SetFields(_isIis ? names.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [.. names.Split(',').Select(n => n.Trim())]);
        }
        else if (!_isIis && line.StartsWith("#Log-type:", StringComparison.Ordinal))
        {
            _sourceType = line.Contains("HttpProxy", StringComparison.OrdinalIgnoreCase) ? SourceTypes.ExchangeHttpProxy
                : line.Contains("Message Tracking", StringComparison.OrdinalIgnoreCase) ? SourceTypes.ExchangeTracking
                : _sourceType;
        }
    }

    private void SetFields(string[]? names)
    {
        _fields = names;
        _ids = names is null ? null : [.. names.Select(FieldNames.Intern)];
    }

    private LogEvent? ToEvent(ReadOnlySpan<byte> line)
    {
        _values.Clear();
        if (_isIis)
        {
            foreach (var range in line.Split((byte)' '))
            {
                var value = line[range];
                _values.Add(value is [(byte)'-'] ? "" : Encoding.UTF8.GetString(value));
            }

            if (!_declared)
            {
                // No #Fields yet: each row is named by the known layout for its field count, if any.
                var layout = _values.Count == 16 ? W3cLayouts.IisSixteen(!LooksLikeAddress(_values[2])) : W3cLayouts.Iis(_values.Count);
                if (!ReferenceEquals(layout, _fields))
                {
                    SetFields(layout);
                }
            }
        }
        else
        {
            if (!_cells.TrySplit(line, out var error))
            {
                _lines.Report(ProblemKinds.InvalidCsv, error + "; the row was skipped");
                return null;
            }

            for (var i = 0; i < _cells.Count; i++)
            {
                _values.Add(_cells.Text(line, i));
            }

            if (!_declared && _ids is null && _values.Count == W3cLayouts.ExchangeTracking.Length)
            {
                SetFields(W3cLayouts.ExchangeTracking);
            }
        }

        if (_ids is null || _ids.Length != _values.Count)
        {
            _lines.Report(ProblemKinds.InvalidRecord, _ids is null
                ? $"the row has {_values.Count} fields, no #Fields line names them and no known layout has that many; it was skipped"
                : $"the row has {_values.Count} fields where #Fields names {_ids.Length}; it was skipped");
            return null;
        }

        var logEvent = new LogEvent(_ids.Length + 2) { Source = source, Record = _lines.Number, SourceType = _sourceType };
        for (var i = 0; i < _ids.Length; i++)
        {
            logEvent.Add(_ids[i], _values[i]);
        }

        if (_isIis)
        {
            AddIisExtras(logEvent);
        }
        else if ((logEvent.Get("date-time") ?? logEvent.Get("DateTime")) is { } time && EventTime.TryParseIso(time, out var parsed))
        {
            logEvent.Timestamp = parsed.ToUniversalTime();
        }

        return logEvent;
    }

    private static void AddIisExtras(LogEvent logEvent)
    {
        if (logEvent.Get("date") is { } date && logEvent.Get("time") is { } time && EventTime.TryParseIso($"{date}T{time}", out var parsed))
        {
            logEvent.Timestamp = parsed;
        }

        if (logEvent.Get("cs(User-Agent)") is { } agent)
        {
            logEvent.Add(UserAgentId, agent.Replace('+', ' '));
        }

        if (logEvent.Get("cs-uri-stem") is { } stem)
        {
            var query = logEvent.Get("cs-uri-query");
            logEvent.Add(UriId, string.IsNullOrEmpty(query) ? stem : stem + "?" + query);
        }
    }

    private static bool LooksLikeAddress(string text)
    {
        var percent = text.IndexOf('%', StringComparison.Ordinal);
        return IPAddress.TryParse(percent < 0 ? text : text[..percent], out _);
    }
}
