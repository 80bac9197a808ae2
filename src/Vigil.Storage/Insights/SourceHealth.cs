namespace Vigil.Storage.Insights;

/// <summary>How one kind of log is arriving.</summary>
/// <param name="SourceType">The kind of log.</param>
/// <param name="LastSeen">Event time of its newest event.</param>
/// <param name="Hours">Events per hour over the window asked for, oldest hour first.</param>
public sealed record SourceHealth(string SourceType, DateTimeOffset LastSeen, IReadOnlyList<long> Hours)
{
    /// <summary>Events in the newest hour of the window.</summary>
    public long LastHour => Hours.Count == 0 ? 0 : Hours[^1];

    /// <summary>Events in the whole window.</summary>
    public long Total => Hours.Sum();
}
