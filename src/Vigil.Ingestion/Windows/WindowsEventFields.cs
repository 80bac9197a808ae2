using Vigil.Events;
using Vigil.Ingestion.Timestamps;

namespace Vigil.Ingestion;

/// <summary>
/// Names the fields of a Windows event the way Sigma rules expect them, whatever the event was read from (a JSON
/// render, an EVTX file).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>System</c> child elements keep their name (<c>EventID</c>, <c>Channel</c>, <c>Computer</c>); their
/// attributes are <c>Element_Attribute</c> (<c>Provider_Name</c>, <c>Execution_ProcessID</c>,
/// <c>TimeCreated_SystemTime</c>, <c>EventID_Qualifiers</c>).</item>
/// <item><c>EventData</c> <c>Data</c> elements are named by their <c>Name</c> attribute (<c>Image</c>,
/// <c>CommandLine</c>); unnamed ones are all <see cref="UnnamedData"/>, so the field repeats.</item>
/// <item><c>UserData</c> leaves are added twice: under their own name (<c>SubjectUserName</c>) and under their dotted
/// path (<c>UserData.LogFileCleared.SubjectUserName</c>).</item>
/// <item>XML namespace declarations (<c>xmlns</c>) are not fields.</item>
/// </list>
/// Stateless and thread-safe.
/// </remarks>
public static class WindowsEventFields
{
    /// <summary>The field of every <c>EventData/Data</c> element that has no <c>Name</c> attribute.</summary>
    public const string UnnamedData = "Data";

    /// <summary>The field holding <c>System/TimeCreated/@SystemTime</c>, the event's time.</summary>
    public const string SystemTime = "TimeCreated_SystemTime";

    /// <summary>The prefix of the dotted paths of <c>UserData</c> leaves.</summary>
    public const string UserDataPrefix = "UserData";

    private const int StackNameLength = 256;

    /// <summary>The field name of attribute <paramref name="attribute"/> of <c>System</c> element <paramref name="element"/>.</summary>
    /// <returns><c>Element_Attribute</c>, such as <c>Provider_Name</c>.</returns>
    public static string SystemAttributeName(string element, string attribute) => string.Concat(element, "_", attribute);

    /// <summary>The interned id of <see cref="SystemAttributeName"/>, without allocating for a name already known.</summary>
    public static int SystemAttributeId(ReadOnlySpan<char> element, ReadOnlySpan<char> attribute)
    {
        var length = element.Length + 1 + attribute.Length;
        var buffer = length <= StackNameLength ? stackalloc char[StackNameLength] : new char[length];
        element.CopyTo(buffer);
        buffer[element.Length] = '_';
        attribute.CopyTo(buffer[(element.Length + 1)..]);
        return FieldNames.Intern(buffer[..length]);
    }

    /// <summary>The field name of an <c>EventData/Data</c> element: its <c>Name</c> attribute, or <see cref="UnnamedData"/>.</summary>
    public static string EventDataName(string? nameAttribute) =>
        string.IsNullOrEmpty(nameAttribute) ? UnnamedData : nameAttribute;

    /// <summary>
    /// Adds a <c>UserData</c> leaf to <paramref name="target"/> under its own name and under its dotted path.
    /// </summary>
    /// <param name="target">The event being built.</param>
    /// <param name="path">The leaf's path below <c>UserData</c>, dot-separated (<c>LogFileCleared.SubjectUserName</c>).</param>
    /// <param name="value">The leaf's text.</param>
    public static void AddUserData(LogEvent target, ReadOnlySpan<char> path, string? value)
    {
        ArgumentNullException.ThrowIfNull(target);
        UserDataFieldIds(path, out var leafId, out var pathId);
        target.Add(leafId, value);
        target.Add(pathId, value);
    }

    /// <summary>The interned ids of the two fields of a <c>UserData</c> leaf: its own name and its dotted path.</summary>
    /// <param name="path">The leaf's path below <c>UserData</c>, dot-separated (<c>LogFileCleared.SubjectUserName</c>).</param>
    /// <param name="leafId">The id of the leaf's own name (<c>SubjectUserName</c>).</param>
    /// <param name="pathId">The id of its full path (<c>UserData.LogFileCleared.SubjectUserName</c>).</param>
    public static void UserDataFieldIds(ReadOnlySpan<char> path, out int leafId, out int pathId)
    {
        var length = UserDataPrefix.Length + 1 + path.Length;
        var buffer = length <= StackNameLength ? stackalloc char[StackNameLength] : new char[length];
        UserDataPrefix.CopyTo(buffer);
        buffer[UserDataPrefix.Length] = '.';
        path.CopyTo(buffer[(UserDataPrefix.Length + 1)..]);
        leafId = FieldNames.Intern(path[(path.LastIndexOf('.') + 1)..]);
        pathId = FieldNames.Intern(buffer[..length]);
    }

    /// <summary>Whether a child element of <c>Event</c> is a section of the event schema (<c>System</c>,
    /// <c>EventData</c>, <c>UserData</c>, <c>RenderingInfo</c>, <c>ProcessingErrorData</c>, <c>DebugData</c>,
    /// <c>BinaryEventData</c>).</summary>
    public static bool IsSection(ReadOnlySpan<char> name) =>
        name is "System" or "EventData" or UserDataPrefix or "RenderingInfo" or "ProcessingErrorData" or "DebugData"
            or "BinaryEventData";

    /// <summary>Whether the fields below <paramref name="section"/> keep its name as a dotted prefix: all but
    /// <c>System</c>, <c>EventData</c> and <c>UserData</c> do.</summary>
    public static bool KeepsSectionName(ReadOnlySpan<char> section) => section is not ("System" or "EventData" or UserDataPrefix);

    /// <summary>The interned ids of the field(s) of a leaf below a section.</summary>
    /// <param name="section">The section the leaf is in (<c>System</c>, <c>UserData</c>...).</param>
    /// <param name="name">
    /// The leaf's name below the section (<c>Provider_Name</c>, <c>LogFileCleared.SubjectUserName</c>), with the section
    /// prefix when <see cref="KeepsSectionName"/>; empty for text directly in the section element.
    /// </param>
    /// <param name="fieldId">The field the value is added under.</param>
    /// <param name="secondId">The full path of a UserData leaf, also added, or -1.</param>
    public static void LeafFieldIds(ReadOnlySpan<char> section, ReadOnlySpan<char> name, out int fieldId, out int secondId)
    {
        secondId = -1;
        if (section is not UserDataPrefix)
        {
            fieldId = FieldNames.Intern(name.Length == 0 ? section : name);
        }
        else if (name.Length == 0)
        {
            fieldId = FieldNames.Intern(UserDataPrefix);
        }
        else
        {
            UserDataFieldIds(name, out fieldId, out secondId);
        }
    }

    /// <summary>Whether an attribute only declares an XML namespace (<c>xmlns</c>, <c>xmlns:x</c>), which is not a field.</summary>
    public static bool IsNamespaceDeclaration(ReadOnlySpan<char> attribute) =>
        attribute is "xmlns" || attribute.StartsWith("xmlns:", StringComparison.Ordinal);

    /// <summary>Parses <c>System/TimeCreated/@SystemTime</c> (ISO 8601; no offset means UTC) as a UTC time.</summary>
    public static bool TryParseSystemTime(ReadOnlySpan<char> text, out DateTimeOffset time) =>
        EventTime.TryParseIso(text.Trim(), out time);
}
