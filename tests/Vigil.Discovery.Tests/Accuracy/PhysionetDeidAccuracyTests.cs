using Vigil.Discovery.Recognition;
using Xunit.Abstractions;

namespace Vigil.Discovery.Tests.Accuracy;

public sealed class PhysionetDeidAccuracyTests(ITestOutputHelper output)
{
    /// <summary>Published deid.pl baseline on this corpus (PhysioNet deid page): recall 0.967, precision 0.748.</summary>
    private const double BaselineRecall = 0.967;
    private const double BaselinePrecision = 0.748;

    internal static RecogniserOptions DeidOptions => RecogniserOptions.UsClinicalNotes;

    internal static PhiVocabulary DeidVocabulary => PhysionetDeid.ListVocabulary;

    [Fact]
    public void Physionet_deid_names_dates_phones_and_locations_are_scored_against_the_gold_standard()
    {
        var corpus = PhysionetDeid.Instance;
        var recogniser = new PhiRecogniser(DeidVocabulary, DeidOptions);
        var predicted = new List<LabelledSpan>();
        var results = new List<PhiMatch>();
        for (var i = 0; i < corpus.Notes.Count; i++)
        {
            results.Clear();
            recogniser.Scan(corpus.Notes[i], results);
            predicted.AddRange(results
                .Where(r => PhysionetDeid.GroupOf(r.Type) is not null)
                .Select(r => new LabelledSpan(PhysionetDeid.GroupOf(r.Type)!, i, r.Start, r.Start + r.Length)));
        }

        var scores = new[] { "names", "dates", "phones", "locations" }
            .ToDictionary(g => g, g => SpanScorer.Score(g, corpus.Gold, predicted));
        foreach (var score in scores.Values)
        {
            output.WriteLine(score.ToString());
        }

        var pooledGold = corpus.Gold.Select(g => g with { Type = "phi" }).ToList();
        var pooledPredicted = predicted.Select(p => p with { Type = "phi" }).ToList();
        var pooled = SpanScorer.Score("phi", pooledGold, pooledPredicted);
        output.WriteLine(pooled.ToString());
        output.WriteLine($"deid.pl baseline (published): recall {BaselineRecall:0.000} precision {BaselinePrecision:0.000}");

        // Floors: the figures measured when this test was last changed (docs/accuracy.md), minus a small margin.
        Assert.True(scores["dates"].Recall >= MeasuredFloor.DatesRecall, $"dates recall {scores["dates"].Recall:0.000}");
        Assert.True(scores["dates"].Precision >= MeasuredFloor.DatesPrecision, $"dates precision {scores["dates"].Precision:0.000}");
        Assert.True(scores["names"].Recall >= MeasuredFloor.NamesRecall, $"names recall {scores["names"].Recall:0.000}");
        Assert.True(scores["names"].Precision >= MeasuredFloor.NamesPrecision, $"names precision {scores["names"].Precision:0.000}");
        Assert.True(scores["phones"].Recall >= MeasuredFloor.PhonesRecall, $"phones recall {scores["phones"].Recall:0.000}");
        Assert.True(scores["phones"].Precision >= MeasuredFloor.PhonesPrecision, $"phones precision {scores["phones"].Precision:0.000}");
        Assert.True(scores["locations"].Recall >= MeasuredFloor.LocationsRecall, $"locations recall {scores["locations"].Recall:0.000}");
        Assert.True(scores["locations"].Precision >= MeasuredFloor.LocationsPrecision, $"locations precision {scores["locations"].Precision:0.000}");
        Assert.True(pooled.Recall >= MeasuredFloor.PooledRecall, $"pooled recall {pooled.Recall:0.000}");
        Assert.True(pooled.Precision >= MeasuredFloor.PooledPrecision, $"pooled precision {pooled.Precision:0.000}");
        Assert.True(pooled.Precision > BaselinePrecision, $"pooled precision {pooled.Precision:0.000} vs the deid.pl baseline {BaselinePrecision}");
    }

    /// <summary>RecogniserOptions.UsClinicalNotes with the deid dictionaries as --word-list files (patient names left out).</summary>
    private static class MeasuredFloor
    {
        public const double DatesRecall = 0.91;        // measured 0.947
        public const double DatesPrecision = 0.86;     // measured 0.888
        public const double NamesRecall = 0.92;        // measured 0.951
        public const double NamesPrecision = 0.87;     // measured 0.902
        public const double PhonesRecall = 0.85;       // measured 0.887
        public const double PhonesPrecision = 0.95;    // measured 1.000
        public const double LocationsRecall = 0.89;    // measured 0.918
        public const double LocationsPrecision = 0.92; // measured 0.956
        public const double PooledRecall = 0.91;       // measured 0.942
        public const double PooledPrecision = 0.88;    // measured 0.911
    }
}
