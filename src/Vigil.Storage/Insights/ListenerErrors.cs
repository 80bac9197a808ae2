namespace Vigil.Storage.Insights;

/// <summary>Input a listener rejected (quarantined) within a window.</summary>
/// <param name="Listener">The listener or file reader.</param>
/// <param name="Count">How many items.</param>
/// <param name="Last">When the latest arrived.</param>
/// <param name="LastReason">Why the latest was rejected (never its content).</param>
public sealed record ListenerErrors(string Listener, long Count, DateTimeOffset Last, string LastReason);
