namespace Vigil.Discovery.Tests.Accuracy;

/// <summary>
/// The PhysioNet deid package's own way of scoring (its <c>stat.pm</c>, run by <c>runStat.pl</c>, as described in
/// its comments and code; reimplemented here, not copied): category-blind, every gold PHI instance of
/// <c>id.deid</c> (1,779, ages and "other" included) against every reported location; start and end positions are
/// compared as closed intervals, so spans that only touch count as overlapping. A gold instance is a true positive
/// when any reported span in the same note overlaps it (sensitivity = TP / gold); a reported span is a false positive
/// when it overlaps no gold instance (PPV = (reported - FP) / reported).
/// </summary>
internal static class DeidStyleScorer
{
    public static TypeScore Score(IReadOnlyList<LabelledSpan> gold, IReadOnlyList<LabelledSpan> predicted)
    {
        var goldByDoc = gold.ToLookup(x => x.Document);
        var predByDoc = predicted.ToLookup(x => x.Document);
        var found = gold.Count(x => predByDoc[x.Document].Any(y => Touches(x, y)));
        var correct = predicted.Count(y => goldByDoc[y.Document].Any(x => Touches(x, y)));
        return new TypeScore("deid-style", gold.Count, predicted.Count, found, correct);
    }

    private static bool Touches(LabelledSpan a, LabelledSpan b) => a.Start <= b.End && b.Start <= a.End;
}
