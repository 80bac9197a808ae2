using System.Text;
using System.Text.Json;
using Vigil.Events;
using Vigil.Ingestion.Files;

namespace Vigil.Ingestion.Json;

/// <summary>
/// Turns JSON tokens into flat events, one per top-level object (or per object element of a top-level array),
/// keeping its state between calls so that a value can span several buffers.
/// </summary>
/// <remarks>
/// Flattening: nested objects give dotted paths (<c>a.b.c</c>); array elements (scalars, objects, arrays) all add
/// under the array's own path, so a field repeats (<c>Parameters.Name</c>, <c>Parameters.Name</c>…); numbers and
/// booleans keep their raw text and JSON null is a null value; empty objects and arrays add nothing. Field names come
/// from <see cref="PathNames"/> (which knows the evtx JSON layout). Paths are resolved once per reader through a
/// <see cref="PathTable"/>, so the hot path allocates value strings only, and a <see cref="ValueCache"/> spares even
/// those for values that repeat. Not thread-safe.
/// </remarks>
internal sealed class JsonEventBuilder
{
    private static readonly string[] SmallNumbers = BuildSmallNumbers();

    // A name no valid input has (0xFF is never UTF-8), standing for a name that could not be read.
    private static readonly byte[] InvalidName = [0xFF];

    private readonly PathTable _paths = new();
    private readonly ValueCache _values = new();
    private readonly PathNames _names = new();
    private Frame[] _frames = new Frame[16];
    private int _depth;
    private int _eventFrame = -1;
    private LogEvent? _event;

    // Every event is built here and handed on compact (LogEvent.TakeCompact): no empty slots in the events kept.
    private LogEvent? _scratch;
    private byte[] _unescaped = new byte[256];

    /// <summary>The 1-based index of the last top-level value (or array element) begun.</summary>
    public long ValueIndex { get; private set; }

    /// <summary>Whether a value (an object, or a top-level array) has begun and not ended.</summary>
    public bool InValue => _depth > 0;

    /// <summary>Whether an object that makes an event has begun and not ended.</summary>
    public bool InEvent => _eventFrame >= 0;

    /// <summary>The problem kind of the last <see cref="BuildStep.Rejected"/> value.</summary>
    public string RejectKind { get; private set; } = "";

    /// <summary>Why the last <see cref="BuildStep.Rejected"/> value was rejected (never its content).</summary>
    public string RejectReason { get; private set; } = "";

