namespace Vigil.Storage.Alerts;

/// <summary>Stored alerts and the live detector's progress through the event store.</summary>
/// <remarks>
/// Thread-safe. <see cref="RecordAsync"/> is one transaction: the alerts, the notifications they queue and the
/// detector's cursor commit together, so a detector that crashes and resumes from <see cref="GetCursorAsync"/> neither
/// loses nor repeats an alert.
/// </remarks>
public interface IAlertStore
{
    /// <summary>
    /// Records the detections of a batch of events: each candidate joins the open alert of its rule and group key whose
    /// <see cref="Alert.LastSeen"/> is within <paramref name="groupWindow"/> of its event time, or raises a new alert
    /// (queuing one notification per name in <paramref name="channels"/>); then moves the cursor
    /// <paramref name="cursorName"/> to <paramref name="cursor"/>.
    /// </summary>
    Task<AlertBatchResult> RecordAsync(
        IReadOnlyList<AlertCandidate> candidates,
        TimeSpan groupWindow,
        IReadOnlyList<string> channels,
        string cursorName,
        long cursor,
        DateTimeOffset now,
        CancellationToken cancellationToken);

    /// <summary>The last event id a detector has finished with, or 0.</summary>
    Task<long> GetCursorAsync(string cursorName, CancellationToken cancellationToken);

    /// <summary>Lists alerts, newest first.</summary>
    IAsyncEnumerable<Alert> ListAsync(AlertQuery query, CancellationToken cancellationToken);

    /// <summary>One alert by id, or null.</summary>
    Task<Alert?> GetAsync(long id, CancellationToken cancellationToken);
}
