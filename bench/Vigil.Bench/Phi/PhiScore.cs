namespace Vigil.Bench.Phi;

/// <summary>
/// Span-overlap scoring exactly as phi-bench's bench.js does it: a gold entity is found when any detection of its
/// type overlaps it; a detection is a false positive when it overlaps no gold entity of its type. Detections of
/// types the truth does not label are ignored (the harness does the same for the other tools' unmapped types).
/// </summary>
internal static class PhiScore
{
    public static Dictionary<string, TypeScore> Score(IReadOnlyList<GoldEntity> gold, List<GoldEntity> detections)
    {
        var labelled = gold.Select(static g => g.Type).ToHashSet(StringComparer.Ordinal);
        var scores = new Dictionary<string, TypeScore>(StringComparer.Ordinal);
        TypeScore Of(string type) => scores.TryGetValue(type, out var s) ? s : scores[type] = new TypeScore();
        var byStart = detections.OrderBy(static d => d.Start).ToList();
        var goldByStart = gold.OrderBy(static g => g.Start).ToList();
        foreach (var g in gold)
        {
            if (Overlapping(byStart, g).Any(d => d.Type == g.Type))
            {
                Of(g.Type).TruePositives++;
            }
            else
            {
                Of(g.Type).FalseNegatives++;
            }
        }

        foreach (var d in byStart.Where(d => labelled.Contains(d.Type)))
        {
            if (!Overlapping(goldByStart, d).Any(g => g.Type == d.Type))
            {
                Of(d.Type).FalsePositives++;
            }
        }

        return scores;
    }

    /// <summary>Spans overlapping <paramref name="span"/> in a list sorted by start (none is longer than 200 characters).</summary>
    private static IEnumerable<GoldEntity> Overlapping(List<GoldEntity> sorted, GoldEntity span)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (sorted[mid].Start < span.Start - 200)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < sorted.Count && sorted[i].Start < span.End; i++)
        {
            if (sorted[i].Start < span.End && span.Start < sorted[i].End)
            {
                yield return sorted[i];
            }
        }
    }
}
