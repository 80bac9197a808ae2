namespace Vigil.Detection.Analytics;

/// <summary>
/// A dictionary with a capacity: when full, the least recently used tenth of its entries is dropped, so an analytic's
/// memory stays bounded however many users, addresses or mailboxes the input holds.
/// </summary>
internal sealed class BoundedMap<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, (TValue Value, long Used)> _items;
    private long _clock;

    /// <summary>Creates a map of at most <paramref name="capacity"/> entries.</summary>
    public BoundedMap(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        Capacity = Math.Max(1, capacity);
        _items = new(comparer);
    }

    /// <summary>The most entries kept.</summary>
    public int Capacity { get; }

    /// <summary>How many entries are kept.</summary>
    public int Count => _items.Count;

    /// <summary>How many entries were dropped to stay within <see cref="Capacity"/>.</summary>
    public long Evicted { get; private set; }

    /// <summary>The entries, in no order.</summary>
    public IEnumerable<KeyValuePair<TKey, TValue>> Entries =>
        _items.Select(static p => new KeyValuePair<TKey, TValue>(p.Key, p.Value.Value));

    /// <summary>The value under <paramref name="key"/>, marking it used.</summary>
    public bool TryGet(TKey key, out TValue value)
    {
        if (_items.TryGetValue(key, out var item))
        {
            _items[key] = (item.Value, ++_clock);
            value = item.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>The value under <paramref name="key"/>, created by <paramref name="create"/> when absent.</summary>
    public TValue GetOrAdd(TKey key, Func<TValue> create)
    {
        if (TryGet(key, out var value))
        {
            return value;
        }

        value = create();
        Set(key, value);
        return value;
    }

    /// <summary>Sets the value under <paramref name="key"/>, dropping old entries when full.</summary>
    public void Set(TKey key, TValue value)
    {
        if (!_items.ContainsKey(key) && _items.Count >= Capacity)
        {
            Trim();
        }

        _items[key] = (value, ++_clock);
    }

    /// <summary>Removes <paramref name="key"/>.</summary>
    public bool Remove(TKey key) => _items.Remove(key);

    /// <summary>Removes every entry.</summary>
    public void Clear() => _items.Clear();

    private void Trim()
    {
        var drop = Math.Max(1, Capacity / 10);
        foreach (var key in _items.OrderBy(static p => p.Value.Used).Take(drop).Select(static p => p.Key).ToList())
        {
            _items.Remove(key);
            Evicted++;
        }
    }
}
