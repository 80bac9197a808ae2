namespace Vigil.Detection.Routing;

/// <summary>
/// One way a rule's logsource reaches events: the Windows channels and EventIDs it applies to (null: any), further
/// field conditions, and how its field names map onto that source's.
/// </summary>
/// <param name="Channels">Windows channels; null for events that are not Windows events.</param>
/// <param name="EventIds">EventIDs; null for any.</param>
/// <param name="Conditions">Other fields that must hold one of the values.</param>
/// <param name="FieldMappings">Rule field name to event field name.</param>
internal sealed record Route(
    IReadOnlyList<string>? Channels,
    IReadOnlyList<string>? EventIds,
    IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Conditions,
    IReadOnlyDictionary<string, string> FieldMappings)
{
    public static Route Generic { get; } = new(null, null, [], new Dictionary<string, string>());
}
