namespace Vigil.Ingestion.Windows;

/// <summary>
/// Names the leaves of a Windows event rendered as JSON in the layout of the omerbenamram/evtx parser
/// (<c>{"Event": {"#attributes": …, "System": {…}, "EventData": {…}}}</c>) by the rules of
/// <see cref="WindowsEventFields"/>.
/// </summary>
/// <remarks>
/// In that layout an element with attributes is an object: its attributes under <c>#attributes</c>, its text under
/// <c>#text</c> (<c>"EventID": {"#attributes": {"Qualifiers": 16384}, "#text": 7036}</c>); so <c>#text</c> adds nothing
/// to a name and <c>#attributes</c> joins the attribute to its element with an underscore. The other sections of the
/// event schema (RenderingInfo, ProcessingErrorData, DebugData, BinaryEventData) keep their name as a dotted prefix;
/// anything else under <c>Event</c> is not the layout and is flattened as plain JSON. Not thread-safe: one instance
/// per reader.
/// </remarks>
internal sealed class EvtxJsonNames
{
    private const string Text = "#text";
    private const string Attributes = "#attributes";

    private char[] _name = new char[256];

    /// <summary>
    /// The field ids of a leaf whose path starts at <c>Event</c>; false when the path is not inside the layout and
    /// should be named generically.
    /// </summary>
    /// <param name="path">The characters of the leaf's path.</param>
    /// <param name="segments">Start and end of each path segment in <paramref name="path"/>, in pairs; the first is <c>Event</c>.</param>
    /// <param name="fieldId">The field the value is added under, or -1 when it is not a field (xmlns).</param>
    /// <param name="secondId">A second field the value is also added under (the full path of a UserData leaf), or -1.</param>
    public bool TryResolve(ReadOnlySpan<char> path, ReadOnlySpan<int> segments, out int fieldId, out int secondId)
    {
        fieldId = secondId = -1;
        var count = segments.Length / 2;
        if (count < 2 || Segment(path, segments, 0) is not "Event")
        {
            return false;
        }

        var section = Segment(path, segments, 1);
        if (section is Attributes)
        {
            return true;
        }

        if (!WindowsEventFields.IsSection(section))
        {
            // Not an element of the event schema: this is some other JSON with an "Event" object.
            return false;
        }

        var keepsSectionName = WindowsEventFields.KeepsSectionName(section);
        if (_name.Length < path.Length)
        {
            _name = new char[Math.Max(path.Length, _name.Length * 2)];
        }

        var length = 0;
        if (keepsSectionName)
        {
            section.CopyTo(_name);
            length = section.Length;
        }

        var attributeNext = false;
        for (var i = 2; i < count; i++)
        {
            var segment = Segment(path, segments, i);
            if (segment is Text)
            {
                continue;
            }

            if (segment is Attributes)
            {
                // Attributes of the section element itself (xmlns, Name) are not event fields.
                if (i == 2)
                {
                    return true;
                }

                attributeNext = true;
                continue;
            }

            if (attributeNext)
            {
                if (WindowsEventFields.IsNamespaceDeclaration(segment))
                {
                    return true;
                }

                _name[length++] = '_';
                attributeNext = false;
            }
            else if (length > 0)
            {
                _name[length++] = '.';
            }

            segment.CopyTo(_name.AsSpan(length));
            length += segment.Length;
        }

        if (attributeNext)
        {
            return true;
        }

        WindowsEventFields.LeafFieldIds(section, _name.AsSpan(0, length), out fieldId, out secondId);
        return true;
    }

    private static ReadOnlySpan<char> Segment(ReadOnlySpan<char> path, ReadOnlySpan<int> segments, int index) =>
        path[segments[2 * index]..segments[(2 * index) + 1]];
}
