namespace Vigil.Detection.Prefilter;

/// <summary>
/// The rules (by index) that the prefilter lets through for one event, each once: a rule enters when every group of
/// its <see cref="Requirement"/> has been hit. Hits arrive as payloads <c>rule * 4 + group</c>.
/// </summary>
internal sealed class CandidateSet
{
    private readonly int[] _stamp;
    private readonly byte[] _seen;
    private readonly byte[] _full;
    private readonly List<int> _items = new(64);
    private int _generation;

    /// <param name="fullMasks">Per rule, the bit mask of its groups (0 for a rule without requirement).</param>
    public CandidateSet(byte[] fullMasks)
    {
        _full = fullMasks;
        _stamp = new int[fullMasks.Length];
        _seen = new byte[fullMasks.Length];
    }

    public List<int> Items => _items;

    /// <summary>
    /// Which event the set is collecting for: a new number at every <see cref="Clear"/>, never reused (64 bits do not
    /// wrap), so that a <see cref="GramScanner"/> can tell a literal already reported for this event without being
    /// reset itself, which would touch every scanner of the bucket for each event.
    /// </summary>
    public long Event { get; private set; } = 1;

    public static int Payload(int rule, int group) => (rule << 2) | group;

    public void Clear()
    {
        _items.Clear();
        Event++;
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            _generation = 1;
        }
    }

    /// <summary>Lets a rule through unconditionally.</summary>
    public void Add(int rule)
    {
        _stamp[rule] = _generation;
        _seen[rule] = _full[rule];
        _items.Add(rule);
    }

    /// <summary>Records that one group of a rule's requirement occurred.</summary>
    public void Hit(int payload)
    {
        var rule = payload >> 2;
        var bit = (byte)(1 << (payload & 3));
        if (_stamp[rule] != _generation)
        {
            _stamp[rule] = _generation;
            _seen[rule] = 0;
        }

        var seen = _seen[rule];
        if ((seen & bit) == 0)
        {
            seen |= bit;
            _seen[rule] = seen;
            if (seen == _full[rule])
            {
                _items.Add(rule);
            }
        }
    }
}
