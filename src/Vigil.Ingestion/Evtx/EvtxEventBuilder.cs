using Vigil.Events;

namespace Vigil.Ingestion.Evtx;

/// <summary>Turns the elements of one EVTX record into the fields of a <see cref="LogEvent"/>.</summary>
/// <remarks>
/// Names fields exactly as <see cref="Windows.EvtxJsonNames"/> names the leaves of the JSON render of the same record,
/// using the rules and helpers of <see cref="WindowsEventFields"/>: below <c>System</c> and <c>EventData</c> the path
/// under the section (dot-joined), attributes joined by <c>_</c>, <c>Data Name="X"</c> as <c>X</c>, <c>UserData</c>
/// leaves under their own name and dotted path, other sections keeping their name as prefix. An element with no text,
/// no attribute and no child is a null value, as JSON <c>null</c> is in the render. Not thread-safe.
/// </remarks>
internal sealed class EvtxEventBuilder
{
    private const string DataElement = "Data";
    private const string NameAttribute = "Name";

    private readonly List<string> _texts = [];
    private Frame[] _frames = new Frame[16];
    private int _depth;
    private char[] _name = new char[256];
    private LogEvent _event = new();

    /// <summary>Begins a new event, forgetting any unfinished one.</summary>
    public void Begin()
    {
        _depth = 0;
        _texts.Clear();
        _event = new LogEvent(Math.Max(16, _event.Count));
    }

    /// <summary>The event built since <see cref="Begin"/>, with its time found.</summary>
    public LogEvent Take()
    {
        _event.Timestamp = Timestamps.EventTime.Find(_event);
        return _event;
    }

    /// <summary>Opens an element.</summary>
    public void Start(string name)
    {
        if (_depth > 0)
        {
            _frames[_depth - 1].HasContent = true;
        }

        if (_depth == _frames.Length)
        {
            Array.Resize(ref _frames, _depth * 2);
        }

        _frames[_depth++] = new Frame { Name = name, TextStart = _texts.Count };
    }

    /// <summary>Adds an attribute to the element open last.</summary>
    public void Attribute(string name, string value)
    {
        ref var frame = ref _frames[_depth - 1];
        var depth = _depth - 1;
        if (depth >= 2 && name == NameAttribute && frame.Name == DataElement && frame.Attributes == 0)
        {
            frame.Name = WindowsEventFields.EventDataName(value);
            frame.IsNamedData = true;
            return;
        }

        frame.Attributes++;
        if (depth < 2 || WindowsEventFields.IsNamespaceDeclaration(name) || frame.IsNamedData)
        {
            // Attributes of Event and of its sections (xmlns, Name) are not event fields.
            return;
        }

        var length = PathName(name);
        AddField(_name.AsSpan(0, length), value);
    }

    /// <summary>Adds text (one value, or the elements of an array) to the element open last.</summary>
    /// <remarks>Array elements stay separate values; successive scalar parts join into one string.</remarks>
    public void Text(List<string> values, bool isArray)
    {
        ref var frame = ref _frames[_depth - 1];
        if (isArray || frame.IsArray || _texts.Count == frame.TextStart)
        {
            frame.IsArray |= isArray;
            _texts.AddRange(values);
        }
        else
        {
            _texts[^1] = string.Concat(_texts[^1], string.Concat(values));
        }
    }

    /// <summary>Closes the element open last, adding its field.</summary>
    public void End()
    {
        ref var frame = ref _frames[_depth - 1];
        var depth = _depth - 1;
        if (depth >= 1 && !frame.HasContent)
        {
            var length = PathName(null);
            if (_texts.Count > frame.TextStart)
            {
                for (var i = frame.TextStart; i < _texts.Count; i++)
                {
                    AddField(_name.AsSpan(0, length), _texts[i]);
                }
            }
            else if (frame.Attributes == 0 && depth >= 2)
            {
                AddField(_name.AsSpan(0, length), null);
            }
        }

        _texts.RemoveRange(frame.TextStart, _texts.Count - frame.TextStart);
        _depth--;
    }

    // Writes the field name of the open element (and of its attribute, when given) into _name.
    private int PathName(string? attribute)
    {
        var section = _frames[1].Name;
        var keepsSection = WindowsEventFields.KeepsSectionName(section);
        var length = 0;
        if (keepsSection)
        {
            Append(ref length, section);
        }

        for (var i = 2; i < _depth; i++)
        {
            if (length > 0)
            {
                Append(ref length, ".");
            }

            Append(ref length, _frames[i].Name);
        }

        if (attribute is not null)
        {
            Append(ref length, "_");
            Append(ref length, attribute);
        }

        return length;
    }

    private void Append(ref int length, string text)
    {
        if (_name.Length < length + text.Length)
        {
            Array.Resize(ref _name, Math.Max(_name.Length * 2, length + text.Length));
        }

        text.CopyTo(_name.AsSpan(length));
        length += text.Length;
    }

    private void AddField(ReadOnlySpan<char> name, string? value)
    {
        WindowsEventFields.LeafFieldIds(_depth > 1 ? _frames[1].Name : "", name, out var fieldId, out var secondId);
        _event.Add(fieldId, value);
        if (secondId >= 0)
        {
            _event.Add(secondId, value);
        }
    }

    private struct Frame
    {
        public string Name;
        public bool IsNamedData;
        public bool IsArray;
        public bool HasContent;
        public int Attributes;
        public int TextStart;
    }
}
