using Vigil.Storage.Events;

namespace Vigil.Storage.Insights;

/// <summary>One page of events, newest event time first, continuing after a cursor (keyset paging on event time and id).</summary>
/// <param name="From">Event time at or after, or any.</param>
/// <param name="To">Event time before, or any.</param>
/// <param name="SourceType">Only this kind of log, or any.</param>
/// <param name="Fields">Every filter must hold (as in <see cref="EventQuery.Fields"/>).</param>
/// <param name="After">Continue after this cursor (<see cref="EventPage.Next"/>), or null for the newest.</param>
/// <param name="Limit">At most this many events (1 to 500).</param>
/// <param name="ScanBudget">
/// With field filters, stop after reading this many events even if fewer matched, and hand back a cursor to go on: a
/// page's cost stays bounded on any store size.
/// </param>
public sealed record EventBrowseQuery(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? SourceType = null,
    IReadOnlyList<FieldFilter>? Fields = null,
    EventCursor? After = null,
    int Limit = 50,
    int ScanBudget = 5_000);
