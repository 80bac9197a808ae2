using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
        // One lookup: the entry is marked used in place.
        ref var item = ref CollectionsMarshal.GetValueRefOrNullRef(_items, key);
        if (!Unsafe.IsNullRef(ref item))
        {
            item.Used = ++_clock;
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
        // Every entry's use mark is distinct (one tick of the clock each), so the least recently used tenth is exactly
        // those below the tenth-smallest mark: a selection in linear time instead of sorting the whole map.
        var drop = Math.Min(_items.Count, Math.Max(1, Capacity / 10));
        var used = ArrayPool<long>.Shared.Rent(_items.Count);
        var at = 0;
        foreach (var (_, item) in _items)
        {
            used[at++] = item.Used;
        }

        var below = Select(used.AsSpan(0, at), drop - 1) + 1;
        ArrayPool<long>.Shared.Return(used);
        foreach (var (key, item) in _items)
        {
            if (item.Used < below)
            {
                _items.Remove(key);
                Evicted++;
            }
        }
    }

    /// <summary>The <paramref name="k"/>-th smallest of <paramref name="values"/> (from 0), reordering them (quickselect).</summary>
    private static long Select(Span<long> values, int k)
    {
        int low = 0, high = values.Length - 1;
        while (low < high)
        {
            var pivot = values[low + ((high - low) / 2)];
            int i = low, j = high;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                high = j;
            }
            else if (k >= i)
            {
                low = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }
}
