namespace Vigil.Detection.Correlation;

/// <summary>The newest few detections of a group, with their times, to list in a correlation detection.</summary>
/// <remarks>Grows up to its capacity, then overwrites the oldest; most groups hold a handful, so it starts small.</remarks>
internal sealed class JoinedBuffer
{
    private readonly List<(long Ticks, Engine.RuleMatch Detection)> _items = [];
    private readonly int _capacity;
    private int _next;

    /// <summary>Creates a buffer holding at most <paramref name="capacity"/> detections.</summary>
    public JoinedBuffer(int capacity) => _capacity = Math.Max(1, capacity);

    /// <summary>Adds a detection, dropping the oldest added when full.</summary>
    public void Add(long ticks, Engine.RuleMatch detection)
    {
        if (_items.Count < _capacity)
        {
            _items.Add((ticks, detection));
            return;
        }

        _items[_next] = (ticks, detection);
        _next = (_next + 1) % _capacity;
    }

    /// <summary>The detections at or after <paramref name="startTicks"/>, oldest first (arrival order among equal times).</summary>
    public Engine.RuleMatch[] Since(long startTicks)
    {
        var inOrder = _items.Count < _capacity ? _items : [.. _items.Skip(_next), .. _items.Take(_next)];
        return [.. inOrder.Where(i => i.Ticks >= startTicks).OrderBy(static i => i.Ticks).Select(static i => i.Detection)];
    }

    /// <summary>Forgets everything.</summary>
    public void Clear()
    {
        _items.Clear();
        _next = 0;
    }
}
