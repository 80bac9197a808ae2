namespace Vigil.Detection.Correlation;

/// <summary>Timestamps with a weight, kept in time order, removed from the oldest end.</summary>
/// <remarks>
/// Appending in time order is O(1) amortised; a slightly late entry is slotted in by shifting the few newer ones,
/// so an input that goes back a little in time stays cheap.
/// </remarks>
internal sealed class TimeQueue
{
    private (long Ticks, double Weight)[] _items = new (long, double)[4];
    private int _head;
    private int _count;

    /// <summary>How many entries the queue holds.</summary>
    public int Count => _count;

    /// <summary>The time of the oldest entry; only valid when <see cref="Count"/> is positive.</summary>
    public long FirstTicks => _items[_head].Ticks;

    /// <summary>Adds an entry at its place in time order (after entries with the same time).</summary>
    public void Insert(long ticks, double weight)
    {
        if (_head + _count == _items.Length)
        {
            MakeRoom();
        }

        var i = _head + _count;
        while (i > _head && _items[i - 1].Ticks > ticks)
        {
            _items[i] = _items[i - 1];
            i--;
        }

        _items[i] = (ticks, weight);
        _count++;
    }

    /// <summary>Removes the oldest entry and returns its weight; only valid when <see cref="Count"/> is positive.</summary>
    public double RemoveFirst()
    {
        var weight = _items[_head].Weight;
        _head++;
        _count--;
        if (_count == 0)
        {
            _head = 0;
        }

        return weight;
    }

    /// <summary>Removes every entry, keeping the storage.</summary>
    public void Clear()
    {
        _head = 0;
        _count = 0;
    }

    private void MakeRoom()
    {
        if (_head > 0 && _count <= _items.Length / 2)
        {
            Array.Copy(_items, _head, _items, 0, _count);
        }
        else
        {
            var bigger = new (long, double)[_items.Length * 2];
            Array.Copy(_items, _head, bigger, 0, _count);
            _items = bigger;
        }

        _head = 0;
    }
}
