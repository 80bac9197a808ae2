using Vigil.Events;
using Vigil.Ingestion;

namespace Vigil.Cli.Convert;

/// <summary>
/// The <c>System</c> elements of the Windows event schema in the order Event Viewer writes them, and the flattened field
/// names they become (<see cref="WindowsEventFields"/>): element text under the element's name, attributes as
/// <c>Element_Attribute</c>.
/// </summary>
/// <remarks>
/// This known set is what lets <see cref="XmlEventWriter"/> rebuild the XML tree from a flat event: every other field of
/// a Windows event is EventData, UserData or another section. Immutable and thread-safe.
/// </remarks>
internal sealed class WindowsSystemFields
{
    private static readonly (string Element, string[] Attributes)[] Schema =
    [
        ("Provider", ["Name", "Guid", "EventSourceName"]),
        ("EventID", ["Qualifiers"]),
        ("Version", []),
        ("Level", []),
        ("Task", []),
        ("Opcode", []),
        ("Keywords", []),
        ("TimeCreated", ["SystemTime"]),
        ("EventRecordID", []),
        ("Correlation", ["ActivityID", "RelatedActivityID"]),
        ("Execution", ["ProcessID", "ThreadID", "ProcessorID", "SessionID", "KernelTime", "UserTime", "ProcessorTime"]),
        ("Channel", []),
        ("Computer", []),
        ("Security", ["UserID"]),
    ];

    private readonly Dictionary<int, int> _slotOfField = [];

    public WindowsSystemFields()
    {
        var slot = 0;
        foreach (var (element, attributes) in Schema)
        {
            // Slot layout per element: its text, then each attribute. Every element has a text slot, because an empty
            // element (Correlation, Security with no attributes) is read as a field of its own name with a null value.
            _slotOfField[FieldNames.Intern(element)] = slot++;

            foreach (var attribute in attributes)
            {
                _slotOfField[FieldNames.Intern(WindowsEventFields.SystemAttributeName(element, attribute))] = slot++;
            }
        }

        SlotCount = slot;
        ProviderName = FieldNames.Intern(WindowsEventFields.SystemAttributeName("Provider", "Name"));
        EventId = FieldNames.Intern("EventID");
    }

    /// <summary>How many field slots the System elements have in all.</summary>
    public int SlotCount { get; }

    /// <summary>The id of <c>Provider_Name</c>, which with <see cref="EventId"/> marks a Windows event.</summary>
    public int ProviderName { get; }

    /// <summary>The id of <c>EventID</c>.</summary>
    public int EventId { get; }

    /// <summary>The System elements in schema order with their attributes; an element's slots are its text then its attributes.</summary>
    public static IEnumerable<(string Element, string[] Attributes)> Elements => Schema;

    /// <summary>The slot of a System field, or -1 when the field is not one.</summary>
    public int SlotOf(int fieldId) => _slotOfField.TryGetValue(fieldId, out var slot) ? slot : -1;
}
