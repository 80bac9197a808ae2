namespace Vigil.Storage.Alerts;

/// <summary>How many alerts of one severity fall in one bucket (a day, or all active alerts).</summary>
/// <param name="Bucket">The bucket's start (UTC), or <see cref="DateTimeOffset.MinValue"/> when not bucketed by time.</param>
/// <param name="Level">Severity.</param>
/// <param name="Count">How many.</param>
public sealed record AlertCount(DateTimeOffset Bucket, string Level, int Count);
