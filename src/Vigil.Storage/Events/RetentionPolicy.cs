namespace Vigil.Storage.Events;

/// <summary>How long and how much to keep; events beyond either limit are deleted oldest first.</summary>
/// <param name="MaxAge">Delete events received longer ago than this, or keep forever.</param>
/// <param name="MaxEvents">Keep at most this many events (a size limit that means the same on every database), or no limit.</param>
public sealed record RetentionPolicy(TimeSpan? MaxAge, long? MaxEvents);
