using System.Collections.Concurrent;

namespace Vigil.Monitoring;

/// <summary>A monotonically increasing count per label set, safe to increment from any thread.</summary>
internal sealed class Counter
{
    private readonly ConcurrentDictionary<string, long[]> _values = new(StringComparer.Ordinal);

    public void Add(string labels, long amount)
    {
        var cell = _values.GetOrAdd(labels, static _ => new long[1]);
        Interlocked.Add(ref cell[0], amount);
    }

    public long Get(string labels) => _values.TryGetValue(labels, out var cell) ? Volatile.Read(ref cell[0]) : 0;

    public IEnumerable<KeyValuePair<string, long>> Snapshot() =>
        _values.OrderBy(static p => p.Key, StringComparer.Ordinal).Select(static p => new KeyValuePair<string, long>(p.Key, Volatile.Read(ref p.Value[0])));
}
