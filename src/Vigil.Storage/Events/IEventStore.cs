namespace Vigil.Storage.Events;

/// <summary>The durable event store.</summary>
/// <remarks>
/// Thread-safe. <see cref="AppendAsync"/> writes the whole batch in one transaction: when it returns, every event is
/// committed and durable (on disk: a power loss cannot undo it); when it throws, nothing of the batch is, or (a failed
/// sync after the commit) it is not known to be durable. Database failures surface as exceptions (the caller answers
/// its sender with an error and may retry); they are not bad input.
/// </remarks>
public interface IEventStore
{
    /// <summary>Commits <paramref name="events"/> in one transaction.</summary>
    /// <param name="events">The batch, at least one event.</param>
    /// <param name="idempotencyKey">
    /// When given and already committed by an earlier append, nothing is written and the result says
    /// <see cref="AppendResult.Duplicate"/>; the key is committed in the same transaction as the events, so a sender
    /// that retries after a crash never stores a batch twice.
    /// </param>
    /// <param name="cancellationToken">Cancels before the commit.</param>
    Task<AppendResult> AppendAsync(IReadOnlyList<EventRecord> events, string? idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="AppendAsync"/> in two steps: returns once the batch is committed (its ids are final, readers see it,
    /// and any later append gets higher ids), before it is known to be durable; <see cref="CommittedAppend.Durable"/>
    /// completes when it is (or fails if the sync does). For a writer that writes the next batch while this one syncs:
    /// nothing may be acknowledged, or acted on as stored, before <see cref="CommittedAppend.Durable"/> completes.
    /// </summary>
    Task<CommittedAppend> AppendCommittedAsync(IReadOnlyList<EventRecord> events, string? idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Streams the events that match <paramref name="query"/>, in id order.</summary>
    IAsyncEnumerable<StoredEvent> SearchAsync(EventQuery query, CancellationToken cancellationToken);

    /// <summary>How many events the store holds.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);

    /// <summary>Deletes events beyond the policy's limits.</summary>
    /// <returns>How many events were deleted.</returns>
    Task<long> ApplyRetentionAsync(RetentionPolicy policy, DateTimeOffset now, CancellationToken cancellationToken);
}
