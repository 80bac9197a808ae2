namespace Vigil.Detection.Analytics;

/// <summary>Counts events an analytic could not evaluate, by a short reason (never a value from the event).</summary>
internal sealed class UnevaluatedTally
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <summary>The counts by reason.</summary>
    public IReadOnlyDictionary<string, long> Counts => _counts;

    /// <summary>Counts one event under <paramref name="reason"/>.</summary>
    public void Add(string reason) => _counts[reason] = _counts.GetValueOrDefault(reason) + 1;
}
