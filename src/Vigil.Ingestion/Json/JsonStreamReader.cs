using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Vigil.Diagnostics;
using Vigil.Events;
using Vigil.Ingestion.Files;

namespace Vigil.Ingestion.Json;

/// <summary>
/// Reads a JSON array of objects, or JSON values concatenated (pretty-printed across lines), token by token through
/// a bounded window, so a file of any size streams.
/// </summary>
/// <remarks>
/// Only one token needs to fit in the window (up to <see cref="MaxTokenBytes"/>). There is no line to resynchronise
/// on, so invalid JSON ends the file with an <c>invalid-json</c> problem; an input that stops inside an object gives
/// <c>truncated</c>; both keep the events read before. <see cref="LogEvent.Record"/> is the 1-based index of the
/// object in the array or file.
/// </remarks>
internal sealed class JsonStreamReader(InputBuffer input, string source, IProblemSink problems) : IEventReader
{
    /// <summary>The largest single token (a string value, typically) the window may grow to hold.</summary>
    public const int MaxTokenBytes = 16 * 1024 * 1024;

    private readonly JsonEventBuilder _builder = new();
    private JsonReaderState _state = new(new JsonReaderOptions { AllowMultipleValues = true });
    private bool _done;
    private bool _finalPass;

    public bool TryRead([NotNullWhen(true)] out LogEvent? logEvent)
    {
        while (!_done)
        {
            // Only once the input has ended and the reader has consumed every complete token does a final pass tell
            // the reader there is no more: an error then means the input stops short, not that it is invalid.
            var final = _finalPass;
            var reader = new Utf8JsonReader(input.Data, final, _state);
            BuildStep step;
            try
            {
                step = _builder.Step(ref reader);
            }
            catch (JsonException e)
            {
                if (final && _builder.InValue)
                {
                    Report(ProblemKinds.Truncated, _builder.InEvent
                        ? $"the input ends inside object {_builder.ValueIndex}"
                        : "the input ends before the array is closed");
                }
                else
                {
                    var reason = JsonProblemText.Describe(e);
                    Report(ProblemKinds.InvalidJson, $"{reason} (line {e.LineNumber + 1}); the rest of the file was not read");
                }

                _done = true;
                break;
            }

            input.Advance((int)reader.BytesConsumed);
            _state = reader.CurrentState;
            switch (step)
            {
                case BuildStep.Completed:
                    logEvent = _builder.TakeEvent();
                    logEvent.Source = source;
                    logEvent.Record = _builder.ValueIndex;
                    return true;
                case BuildStep.Rejected:
                    Report(_builder.RejectKind, _builder.RejectReason, _builder.ValueIndex);
                    continue;
            }

            if (final)
            {
                _done = true;
            }
            else if (input.Ended)
            {
                _finalPass = input.FailureKind is null;
                if (!_finalPass)
                {
                    Report(input.FailureKind!, input.FailureReason);
                    _done = true;
                }
            }
            else if (input.IsFull)
            {
                Report(ProblemKinds.ValueTooLong,
                    $"a single JSON value is longer than {MaxTokenBytes / (1024 * 1024)} MiB; the rest of the file was not read");
                _done = true;
            }
            else
            {
                // At the end (clean or not) the next round goes to the branch above.
                input.Fill();
            }
        }

        logEvent = null;
        return false;
    }

    // Between values, a problem belongs to the value that would come next.
    private void Report(string kind, string reason) =>
        Report(kind, reason, _builder.InEvent ? _builder.ValueIndex : _builder.ValueIndex + 1);

    private void Report(string kind, string reason, long index) =>
        problems.Report(new InputProblem(source, $"object {index}", kind, reason));
}
