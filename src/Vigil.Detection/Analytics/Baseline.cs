namespace Vigil.Detection.Analytics;

/// <summary>The "far above normal" bound of a series of counts: mean + k standard deviations.</summary>
internal static class Baseline
{
    /// <summary>
    /// <c>mean + k·sd</c> over <paramref name="counts"/>, the deviation floored at √mean (counts of events vary at
    /// least that much, so a very regular history does not make a small rise look huge); null when there are fewer
    /// than <paramref name="minimum"/> counts.
    /// </summary>
    public static double? UpperBound(IReadOnlyCollection<long> counts, int minimum, double k)
    {
        if (counts.Count < minimum || counts.Count == 0)
        {
            return null;
        }

        var mean = counts.Average();
        var variance = counts.Sum(c => (c - mean) * (c - mean)) / counts.Count;
        return mean + (k * Math.Max(Math.Sqrt(variance), Math.Sqrt(mean)));
    }
}
