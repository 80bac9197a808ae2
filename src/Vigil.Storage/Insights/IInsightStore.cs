using Vigil.Storage.Events;

namespace Vigil.Storage.Insights;

/// <summary>Read-only views for the web app: ingestion health, event pages newest first, events by id and by time.</summary>
/// <remarks>Thread-safe. Every query is bounded (index ranges, limits, a scan budget) so pages stay fast on millions of events.</remarks>
public interface IInsightStore
{
    /// <summary>Per kind of log (up to 100): newest event time and events per hour for the <paramref name="hours"/> hours up to <paramref name="now"/>.</summary>
    Task<IReadOnlyList<SourceHealth>> IngestionHealthAsync(DateTimeOffset now, int hours, CancellationToken cancellationToken);

    /// <summary>Quarantined input per listener since <paramref name="since"/>.</summary>
    Task<IReadOnlyList<ListenerErrors>> ListenerErrorsAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>One page of events, newest event time first.</summary>
    Task<EventPage> BrowseAsync(EventBrowseQuery query, CancellationToken cancellationToken);

    /// <summary>The events with these ids that still exist (at most 200), in id order.</summary>
    Task<IReadOnlyList<StoredEvent>> GetEventsAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Events around <paramref name="at"/> of one kind of log (or any): up to <paramref name="each"/> before and
    /// <paramref name="each"/> at or after, in event time order.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> AroundAsync(DateTimeOffset at, string? sourceType, int each, CancellationToken cancellationToken);
}
