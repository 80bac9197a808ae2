using System.Text;
using System.Xml;
using Vigil.Events;
using Vigil.Ingestion;

namespace Vigil.Cli.Convert;

/// <summary>
/// Events as the XML Windows' Event Viewer shows, one <c>Event</c> per event inside an <c>Events</c> root, rebuilt from
/// the flattened fields: the known System fields go back to their elements and attributes, <c>UserData.*</c> paths and
/// other sections (<c>RenderingInfo.*</c>) to nested elements, and every other field to <c>EventData/Data</c>.
/// </summary>
/// <remarks>
/// An event that is not a Windows event (no <c>EventID</c> and <c>Provider_Name</c>) has all its fields as
/// <c>EventData/Data</c>. Not kept: namespace declarations inside UserData (the reader drops them), the order of
/// EventData against UserData, and characters XML 1.0 cannot hold (written as U+FFFD).
/// </remarks>
internal sealed class XmlEventWriter : EventWriter
{
    private const string Namespace = "http://schemas.microsoft.com/win/2004/08/events/event";
    private static readonly WindowsSystemFields SystemFields = new();

    private readonly XmlWriter _xml;
    private readonly string?[] _system = new string?[SystemFields.SlotCount];
    private readonly bool[] _present = new bool[SystemFields.SlotCount];
    private readonly List<int> _eventData = [];
    private readonly List<int> _sections = [];
    private readonly List<string> _open = [];

    public XmlEventWriter(Stream stream)
    {
        // Entitize: a CR in a value is written as &#xD;, so that parsers (which normalise line ends) read the value back.
        _xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = true, NewLineHandling = NewLineHandling.Entitize });
        _xml.WriteStartDocument();
        _xml.WriteStartElement("Events");
    }

    public override void Write(LogEvent logEvent)
    {
        Array.Clear(_present);
        _eventData.Clear();
        _sections.Clear();
        var windows = logEvent.Has(SystemFields.EventId) && logEvent.Has(SystemFields.ProviderName);
        for (var i = 0; i < logEvent.Count; i++)
        {
            var slot = windows ? SystemFields.SlotOf(logEvent.IdAt(i)) : -1;
            if (slot >= 0 && !_present[slot])
            {
                _present[slot] = true;
                _system[slot] = logEvent.ValueAt(i);
            }
            else if (windows && Section(logEvent.NameAt(i)) is not null)
            {
                if (!IsUserDataLeafCopy(logEvent, i))
                {
                    _sections.Add(i);
                }
            }
            else if (!(windows && IsUserDataLeafCopy(logEvent, i)))
            {
                _eventData.Add(i);
            }
        }

        _xml.WriteWhitespace("\n");
        _xml.WriteStartElement("Event", Namespace);
        if (windows)
        {
            WriteSystem();
        }

        if (_eventData.Count > 0)
        {
            _xml.WriteStartElement("EventData", Namespace);
            foreach (var i in _eventData)
            {
                _xml.WriteStartElement("Data", Namespace);
                if (logEvent.NameAt(i) != WindowsEventFields.UnnamedData)
                {
                    _xml.WriteAttributeString("Name", XmlText.Clean(logEvent.NameAt(i)));
                }

                WriteText(logEvent.ValueAt(i));
                _xml.WriteEndElement();
            }

            _xml.WriteEndElement();
        }

        WriteSections(logEvent);
        _xml.WriteEndElement();
    }

    public override void Dispose()
    {
        _xml.WriteWhitespace("\n");
        _xml.WriteEndElement();
        _xml.WriteWhitespace("\n");
        _xml.WriteEndDocument();
        _xml.Dispose();
    }

    // The section a field belongs to when it is not EventData: UserData, RenderingInfo, DebugData...
    private static string? Section(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var head = dot < 0 ? name : name[..dot];
        return head is not "System" and not "EventData" && WindowsEventFields.IsSection(head) ? head : null;
    }

    // The reader adds each UserData leaf twice, under its own name then under its path; the path alone rebuilds it.
    private static bool IsUserDataLeafCopy(LogEvent e, int i)
    {
        if (i + 1 >= e.Count || !string.Equals(e.ValueAt(i), e.ValueAt(i + 1), StringComparison.Ordinal))
        {
            return false;
        }

        var leaf = e.NameAt(i);
        var path = e.NameAt(i + 1);
        return path.StartsWith(WindowsEventFields.UserDataPrefix + ".", StringComparison.Ordinal)
            && path.Length > leaf.Length && path[^(leaf.Length + 1)] == '.' && path.EndsWith(leaf, StringComparison.Ordinal);
    }

    private void WriteSystem()
    {
        _xml.WriteStartElement("System", Namespace);
        var slot = 0;
        foreach (var (element, attributes) in WindowsSystemFields.Elements)
        {
            var first = slot;
            slot += attributes.Length + 1;
            if (!_present.AsSpan(first, slot - first).Contains(true))
            {
                continue;
            }

            _xml.WriteStartElement(element, Namespace);
            var a = first + 1;
            foreach (var attribute in attributes)
            {
                if (_present[a])
                {
                    _xml.WriteAttributeString(attribute, XmlText.Clean(_system[a] ?? ""));
                }

                a++;
            }

            if (_present[first])
            {
                WriteText(_system[first]);
            }

            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
    }

    // Nested elements from dotted paths in field order: siblings that share a parent path share its element.
    private void WriteSections(LogEvent e)
    {
        foreach (var i in _sections)
        {
            var parts = e.NameAt(i).Split('.');
            var common = 0;
            while (common < _open.Count && common < parts.Length - 1 && _open[common] == parts[common])
            {
                common++;
            }

            CloseTo(common);
            for (var p = common; p < parts.Length - 1; p++)
            {
                _xml.WriteStartElement(ElementName(parts[p]), Namespace);
                _open.Add(parts[p]);
            }

            if (parts.Length == 1)
            {
                // Text directly in the section element.
                _xml.WriteStartElement(ElementName(parts[0]), Namespace);
                WriteText(e.ValueAt(i));
                _xml.WriteEndElement();
                continue;
            }

            _xml.WriteStartElement(ElementName(parts[^1]), Namespace);
            WriteText(e.ValueAt(i));
            _xml.WriteEndElement();
        }

        CloseTo(0);
    }

    private void CloseTo(int depth)
    {
        while (_open.Count > depth)
        {
            _xml.WriteEndElement();
            _open.RemoveAt(_open.Count - 1);
        }
    }

    private static string ElementName(string part) => part.Length == 0 ? "_" : XmlConvert.EncodeLocalName(part);

    private void WriteText(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _xml.WriteString(XmlText.Clean(value));
        }
    }
}
