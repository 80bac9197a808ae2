using System.Diagnostics.CodeAnalysis;
using System.Text.Unicode;
using Vigil.Diagnostics;
using Vigil.Events;
using Vigil.Ingestion.Files;
using Vigil.Ingestion.Timestamps;

namespace Vigil.Ingestion.Csv;

/// <summary>Reads CSV with a header row (RFC 4180) as events whose fields are named by the header.</summary>
/// <remarks>
/// Records end at a line break outside quotes (LF or CRLF). Empty cells are empty strings. A row with the wrong
/// number of cells, broken quoting or invalid UTF-8 is reported with the line it starts on and skipped; a record
/// longer than <see cref="MaxRecordBytes"/> is dropped as it streams past. Blank lines are skipped.
/// <see cref="LogEvent.Record"/> is the line the row starts on; the time comes from the usual time fields.
/// </remarks>
internal sealed class CsvReader(InputBuffer input, string source, IProblemSink problems) : IEventReader
{
    /// <summary>The longest record read, in bytes.</summary>
    public const int MaxRecordBytes = 1024 * 1024;

    private readonly CsvRecord _cells = new();
    private int[]? _columns;
    private long _line = 1;
    private long _recordLine;
    private int _scanned;
    private bool _inQuotes;
    private bool _skipping;

    public bool TryRead([NotNullWhen(true)] out LogEvent? logEvent)
    {
        while (NextRecord(out var length, out var advance))
        {
            var record = input.Data[..length];
            if (record.Length > 0 && record[^1] == '\r')
            {
                record = record[..^1];
            }

            logEvent = record.IsEmpty ? null : ToEvent(record);
            input.Advance(advance);
            if (logEvent is not null)
            {
                return true;
            }
        }

        logEvent = null;
        return false;
    }

    private LogEvent? ToEvent(ReadOnlySpan<byte> record)
    {
        if (!Utf8.IsValid(record))
        {
            Report(ProblemKinds.InvalidUtf8, "the row is not valid UTF-8; it was skipped");
            return null;
        }

        if (!_cells.TrySplit(record, out var error))
        {
            Report(ProblemKinds.InvalidCsv, error + "; the row was skipped");
            return null;
        }

        if (_columns is null)
        {
            // Windows PowerShell's Export-Csv writes a type line before the header.
            if (record.StartsWith("#TYPE "u8))
            {
                return null;
            }

            _columns = new int[_cells.Count];
            for (var i = 0; i < _columns.Length; i++)
            {
                var name = _cells.Text(record, i);
                _columns[i] = FieldNames.Intern(name.Length == 0 ? $"column{i + 1}" : name);
            }

            return null;
        }

        if (_cells.Count != _columns.Length)
        {
            Report(ProblemKinds.InvalidCsv, $"the row has {_cells.Count} cells where the header has {_columns.Length}; it was skipped");
            return null;
        }

        var logEvent = new LogEvent(_columns.Length);
        for (var i = 0; i < _columns.Length; i++)
        {
            logEvent.Add(_columns[i], _cells.Text(record, i));
        }

        logEvent.Source = source;
        logEvent.Record = _recordLine;
        logEvent.Timestamp = EventTime.Find(logEvent);
        return logEvent;
    }

    // Finds the extent of the next record at the front of the input (length without the line break, advance with it).
    private bool NextRecord(out int length, out int advance)
    {
        while (true)
        {
            var data = input.Data;
            if (_scanned == 0)
            {
                _recordLine = _line;
            }

            var end = Scan(data);
            if (end >= 0)
            {
                _line += 1 + data[..end].Count((byte)'\n');
                _scanned = 0;
                if (_skipping)
                {
                    _skipping = false;
                    input.Advance(end + 1);
                    continue;
                }

                length = end;
                advance = end + 1;
                return true;
            }

            if (!_skipping && data.Length > MaxRecordBytes)
            {
                Report(ProblemKinds.LineTooLong, $"the row is longer than {MaxRecordBytes / 1024} KiB; it was skipped");
                _skipping = true;
            }

            if (_skipping)
            {
                // Keep the quote state but not the bytes; the scan restarts at the front.
                _line += data[.._scanned].Count((byte)'\n');
                input.Advance(_scanned);
                _scanned = 0;
            }

            if (!input.Fill())
            {
                return AtEnd(out length, out advance);
            }
        }
    }

    private bool AtEnd(out int length, out int advance)
    {
        length = advance = input.Length;
        if (input.FailureKind is { } kind)
        {
            Report(kind, input.FailureReason);
            return false;
        }

        if (_skipping || input.Length == 0)
        {
            return false;
        }

        if (_inQuotes)
        {
            Report(ProblemKinds.InvalidCsv, "the file ends inside a quoted cell; the row was skipped");
            return false;
        }

        // The last record may lack its line break.
        _scanned = 0;
        return true;
    }

    // Scans on from _scanned for the line break that ends the record; -1 (with _scanned updated) when not in sight.
    private int Scan(ReadOnlySpan<byte> data)
    {
        var i = _scanned;
        while (i < data.Length)
        {
            if (_inQuotes)
            {
                var quote = data[i..].IndexOf((byte)'"');
                if (quote < 0)
                {
                    i = data.Length;
                    break;
                }

                i += quote;
                if (i + 1 == data.Length && !input.Ended)
                {
                    // A closing quote or the first of a doubled one: the next byte decides.
                    break;
                }

                if (i + 1 < data.Length && data[i + 1] == '"')
                {
                    i += 2;
                    continue;
                }

                _inQuotes = false;
                i++;
                continue;
            }

            var stop = data[i..].IndexOfAny((byte)'"', (byte)'\n');
            if (stop < 0)
            {
                i = data.Length;
                break;
            }

            i += stop;
            if (data[i] == '\n')
            {
                _scanned = 0;
                return i;
            }

            // Only a quote that starts a cell opens a quoted cell.
            _inQuotes = i == 0 || data[i - 1] == ',';
            i++;
        }

        _scanned = i;
        return -1;
    }

    private void Report(string kind, string reason) =>
        problems.Report(new InputProblem(source, $"line {_recordLine}", kind, reason));
}
