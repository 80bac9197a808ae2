using System.Diagnostics;
using Vigil.Detection.Engine;
using Vigil.Detection.Routing;
using Vigil.Detection.Rules;
using Vigil.Diagnostics;
using Vigil.Events;
using Vigil.Ingestion;

namespace Vigil.Bench;

/// <summary>
/// Where <c>vigil hunt</c>'s time goes, in processor time per event (steadier than wall time on a shared machine):
/// parsing, the prefilter alone, and the prefilter with rule evaluation, over events held in memory.
/// </summary>
internal static class HuntPartsBenchmark
{
    public static int Run(string[] args)
    {
        var events = int.Parse(Option(args, "--events") ?? "100000", System.Globalization.CultureInfo.InvariantCulture);
        var rounds = int.Parse(Option(args, "--rounds") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
        var sigma = Option(args, "--sigma") ?? BenchPaths.SharedData("sigma");
        var corpus = Option(args, "--corpus") ?? Path.Combine(BenchPaths.Out, "corpus-200000.ndjson");
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        var problems = new ProblemLog();
        string[] folders = ["rules", "rules-emerging-threats", "rules-threat-hunting", "rules-placeholder", "rules-compliance"];
        var rules = RuleSet.Load(folders.Select(f => Path.Combine(sigma, f)), problems);
        var engine = new DetectionEngine(rules, new EngineOptions { Logsources = LogsourceMap.Load(Path.Combine(BenchPaths.Root, "config", "logsources.yml"), problems) }, problems);
        var held = LogFiles.Read(corpus, new ProblemLog()).Take(events).ToList();
        Console.WriteLine($"rules: {engine.RulesLoaded:N0}; events held: {held.Count:N0}");

        // The engine routes by string instance first: this shows how often the reader shares them.
        var routes = held.Select(static e => (Channel: e.Get("Channel"), EventId: e.Get("EventID"))).ToList();
        Console.WriteLine($"channel/EventID: {routes.Distinct().Count():N0} distinct pairs, "
            + $"{routes.Select(static r => r.Channel).Distinct(ReferenceEqualityComparer.Instance).Count():N0} channel and "
            + $"{routes.Select(static r => r.EventId).Distinct(ReferenceEqualityComparer.Instance).Count():N0} EventID string instances");

        var parse = new List<double>();
        var prefilter = new List<double>();
        var full = new List<double>();
        var streamed = new List<double>();
        var batchSize = int.Parse(Option(args, "--batch") ?? BatchedDetection.DefaultBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
        var batched = new List<double>();
        long candidates = 0;
        long detections = 0;
        for (var round = 1; round <= rounds; round++)
        {
            parse.Add(Cpu(() => LogFiles.Read(corpus, new ProblemLog()).Take(events).Count()) / held.Count);
            prefilter.Add(Cpu(() =>
            {
                candidates = 0;
                foreach (var e in held)
                {
                    candidates += engine.CountCandidates(e);
                }
            }) / held.Count);
            var found = new List<RuleMatch>();
            full.Add(Cpu(() =>
            {
                detections = 0;
                foreach (var e in held)
                {
                    engine.Process(e, found);
                    detections += found.Count;
                    found.Clear();
                }
            }) / held.Count);
            streamed.Add(Cpu(() =>
            {
                foreach (var e in LogFiles.Read(corpus, new ProblemLog()).Take(events))
                {
                    engine.Process(e, found);
                    found.Clear();
                }
            }) / held.Count);
            var batches = new BatchedDetection(engine, batchSize);
            batched.Add(Cpu(() => batches.Run(LogFiles.Read(corpus, new ProblemLog()).Take(events), found, static _ => { })) / held.Count);
            Console.WriteLine($"round {round}: parse {parse[^1]:F2} us; prefilter {prefilter[^1]:F2} us; prefilter+eval {full[^1]:F2} us; streamed parse+eval {streamed[^1]:F2} us, in batches of {batchSize} {batched[^1]:F2} us (cpu per event); load {File.ReadAllText("/proc/loadavg").Trim()}");
        }

        var p = Median(parse);
        var f = Median(full);
        Console.WriteLine($"median cpu us/event: parse {p:F2}, prefilter {Median(prefilter):F2}, prefilter+eval {f:F2}; candidates/event {(double)candidates / held.Count:F2}; detections {detections:N0}");
        Console.WriteLine($"estimated ratio with rules / parse only: {p / (p + f):F2}; streamed: {p / Median(streamed):F2}, in batches {p / Median(batched):F2} "
            + $"(rules cost {Median(streamed) - p:F2} us/event streamed, {Median(batched) - p:F2} in batches, {f:F2} on held events)");
        return 0;
    }

    private static double Cpu(Action action)
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        action();
        return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMicroseconds;
    }

    private static double Cpu(Func<int> action) => Cpu(() => { _ = action(); });

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
