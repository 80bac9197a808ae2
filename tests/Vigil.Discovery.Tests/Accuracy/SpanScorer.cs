namespace Vigil.Discovery.Tests.Accuracy;

/// <summary>
/// Span-overlap scoring: a gold span is found when a predicted span of the same type in the same document overlaps
/// it (recall); a predicted span is correct when it overlaps a gold span of the same type (precision).
/// </summary>
internal static class SpanScorer
{
    public static TypeScore Score(string type, IReadOnlyList<LabelledSpan> gold, IReadOnlyList<LabelledSpan> predicted)
    {
        var g = gold.Where(x => x.Type == type).ToList();
        var p = predicted.Where(x => x.Type == type).ToList();
        var goldByDoc = g.ToLookup(x => x.Document);
        var predByDoc = p.ToLookup(x => x.Document);
        var found = g.Count(x => predByDoc[x.Document].Any(y => Overlaps(x, y)));
        var correct = p.Count(y => goldByDoc[y.Document].Any(x => Overlaps(x, y)));
        return new TypeScore(type, g.Count, p.Count, found, correct);
    }

    public static bool Overlaps(LabelledSpan a, LabelledSpan b) => a.Start < b.End && b.Start < a.End;
}
