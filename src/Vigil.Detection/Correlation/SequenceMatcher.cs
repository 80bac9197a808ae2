namespace Vigil.Detection.Correlation;

/// <summary>
/// Tracks how far a group has got through a <c>temporal_ordered</c> sequence of rules, in O(rules) memory.
/// </summary>
/// <remarks>
/// For each prefix length j it keeps one partial match of rules 0..j-1 in order: the one that started latest, since a
/// later start leaves the most room in the window to complete. A detection of rule j extends the prefix of length j
/// when it is not older than that prefix's last detection (equal times count as in order, by arrival). A late
/// detection can extend partial matches but is never slotted before detections already seen.
/// </remarks>
internal sealed class SequenceMatcher
{
    private readonly Partial?[] _partials;

    /// <summary>Creates a matcher for a sequence of <paramref name="length"/> rules.</summary>
    public SequenceMatcher(int length) => _partials = new Partial?[length + 1];

    /// <summary>The longest prefix matched so far (0 when none).</summary>
    public int Longest
    {
        get
        {
            for (var j = _partials.Length - 1; j > 0; j--)
            {
                if (_partials[j] is not null)
                {
                    return j;
                }
            }

            return 0;
        }
    }

    /// <summary>Feeds a detection of the rule at <paramref name="position"/> in the sequence.</summary>
    public void Add(int position, long ticks, Engine.RuleMatch detection)
    {
        Partial? candidate = position == 0
            ? new Partial(ticks, ticks, new Link(detection, null))
            : _partials[position] is { } prefix && prefix.LastTicks <= ticks
                ? new Partial(prefix.StartTicks, ticks, new Link(detection, prefix.Chain))
                : null;
        if (candidate is not null && (_partials[position + 1] is not { } current || candidate.StartTicks > current.StartTicks))
        {
            _partials[position + 1] = candidate;
        }
    }

    /// <summary>Forgets partial matches that started before <paramref name="startTicks"/>.</summary>
    public void Prune(long startTicks)
    {
        for (var j = 1; j < _partials.Length; j++)
        {
            if (_partials[j] is { } partial && partial.StartTicks < startTicks)
            {
                _partials[j] = null;
            }
        }
    }

    /// <summary>The detections of the partial match of <paramref name="length"/> rules, oldest first.</summary>
    public Engine.RuleMatch[] Joined(int length)
    {
        var joined = new List<Engine.RuleMatch>();
        for (var link = _partials[length]?.Chain; link is not null; link = link.Previous)
        {
            joined.Add(link.Detection);
        }

        joined.Reverse();
        return [.. joined];
    }

    /// <summary>Forgets every partial match.</summary>
    public void Clear() => Array.Clear(_partials);

    private sealed record Partial(long StartTicks, long LastTicks, Link Chain);

    private sealed record Link(Engine.RuleMatch Detection, Link? Previous);
}
