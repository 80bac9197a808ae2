using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Vigil.Diagnostics;
using Vigil.Events;
using Vigil.Ingestion.Files;

namespace Vigil.Ingestion.Json;

/// <summary>Reads NDJSON: one JSON object per line, each line parsed and recovered on its own.</summary>
/// <remarks>
/// A line that is invalid JSON, holds invalid UTF-8 (found as its text is decoded, so a line is scanned once) or is
/// longer than <see cref="InputLines.MaxLineBytes"/> is reported with its line number and skipped; an over-long line
/// is dropped as it streams past, never held whole (see <see cref="InputLines"/>). Blank lines are skipped. A line may
/// hold several objects (or an array of them); the objects read before an error in the line are kept.
/// <see cref="LogEvent.Record"/> is the line number.
/// </remarks>
internal sealed class JsonLinesReader(InputBuffer input, string source, IProblemSink problems) : IEventReader
{
    private static readonly JsonReaderOptions Options = new() { AllowMultipleValues = true };

    private readonly InputLines _lines = new(input, source, problems);
    private readonly JsonEventBuilder _builder = new();
    private bool _inLine;
    private int _lineConsumed;
    private JsonReaderState _state;

    public bool TryRead([NotNullWhen(true)] out LogEvent? logEvent)
    {
        while (_inLine || StartLine())
        {
            var reader = new Utf8JsonReader(_lines.Current[_lineConsumed..], isFinalBlock: true, _state);
            BuildStep step;
            try
            {
                step = _builder.Step(ref reader);
            }
            catch (JsonException e)
            {
                _lines.Report(ProblemKinds.InvalidJson, JsonProblemText.Describe(e));
                _builder.Reset();
                _inLine = false;
                continue;
            }

            _lineConsumed += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            switch (step)
            {
                case BuildStep.Completed:
                    if (_lines.Current[_lineConsumed..].IndexOfAnyExcept(" \t\r"u8) < 0)
                    {
                        _inLine = false;
                    }

                    logEvent = _builder.TakeEvent();
                    logEvent.Source = source;
                    logEvent.Record = _lines.Number;
                    return true;
                case BuildStep.Rejected:
                    _lines.Report(_builder.RejectKind, _builder.RejectReason);
                    break;
                default:
                    _inLine = false;
                    break;
            }
        }

        logEvent = null;
        return false;
    }

    private bool StartLine()
    {
        if (!_lines.MoveNext())
        {
            return false;
        }

        _inLine = true;
        _lineConsumed = 0;
        _state = new JsonReaderState(Options);
        return true;
    }
}
