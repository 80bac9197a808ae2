using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Vigil.Diagnostics;
using Vigil.Events;
using Vigil.Ingestion.Files;

namespace Vigil.Ingestion.Json;

/// <summary>Reads NDJSON: one JSON object per line, each line parsed and recovered on its own.</summary>
/// <remarks>
/// A line that is invalid JSON, holds invalid UTF-8 (found as its text is decoded, so a line is scanned once) or is
/// longer than <see cref="MaxLineBytes"/> is reported with its line number and skipped; an over-long line is dropped
/// as it streams past, never held whole. Blank lines are skipped. A line may hold several objects (or an array of
/// them); the objects read before an error in the line are kept. <see cref="LogEvent.Record"/> is the line number.
/// </remarks>
internal sealed class JsonLinesReader(InputBuffer input, string source, IProblemSink problems) : IEventReader
{
    /// <summary>The longest line read, in bytes (without its line break).</summary>
    public const int MaxLineBytes = 1024 * 1024;

    private static readonly JsonReaderOptions Options = new() { AllowMultipleValues = true };

    private readonly JsonEventBuilder _builder = new();
    private long _line;
    private int _lineLength = -1;
    private int _lineAdvance;
    private int _lineConsumed;
    private JsonReaderState _state;
    private int _scanned;
    private bool _skipping;

    public bool TryRead([NotNullWhen(true)] out LogEvent? logEvent)
    {
        while (_lineLength >= 0 || NextLine())
        {
            var reader = new Utf8JsonReader(input.Data[_lineConsumed.._lineLength], isFinalBlock: true, _state);
            BuildStep step;
            try
            {
                step = _builder.Step(ref reader);
            }
            catch (JsonException e)
            {
                Report(ProblemKinds.InvalidJson, JsonProblemText.Describe(e));
                _builder.Reset();
                EndLine();
                continue;
            }

            _lineConsumed += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            switch (step)
            {
                case BuildStep.Completed:
                    if (input.Data[_lineConsumed.._lineLength].IndexOfAnyExcept(" \t\r"u8) < 0)
                    {
                        EndLine();
                    }

                    logEvent = _builder.TakeEvent();
                    logEvent.Source = source;
                    logEvent.Record = _line;
                    return true;
                case BuildStep.Rejected:
                    Report(_builder.RejectKind, _builder.RejectReason);
                    break;
                default:
                    EndLine();
                    break;
            }
        }

        logEvent = null;
        return false;
    }

    private void EndLine()
    {
        input.Advance(_lineAdvance);
        _lineLength = -1;
    }

    // Finds the next line worth parsing; false at the end of the input.
    private bool NextLine()
    {
        while (true)
        {
            var data = input.Data;
            var newline = data[_scanned..].IndexOf((byte)'\n');
            if (newline >= 0)
            {
                newline += _scanned;
                _scanned = 0;
                if (_skipping)
                {
                    _skipping = false;
                    input.Advance(newline + 1);
                }
                else if (TakeLine(data[..newline], newline + 1))
                {
                    return true;
                }

                continue;
            }

            if (!_skipping && data.Length > MaxLineBytes)
            {
                _line++;
                Report(ProblemKinds.LineTooLong, $"the line is longer than {MaxLineBytes / 1024} KiB; it was skipped");
                _skipping = true;
            }

            if (_skipping)
            {
                input.Advance(data.Length);
                _scanned = 0;
            }
            else
            {
                _scanned = data.Length;
            }

            if (!input.Fill())
            {
                if (input.FailureKind is { } kind)
                {
                    Report(kind, input.FailureReason, _line + 1);
                    return false;
                }

                // The last line may lack its line break.
                _scanned = 0;
                data = input.Data;
                return !_skipping && data.Length > 0 && TakeLine(data, data.Length);
            }
        }
    }

    private bool TakeLine(ReadOnlySpan<byte> line, int advance)
    {
        _line++;
        if (line.IndexOfAnyExcept(" \t\r"u8) < 0)
        {
            input.Advance(advance);
            return false;
        }

        if (line.Length > MaxLineBytes)
        {
            Report(ProblemKinds.LineTooLong, $"the line is longer than {MaxLineBytes / 1024} KiB; it was skipped");
            input.Advance(advance);
            return false;
        }

        _lineLength = line.Length;
        _lineAdvance = advance;
        _lineConsumed = 0;
        _state = new JsonReaderState(Options);
        return true;
    }

    private void Report(string kind, string reason) => Report(kind, reason, _line);

    private void Report(string kind, string reason, long line) =>
        problems.Report(new InputProblem(source, $"line {line}", kind, reason));
}