    /// <summary>Reads tokens until an event completes, a value is rejected, or the reader needs more data.</summary>
    /// <exception cref="JsonException">The JSON is invalid; call <see cref="Reset"/> before reading on.</exception>
    public BuildStep Step(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    OnPropertyName(ref reader);
                    break;
                case JsonTokenType.StartObject:
                    if (_eventFrame < 0)
                    {
                        BeginEvent();
                    }
                    else
                    {
                        Push(FrameKind.Object, LeafNode());
                    }

                    break;
                case JsonTokenType.StartArray:
                    if (_eventFrame < 0)
                    {
                        Push(FrameKind.Container, PathTable.Root);
                    }
                    else
                    {
                        Push(FrameKind.Array, LeafNode());
                    }

                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    if (--_depth == _eventFrame)
                    {
                        _eventFrame = -1;
                        return RejectKind.Length == 0 ? BuildStep.Completed : BuildStep.Rejected;
                    }

                    break;
                case JsonTokenType.Comment:
                    break;
                default:
                    if (_eventFrame < 0)
                    {
                        ValueIndex++;
                        RejectKind = ProblemKinds.InvalidJson;
                        RejectReason = $"the value is a JSON {Describe(reader.TokenType)}, not an object";
                        return BuildStep.Rejected;
                    }

                    AddLeaf(ref reader);
                    break;
            }
        }

        return BuildStep.NeedMoreData;
    }

    /// <summary>The event just completed, with its time found.</summary>
    /// <remarks><see cref="LogEvent.Source"/> and <see cref="LogEvent.Record"/> are left to the caller.</remarks>
    public LogEvent TakeEvent()
    {
        var logEvent = _event!;
        _event = null;
        logEvent.Timestamp = Timestamps.EventTime.Find(logEvent);
        return logEvent.TakeCompact();
    }

    /// <summary>Forgets a value left unfinished (after invalid JSON).</summary>
    public void Reset()
    {
        _depth = 0;
        _eventFrame = -1;
        _event = null;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        _ => "null",
    };

    private static string[] BuildSmallNumbers()
    {
        var numbers = new string[1000];
        for (var i = 0; i < numbers.Length; i++)
        {
            numbers[i] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return numbers;
    }

    private static string? SmallNumber(ReadOnlySpan<byte> raw)
    {
        // Small integers (EventID, Level, Task, Opcode) are most of the numbers in logs: share their strings.
        if (raw.Length > 3 || (raw.Length > 1 && raw[0] == '0'))
        {
            return null;
        }

        var value = 0;
        foreach (var digit in raw)
        {
            if ((uint)(digit - '0') > 9)
            {
                return null;
            }

            value = (value * 10) + (digit - '0');
        }

        return SmallNumbers[value];
    }

    private void BeginEvent()
    {
        ValueIndex++;
        RejectKind = "";
        _paths.ClearIfLarge();
        _event = _scratch ??= new LogEvent(64);
        _event.Clear();
        Push(FrameKind.Object, PathTable.Root);
        _eventFrame = _depth - 1;
    }

    private void Push(FrameKind kind, int node)
    {
        if (_depth == _frames.Length)
        {
            Array.Resize(ref _frames, _depth * 2);
        }

        _frames[_depth++] = new Frame { Kind = kind, Node = node, Child = -1 };
    }

    // The node a value read now belongs to: the current property of an object, or the path of an array.
    private int LeafNode()
    {
        ref var frame = ref _frames[_depth - 1];
        return frame.Kind == FrameKind.Object ? frame.Child : frame.Node;
    }

    private void OnPropertyName(ref Utf8JsonReader reader)
    {
        ref var frame = ref _frames[_depth - 1];
        if (!reader.ValueIsEscaped)
        {
            frame.Child = _paths.Child(frame.Node, frame.Child, reader.ValueSpan);
            return;
        }

        try
        {
            frame.Child = _paths.Child(frame.Node, frame.Child, Unescape(ref reader));
        }
        catch (InvalidOperationException)
        {
            Reject(ProblemKinds.InvalidJson, "the object holds a name with an invalid escape sequence");
            frame.Child = _paths.Child(frame.Node, frame.Child, InvalidName);
        }
    }

    private ReadOnlySpan<byte> Unescape(ref Utf8JsonReader reader)
    {
        if (_unescaped.Length < reader.ValueSpan.Length)
        {
            _unescaped = new byte[Math.Max(reader.ValueSpan.Length, _unescaped.Length * 2)];
        }

        return _unescaped.AsSpan(0, reader.CopyString(_unescaped));
    }

    private void AddLeaf(ref Utf8JsonReader reader)
    {
        var node = LeafNode();
        ref var path = ref _paths[node];
        if (path.FieldId == PathNode.Unresolved)
        {
            _names.Resolve(_paths, node, ref path);
        }

        if (path.FieldId < 0)
        {
            if (path.FieldId == PathNode.InvalidName)
            {
                Reject(ProblemKinds.InvalidUtf8, "the object holds a name that is not valid UTF-8");
            }

            return;
        }

        string? value;
        try
        {
            value = reader.TokenType switch
            {
                JsonTokenType.String or JsonTokenType.Number => Text(ref reader, node),
                JsonTokenType.True => "true",
                JsonTokenType.False => "false",
                _ => null,
            };
        }
        catch (InvalidOperationException e) when (e.InnerException is DecoderFallbackException)
        {
            Reject(ProblemKinds.InvalidUtf8, "the object holds text that is not valid UTF-8");
            return;
        }
        catch (DecoderFallbackException)
        {
            Reject(ProblemKinds.InvalidUtf8, "the object holds text that is not valid UTF-8");
            return;
        }
        catch (InvalidOperationException)
        {
            Reject(ProblemKinds.InvalidJson, "the object holds a string with an invalid escape sequence");
            return;
        }

        _event!.Add(path.FieldId, value);
        if (path.SecondFieldId >= 0)
        {
            _event.Add(path.SecondFieldId, value);
        }
    }

    private string Text(ref Utf8JsonReader reader, int node)
    {
        var raw = reader.ValueSpan;
        var isNumber = reader.TokenType == JsonTokenType.Number;
        if (isNumber && SmallNumber(raw) is { } small)
        {
            return small;
        }

        var slot = -1;
        if (_paths.Caches(node, raw.Length))
        {
            var hit = _values.TryGet(raw, out slot, out var cached);
            _paths.Count(node, hit);
            if (hit)
            {
                return cached!;
            }
        }

        // Numbers are ASCII by the grammar; strings are checked, since a JSON stream is not validated up front.
        var text = isNumber ? Encoding.ASCII.GetString(raw)
            : reader.ValueIsEscaped ? reader.GetString()! : PathTable.DecodeUtf8(raw);
        if (slot >= 0)
        {
            _values.Set(slot, raw, text);
        }

        return text;
    }

    private void Reject(string kind, string reason)
    {
        if (RejectKind.Length == 0)
        {
            RejectKind = kind;
            RejectReason = reason;
        }
    }

    private enum FrameKind
    {
        Container,
        Object,
        Array,
    }

    private struct Frame
    {
        public FrameKind Kind;
        public int Node;
        public int Child;
    }
}
