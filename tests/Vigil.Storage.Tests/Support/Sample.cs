using Vigil.Events;
using Vigil.Storage.Events;

namespace Vigil.Storage.Tests.Support;

/// <summary>Builds events to store.</summary>
public static class Sample
{
    public static readonly DateTimeOffset Epoch = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static EventRecord Event(
        DateTimeOffset? time,
        string sourceType = "syslog",
        string raw = "raw",
        DateTimeOffset? receivedAt = null,
        params (string Name, string? Value)[] fields)
    {
        var logEvent = new LogEvent { Timestamp = time, SourceType = sourceType, Source = "tcp:127.0.0.1", Record = 7 };
        foreach (var (name, value) in fields)
        {
            logEvent.Add(name, value);
        }

        return new EventRecord(logEvent, raw, receivedAt ?? time ?? Epoch);
    }

    /// <summary><paramref name="count"/> events a second apart from <paramref name="start"/>, with field <c>n</c> = index.</summary>
    public static List<EventRecord> Batch(int count, DateTimeOffset start, string sourceType = "syslog")
        => [.. Enumerable.Range(0, count).Select(i => Event(start.AddSeconds(i), sourceType, $"line {i}", null, ("n", i.ToString(System.Globalization.CultureInfo.InvariantCulture))))];

    public static async Task<List<StoredEvent>> ToListAsync(this IAsyncEnumerable<StoredEvent> events)
    {
        var list = new List<StoredEvent>();
        await foreach (var e in events)
        {
            list.Add(e);
        }

        return list;
    }
}
