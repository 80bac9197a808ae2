namespace Vigil.Storage.Alerts;

/// <summary>What people do with alerts: page through them, acknowledge, assign, comment, close; and counts for charts.</summary>
/// <remarks>
/// Thread-safe. Every change is one transaction that also appends an <see cref="AlertActivity"/> naming the actor, so an
/// alert's history shows who did what and when. Methods that change an alert return false when it does not exist.
/// </remarks>
public interface IAlertWorkflow
{
    /// <summary>One page of alerts, newest first (keyset on the id).</summary>
    Task<IReadOnlyList<Alert>> PageAsync(AlertPageQuery query, CancellationToken cancellationToken);

    /// <summary>Sets the status (one of <see cref="AlertStatuses.All"/>); setting the current status records nothing.</summary>
    /// <exception cref="ArgumentException">The status is not one of <see cref="AlertStatuses.All"/>.</exception>
    Task<bool> SetStatusAsync(long id, string status, string actor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Assigns the alert to <paramref name="assignee"/>, or unassigns it with null or empty.</summary>
    Task<bool> AssignAsync(long id, string? assignee, string actor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Adds a comment (at most 4,000 characters; longer text is cut).</summary>
    Task<bool> CommentAsync(long id, string text, string actor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The alert's history, oldest first.</summary>
    Task<IReadOnlyList<AlertActivity>> ActivityAsync(long id, CancellationToken cancellationToken);

    /// <summary>Open and acknowledged alerts by severity (bucket <see cref="DateTimeOffset.MinValue"/>); levels outside the five known ones count as <c>unknown</c>.</summary>
    Task<IReadOnlyList<AlertCount>> ActiveBySeverityAsync(CancellationToken cancellationToken);

    /// <summary>Alerts raised per UTC day and severity since <paramref name="since"/> (by when Vigil raised them).</summary>
    Task<IReadOnlyList<AlertCount>> RaisedPerDayAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
