namespace Vigil.Storage.Events;

/// <summary>Which stored events to return, oldest id first.</summary>
/// <param name="From">Event time at or after (inclusive), or any.</param>
/// <param name="To">Event time before (exclusive), or any.</param>
/// <param name="SourceType">Only this kind of log, or any.</param>
/// <param name="Fields">Every filter must hold (AND).</param>
/// <param name="AfterId">Only events with a larger id (paging and replay), 0 for all.</param>
/// <param name="Limit">At most this many events.</param>
public sealed record EventQuery(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? SourceType = null,
    IReadOnlyList<FieldFilter>? Fields = null,
    long AfterId = 0,
    int Limit = 1000);
