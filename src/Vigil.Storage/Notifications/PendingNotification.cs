namespace Vigil.Storage.Notifications;

/// <summary>An alert notification waiting to be delivered on one channel.</summary>
/// <param name="Id">The store's id.</param>
/// <param name="AlertId">The alert to tell about.</param>
/// <param name="Channel">The configured channel's name.</param>
/// <param name="Attempts">Failed attempts so far.</param>
/// <param name="NextAttemptAt">Not before this time.</param>
public sealed record PendingNotification(long Id, long AlertId, string Channel, int Attempts, DateTimeOffset NextAttemptAt);
