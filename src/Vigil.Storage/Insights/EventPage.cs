using Vigil.Storage.Events;

namespace Vigil.Storage.Insights;

/// <summary>A page of events, newest first.</summary>
/// <param name="Events">The matching events.</param>
/// <param name="Next">Where to continue, or null when nothing older matches the SQL conditions.</param>
/// <param name="Scanned">How many events were read to fill the page.</param>
public sealed record EventPage(IReadOnlyList<StoredEvent> Events, EventCursor? Next, int Scanned);
