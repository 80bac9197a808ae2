namespace Vigil.Detection.Routing;

/// <summary>
/// One way a rule's logsource reaches events: the Windows channels and EventIDs it applies to (null: any), further
/// field conditions, and how its field names map onto that source's.
/// </summary>
/// <param name="Channels">Windows channels; null for events that are not Windows events.</param>
/// <param name="EventIds">EventIDs; null for any.</param>
/// <param name="Conditions">Other fields that must hold one of the values.</param>
/// <param name="FieldMappings">Rule field name to event field name.</param>
/// <param name="SourceTypes">
/// The kinds of non-Windows log (<c>LogEvent.SourceType</c>) the logsource means; null when the map does not say, and
/// then (with no channels either) the rule is generic.
/// </param>
internal sealed record Route(
    IReadOnlyList<string>? Channels,
    IReadOnlyList<string>? EventIds,
    IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Conditions,
    IReadOnlyDictionary<string, string> FieldMappings,
    IReadOnlyList<string>? SourceTypes = null)
{
    public static Route Generic { get; } = new(null, null, [], new Dictionary<string, string>());

    /// <summary>Whether no routing says which events the rule means.</summary>
    public bool IsGeneric => Channels is null && SourceTypes is null;
}
