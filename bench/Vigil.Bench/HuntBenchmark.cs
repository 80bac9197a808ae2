using System.Diagnostics;
using Vigil.Detection.Engine;
using Vigil.Detection.Routing;
using Vigil.Detection.Rules;
using Vigil.Diagnostics;
using Vigil.Ingestion;

namespace Vigil.Bench;

/// <summary>
/// Throughput of <c>vigil hunt</c>'s pipeline on one core: reading and parsing the corpus alone (the baseline), and
/// reading, parsing and running every active SigmaHQ rule, alternated in the same run.
/// </summary>
internal static class HuntBenchmark
{
    public static int Run(string[] args)
    {
        var events = int.Parse(Option(args, "--events") ?? "1000000", System.Globalization.CultureInfo.InvariantCulture);
        var rounds = int.Parse(Option(args, "--rounds") ?? "3", System.Globalization.CultureInfo.InvariantCulture);
        var sigma = Option(args, "--sigma") ?? BenchPaths.SharedData("sigma");
        var corpus = Option(args, "--corpus") ?? Path.Combine(BenchPaths.Out, $"corpus-{events}.ndjson");
        var batchSize = int.Parse(Option(args, "--batch") ?? BatchedDetection.DefaultBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
        var compareBatch = Option(args, "--compare-batch") is { } other ? int.Parse(other, System.Globalization.CultureInfo.InvariantCulture) : 0;

        // One core, as the target says.
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }
        if (!File.Exists(corpus))
        {
            Console.WriteLine($"generating {events:N0} events into {corpus}");
            CorpusGenerator.Write(corpus + ".part", events);
            File.Move(corpus + ".part", corpus);
        }

        var bytes = new FileInfo(corpus).Length;
        var problems = new ProblemLog();
        var clock = Stopwatch.StartNew();
        string[] folders = ["rules", "rules-emerging-threats", "rules-threat-hunting", "rules-placeholder", "rules-compliance"];
        var rules = RuleSet.Load(folders.Select(f => Path.Combine(sigma, f)), problems);
        Console.WriteLine($"parsed rules: managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1e6:F0} MB");
        var engine = new DetectionEngine(rules, new EngineOptions { Logsources = LogsourceMap.Load(Path.Combine(BenchPaths.Root, "config", "logsources.yml"), problems) }, problems);
        Console.WriteLine($"rules: {engine.RulesLoaded:N0} loaded, {problems.Problems.Count:N0} skipped, in {clock.Elapsed.TotalSeconds:F1} s; managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1e6:F0} MB");
        Console.WriteLine($"corpus: {events:N0} events, {bytes / 1e6:F0} MB");

        var parse = new List<double>();
        var hunt = new List<double>();
        var parseCpu = new List<double>();
        var huntCpu = new List<double>();
        long detections = 0;
        for (var round = 1; round <= rounds; round++)
        {
            var before = GcFigures.Now();
            parse.Add(Measure(corpus, null, batchSize, out _, out var cpu));
            parseCpu.Add(cpu);
            var middle = GcFigures.Now();
            hunt.Add(Measure(corpus, engine, batchSize, out detections, out cpu));
            huntCpu.Add(cpu);
            var after = GcFigures.Now();
            Console.WriteLine($"round {round} (batches of {batchSize}): parse only {parse[^1]:N0} events/s; with rules {hunt[^1]:N0} events/s; "
                + $"processor time parse only {parseCpu[^1]:N0} events/s, with rules {huntCpu[^1]:N0} events/s (ratio {huntCpu[^1] / parseCpu[^1]:F2}); "
                + $"managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1e6:F0} MB; load {File.ReadAllText("/proc/loadavg").Trim()}");
            Console.WriteLine($"  parse only: {(middle - before).Describe(events)}; with rules: {(after - middle).Describe(events)}");
            if (compareBatch > 0)
            {
                // The same rules pass in batches of another size, for an A/B in the same run (batch 1 = event by event).
                Measure(corpus, engine, compareBatch, out var compared, out var compareCpu);
                Console.WriteLine($"  with rules in batches of {compareBatch} (not {batchSize}): processor time {compareCpu:N0} events/s (ratio {compareCpu / parseCpu[^1]:F2}), {compared:N0} detections");
            }
        }

        var p = Median(parse);
        var h = Median(hunt);
        var seconds = events / p;
        Console.WriteLine();
        Console.WriteLine($"parse only:  {p,12:N0} events/s  {bytes / seconds / 1e6,8:F1} MB/s");
        Console.WriteLine($"with rules:  {h,12:N0} events/s  {bytes / (events / h) / 1e6,8:F1} MB/s  ({detections:N0} detections)");
        Console.WriteLine($"ratio with rules / parse only: {h / p:F2} (target >= 0.5); target >= 100,000 events/s with rules: {(h >= 100_000 ? "met" : "NOT met")}");
        // Processor time counts only this process's own work, so it stays meaningful on a machine shared with others.
        var pc = Median(parseCpu);
        var hc = Median(huntCpu);
        Console.WriteLine($"by processor time: parse only {pc:N0} events/s, with rules {hc:N0} events/s, ratio {hc / pc:F2} (rounds {string.Join(" / ", huntCpu.Zip(parseCpu, static (h, p) => (h / p).ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))})");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB for a {bytes / 1e6:F0} MB input");
        return 0;
    }

    private static double Measure(string corpus, DetectionEngine? engine, int batchSize, out long detections, out double cpuRate)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var problems = new ProblemLog();
        long count = 0;
        long found = 0;
        var clock = Stopwatch.StartNew();
        if (engine is null)
        {
            foreach (var e in LogFiles.Read(corpus, problems))
            {
                count++;
            }
        }
        else
        {
            // As vigil hunt runs the rules: a batch of events read, then the batch detected on.
            count = new BatchedDetection(engine, batchSize).Run(LogFiles.Read(corpus, problems), [], d => found += d.Count);
        }

        detections = found;
        cpuRate = count / (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        return count / clock.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
