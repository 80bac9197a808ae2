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

        if (Option(args, "--dump") is { } dump)
        {
            Dump(corpus, new PhiRecogniser(vocabulary, RecogniserOptions.Default), dump);
            return 0;
        }

        var recognisers = Configurations.Select(c => ($"vigil-{c.Name}", new PhiRecogniser(vocabulary, c.Options))).ToList();
        var results = MeasureInterleaved(corpus, recognisers, rounds);
        if (!args.Contains("--no-end-to-end"))
        {
            results.Add(EndToEnd(corpus, vocabulary, Math.Max(1, rounds / 2)));
        }
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

    /// <summary>
    /// Scores each configuration once, warms each up, then times them round-robin (round 1 of every configuration,
    /// then round 2...), so a load spike from other processes hits all configurations alike and their ratio holds.
    /// </summary>
    private static List<ToolResult> MeasureInterleaved(PhiCorpus corpus, List<(string Name, PhiRecogniser Recogniser)> recognisers, int rounds)
    {
        var matches = new List<PhiMatch>();
        var scores = new List<(int Detections, Dictionary<string, (double, double, double)> Types)>();
        foreach (var (_, recogniser) in recognisers)
        {
            var detections = new List<GoldEntity>();
            foreach (var (start, text) in corpus.Messages)
            {
                matches.Clear();
                recogniser.Scan(text, matches);
                detections.AddRange(matches.Select(m => new GoldEntity(m.Type, start + m.Start, start + m.Start + m.Length)));
            }

            scores.Add((detections.Count, PhiScore.Score(corpus.Gold, detections).ToDictionary(static s => s.Key, static s => (s.Value.Precision, s.Value.Recall, s.Value.F1))));
        }

        // Warm up for at least three seconds: on one busy core the JIT's background tier-up competes with the loop,
        // and a scan of a real mailbox runs for minutes, so steady state is what counts.
        for (var warm = Stopwatch.StartNew(); warm.Elapsed.TotalSeconds < 3;)
        {
            foreach (var (_, recogniser) in recognisers)
            {
                ScanAll(corpus, recogniser, matches);
            }
        }

        var rates = recognisers.Select(static _ => new List<double>()).ToList();
        var cpuRates = recognisers.Select(static _ => new List<double>()).ToList();
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < recognisers.Count; k++)
            {
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                ScanAll(corpus, recognisers[k].Recogniser, matches);
                rates[k].Add(corpus.Characters / 1e6 / clock.Elapsed.TotalSeconds);
                process.Refresh();
                cpuRates[k].Add(corpus.Characters / 1e6 / (process.TotalProcessorTime - cpu).TotalSeconds);
            }
        }

        var results = new List<ToolResult>();
        for (var k = 0; k < recognisers.Count; k++)
        {
            Console.WriteLine($"{recognisers[k].Name}: rounds {string.Join(", ", rates[k].Select(static r => r.ToString("F1", CultureInfo.InvariantCulture)))} MB/s (per CPU-second: median {Median(cpuRates[k]):F1}); {scores[k].Detections:N0} detections");
            results.Add(new ToolResult(recognisers[k].Name, Median(rates[k]), scores[k].Types));
        }

        if (recognisers.Count > 1)
        {
            var ratios = Enumerable.Range(0, rounds).Select(r => rates[0][r] / rates[1][r]).ToList();
            var cpuRatios = Enumerable.Range(0, rounds).Select(r => cpuRates[0][r] / cpuRates[1][r]).ToList();
            Console.WriteLine($"ratio {recognisers[0].Name} / {recognisers[1].Name} per round: {string.Join(", ", ratios.Select(static r => r.ToString("F2", CultureInfo.InvariantCulture)))} (median {Median(ratios):F2}; per CPU-second {Median(cpuRatios):F2})");
        }

        return results;
    }

    /// <summary>Every match of the default configuration, one line each: a before/after check for recogniser changes.</summary>
    private static void Dump(PhiCorpus corpus, PhiRecogniser recogniser, string file)
    {
        using var writer = new StreamWriter(file);
        var matches = new List<PhiMatch>();
        for (var k = 0; k < corpus.Messages.Count; k++)
        {
            matches.Clear();
            recogniser.Scan(corpus.Messages[k].Text, matches);
            foreach (var m in matches)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{k}\t{m.Type}\t{m.Start}\t{m.Length}\t{m.Confidence:F2}\t{m.Evidence}"));
            }
        }

        Console.WriteLine($"wrote {file}");
    }

    private static void ScanAll(PhiCorpus corpus, PhiRecogniser recogniser, List<PhiMatch> matches)
    {
        foreach (var (_, text) in corpus.Messages)
        {
            matches.Clear();
            recogniser.Scan(text, matches);
        }
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
