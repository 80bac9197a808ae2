using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Vigil.Discovery.Extraction;
using Vigil.Discovery.Recognition;
using Vigil.Discovery.Scanning;

namespace Vigil.Bench.Phi;

/// <summary>
/// <c>vigil scan-phi</c>'s recognisers on the synthetic mailbox, measured the way phi-bench's bench.js measures the npm
/// tools (one call per message, headers and body; MB = 10^6 characters; same span-overlap scoring), on one core, and
/// printed beside bench.js's results for OpenRedaction when given (bench/phi/run.sh runs both).
/// </summary>
internal static class PhiBenchmark
{
    private static readonly (string Name, RecogniserOptions Options)[] Configurations =
    [
        ("default", RecogniserOptions.Default),
        ("uk", RecogniserOptions.Default with { Addresses = false }),
        ("identifiers-only", RecogniserOptions.IdentifiersOnly),
    ];

    public static int Run(string[] args)
    {
        var data = Option(args, "--data") ?? BenchPaths.SharedData("phi/synthetic-mailbox");
        var vocabularyFolder = Option(args, "--vocabulary") ?? BenchPaths.SharedData("phi");
        var rounds = int.Parse(Option(args, "--rounds") ?? "5", CultureInfo.InvariantCulture);
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        var corpus = PhiCorpus.Load(data);
        var clock = Stopwatch.StartNew();
        var vocabulary = PhiVocabulary.Load(vocabularyFolder, static p => Console.Error.WriteLine($"vocabulary: {p}"));
        Console.WriteLine($"vocabulary loaded in {clock.Elapsed.TotalSeconds:F2} s; corpus {corpus.Messages.Count:N0} messages, {corpus.Characters:N0} characters, {corpus.Gold.Count:N0} labelled entities");

        var results = new List<ToolResult>();
        foreach (var (name, options) in Configurations)
        {
            results.Add(Measure($"vigil-{name}", corpus, new PhiRecogniser(vocabulary, options), rounds));
        }

        results.Add(EndToEnd(corpus, vocabulary, Math.Max(1, rounds / 2)));
        foreach (var (option, name) in new[] { ("--openredaction", "openredaction-1.0"), ("--openredaction-uk", "openredaction-1.0-uk") })
        {
            if (Option(args, option) is { } file)
            {
                results.Add(FromHarness(name, file));
            }
        }

        PhiBenchmarkReport.Print(results);
        return 0;
    }

    private static ToolResult Measure(string name, PhiCorpus corpus, PhiRecogniser recogniser, int rounds)
    {
        var matches = new List<PhiMatch>();
        var detections = new List<GoldEntity>();
        foreach (var (start, text) in corpus.Messages)
        {
            matches.Clear();
            recogniser.Scan(text, matches);
            detections.AddRange(matches.Select(m => new GoldEntity(m.Type, start + m.Start, start + m.Start + m.Length)));
        }

        // Warm up for at least three seconds: on one busy core the JIT's background tier-up competes with the loop,
        // and a scan of a real mailbox runs for minutes, so steady state is what counts.
        for (var warm = Stopwatch.StartNew(); warm.Elapsed.TotalSeconds < 3;)
        {
            foreach (var (_, text) in corpus.Messages)
            {
                matches.Clear();
                recogniser.Scan(text, matches);
            }
        }

        var rates = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var (_, text) in corpus.Messages)
            {
                matches.Clear();
                recogniser.Scan(text, matches);
            }

            rates.Add(corpus.Characters / 1e6 / clock.Elapsed.TotalSeconds);
        }

        Console.WriteLine($"{name}: rounds {string.Join(", ", rates.Select(static r => r.ToString("F1", CultureInfo.InvariantCulture)))} MB/s; {detections.Count:N0} detections");
        return new ToolResult(name, Median(rates), PhiScore.Score(corpus.Gold, detections).ToDictionary(static s => s.Key, static s => (s.Value.Precision, s.Value.Recall, s.Value.F1)));
    }

    /// <summary>The whole pipeline on the mbox file: MIME parsing, decoding, recognisers, masking; one thread.</summary>
    private static ToolResult EndToEnd(PhiCorpus corpus, PhiVocabulary vocabulary, int rounds)
    {
        var file = new FileInfo(corpus.Mbox);
        var bytes = (file.LinkTarget is null ? file : (FileInfo)file.ResolveLinkTarget(returnFinalTarget: true)!).Length;
        using var scanner = new PhiScanner(vocabulary, RecogniserOptions.Default, new PhiScannerOptions { Parallelism = 1 });
        var rates = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            long read = 0;
            foreach (var item in new ContentReader(ContentLimits.Default).Read([corpus.Mbox], _ => { }))
            {
                read += item.Parts.Count;
            }

            var reading = clock.Elapsed.TotalSeconds;
            clock.Restart();
            long findings = 0, problems = 0;
            foreach (var item in scanner.Scan(new ContentReader(ContentLimits.Default).Read([corpus.Mbox], _ => problems++)))
            {
                findings += item.Findings.Count;
            }

            if (round > 0)
            {
                rates.Add(bytes / 1e6 / clock.Elapsed.TotalSeconds);
                Console.WriteLine($"vigil end to end ({Path.GetFileName(corpus.Mbox)}, {bytes:N0} bytes): {rates[^1]:F1} MB/s, {findings:N0} findings, {problems:N0} problems; reading alone (MIME, decoding; {read:N0} parts) {bytes / 1e6 / reading:F1} MB/s");
            }
        }

        return new ToolResult("vigil-end-to-end", Median(rates), new Dictionary<string, (double, double, double)>());
    }

    private static ToolResult FromHarness(string name, string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var root = doc.RootElement;
        var types = new Dictionary<string, (double, double, double)>(StringComparer.Ordinal);
        foreach (var t in root.GetProperty("perType").EnumerateObject())
        {
            var score = new TypeScore
            {
                TruePositives = t.Value.GetProperty("tp").GetInt32(),
                FalsePositives = t.Value.GetProperty("fp").GetInt32(),
                FalseNegatives = t.Value.GetProperty("fn").GetInt32(),
            };
            types[t.Name] = (score.Precision, score.Recall, score.F1);
        }

        return new ToolResult(name, root.GetProperty("MBps").GetDouble(), types);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
