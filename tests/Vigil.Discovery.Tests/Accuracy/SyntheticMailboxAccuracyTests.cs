using System.Diagnostics;
using Vigil.Discovery.Recognition;
using Xunit.Abstractions;

namespace Vigil.Discovery.Tests.Accuracy;

public sealed class SyntheticMailboxAccuracyTests(ITestOutputHelper output)
{
    public static readonly TheoryData<string, double, double> Thresholds = new()
    {
        { PhiTypes.UkNhs, 0.98, 0.95 },
        { PhiTypes.ScotChi, 0.98, 0.95 },
        { PhiTypes.UkNino, 0.98, 0.95 },
        { PhiTypes.Email, 0.98, 0.95 },
        { PhiTypes.UkPhone, 0.98, 0.95 },
        { PhiTypes.UkPostcode, 0.98, 0.95 },
        { PhiTypes.DateOfBirth, 0.98, 0.95 },
        { PhiTypes.Icd10, 0.98, 0.95 },
        { PhiTypes.Person, 0.90, 0.90 },
    };

    [Theory]
    [MemberData(nameof(Thresholds))]
    public void Synthetic_mailbox_meets_the_issue_thresholds(string type, double minRecall, double minPrecision)
    {
        var score = SpanScorer.Score(type, SyntheticMailbox.Instance.Gold, Predictions.Value);
        output.WriteLine(score.ToString());
        Assert.True(score.Recall >= minRecall, $"{type} recall {score.Recall:0.000} < {minRecall}");
        Assert.True(score.Precision >= minPrecision, $"{type} precision {score.Precision:0.000} < {minPrecision}");
    }

    [Fact]
    public void Synthetic_mailbox_table_and_throughput_are_printed()
    {
        var mailbox = SyntheticMailbox.Instance;
        var texts = mailbox.MessageTexts();
        var recogniser = new PhiRecogniser(PhiData.Vocabulary, RecogniserOptions.Default);
        var results = new List<PhiMatch>();
        foreach (var t in texts.Take(300))
        {
            recogniser.Scan(t, results);
        }

        var chars = texts.Sum(t => (long)t.Length);
        var best = double.MaxValue;
        for (var run = 0; run < 2; run++)
        {
            var watch = Stopwatch.StartNew();
            foreach (var t in texts)
            {
                results.Clear();
                recogniser.Scan(t, results);
            }

            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        output.WriteLine($"throughput: {chars / 1e6 / best:0.0} MB/s ({chars:N0} chars, {texts.Length} messages, best of 2, wall clock, one thread, other tests running)");
        foreach (var type in Predictions.Value.Select(p => p.Type).Concat(mailbox.Gold.Select(g => g.Type)).Distinct().Order())
        {
            output.WriteLine(SpanScorer.Score(type, mailbox.Gold, Predictions.Value).ToString());
        }

        Assert.True(chars > 10_000_000, "corpus smaller than expected");
    }

    private static readonly Lazy<List<LabelledSpan>> Predictions = new(() =>
    {
        var recogniser = new PhiRecogniser(PhiData.Vocabulary, RecogniserOptions.Default);
        var texts = SyntheticMailbox.Instance.MessageTexts();
        var predicted = new List<LabelledSpan>();
        var results = new List<PhiMatch>();
        for (var i = 0; i < texts.Length; i++)
        {
            results.Clear();
            recogniser.Scan(texts[i], results);
            predicted.AddRange(results.Select(r => new LabelledSpan(r.Type, i, r.Start, r.Start + r.Length)));
        }

        return predicted;
    });
}
