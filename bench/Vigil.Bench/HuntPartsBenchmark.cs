using Vigil.Detection.Engine;
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
        var loaded = HeldEvents.Load(args, defaultRounds: 5);
        var (engine, held, rounds, corpus) = (loaded.Engine, loaded.Events, loaded.Rounds, loaded.Corpus);
        var events = held.Count;
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
        var batchSize = int.Parse(HeldEvents.Option(args, "--batch") ?? BatchedDetection.DefaultBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
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

    private static double Cpu(Action action) => HeldEvents.Cpu(action);

    private static double Cpu(Func<int> action) => HeldEvents.Cpu(() => { _ = action(); });

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
