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
    private int[] _recorded = new int[16];
    private int _recordedCount;
    private bool _recording;

    /// <param name="fullMasks">Per rule, the bit mask of its groups (0 for a rule without requirement).</param>
    public CandidateSet(byte[] fullMasks)
    {
        _full = fullMasks;
        _stamp = new int[fullMasks.Length];
        _seen = new byte[fullMasks.Length];
    }

    public List<int> Items => _items;

    public static int Payload(int rule, int group) => (rule << 2) | group;

    public void Clear()
    {
        _items.Clear();
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

    /// <summary>Starts keeping a copy of every hit, for <see cref="MemoizedScan"/> to replay later.</summary>
    public void StartRecording()
    {
        _recording = true;
        _recordedCount = 0;
    }

    /// <summary>The hits since <see cref="StartRecording"/> (valid until the next recording).</summary>
    public ReadOnlySpan<int> StopRecording()
    {
        _recording = false;
        return _recorded.AsSpan(0, _recordedCount);
    }

    /// <summary>Records that one group of a rule's requirement occurred.</summary>
    public void Hit(int payload)
    {
        if (_recording)
        {
            Record(payload);
        }

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

    private void Record(int payload)
    {
        if (_recordedCount == _recorded.Length)
        {
            Array.Resize(ref _recorded, _recorded.Length * 2);
        }

        _recorded[_recordedCount++] = payload;
    }
}
