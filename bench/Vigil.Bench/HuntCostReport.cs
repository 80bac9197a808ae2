using Vigil.Detection.Engine;
using Vigil.Detection.Prefilter;
using Vigil.Events;

namespace Vigil.Bench;

/// <summary>
/// Counts behind the prefilter's and evaluation's time, over events held in memory: how many rule hits (payloads) the
/// prefilter delivers per value of each field and which rules' literals deliver most of them, and the processor time
/// of each rule that runs on every event of its bucket.
/// </summary>
internal static class HuntCostReport
{
    // Each rule runs this many times on each event, so that the first (cold) call weighs little.
    private const int Repeat = 10;

    public static void Hits(List<LogEvent> held, Bucket[] buckets)
    {
        var sinks = buckets.Distinct().ToDictionary(static b => b, static b => new CandidateSet(new byte[b.Count]));
        var byField = new Dictionary<int, (long Values, long Payloads)>();
        var byRule = new Dictionary<(int Field, string Rule), long>();
        for (var n = 0; n < held.Count; n++)
        {
            var e = held[n];
            var b = buckets[n];
            var sink = sinks[b];
            sink.Clear();
            for (var i = 0; i < e.Count; i++)
            {
                if (e.ValueAt(i) is not { } v || b.IndexFor(e.IdAt(i)) is not { } index)
                {
                    continue;
                }

                sink.StartRecording();
                index.Scan(v, sink);
                var recorded = sink.StopRecording();
                var (values, payloads) = byField.GetValueOrDefault(e.IdAt(i));
                byField[e.IdAt(i)] = (values + 1, payloads + recorded.Length);
                foreach (var p in recorded)
                {
                    var rule = b.RuleAt(p >> 2);
                    var group = rule.Required!.Groups[p & 3];
                    var key = (e.IdAt(i), $"{Path.GetFileNameWithoutExtension(rule.Info.File)}#{p & 3} (shortest {group.Shortest}, {group.Atoms.Count} literals: {string.Join(" | ", group.Atoms.Select(static a => a.Literal).Order().Take(4))})");
                    byRule[key] = byRule.GetValueOrDefault(key) + 1;
                }
            }
        }

        // The substring literals shorter than a gram of the busiest bucket's command lines: each is probed wherever its
        // last character stands.
        var busiest = buckets.GroupBy(static b => b).MaxBy(static g => g.Count())!.Key;
        var commandLine = FieldNames.Find("CommandLine");
        var shorts = Enumerable.Range(0, busiest.Count).Select(busiest.RuleAt)
            .SelectMany(static r => r.Required?.Groups.SelectMany(static g => g.Atoms) ?? [])
            .Where(a => a.Field == commandLine && a.Kind == AtomKind.Substring && a.Literal.Length < GramScanner.Q)
            .Select(static a => a.Literal).Distinct().Order().ToList();
        Console.WriteLine($"short CommandLine substrings ({shorts.Count}): {string.Join(" | ", shorts.Select(static l => "'" + l + "'"))}");

        foreach (var (field, (values, payloads)) in byField.OrderByDescending(static kv => kv.Value.Payloads).Take(3))
        {
            Console.WriteLine($"hits {FieldNames.NameOf(field),-20} {payloads / (double)held.Count,7:F2} per event, {payloads / (double)values,6:F2} per value");
            foreach (var ((_, rule), count) in byRule.Where(kv => kv.Key.Field == field).OrderByDescending(static kv => kv.Value).Take(30))
            {
                Console.WriteLine($"    {count,8:N0}  {rule}");
            }
        }
    }

    public static void Always(List<LogEvent> held, Bucket[] buckets, int rounds)
    {
        foreach (var group in buckets.Select(static (b, n) => (b, n)).GroupBy(static x => x.b))
        {
            var events = group.Select(x => held[x.n]).ToArray();
            // Each event is brought into the cache by a first call, then the rule is timed on the warm event, less a
            // pass that only warms: as in the engine, where the prefilter has just read the event.
            double Pass(Vigil.Detection.Matching.Matcher? rule, out int matched)
            {
                var best = double.MaxValue;
                var found = 0;
                for (var r = 0; r < rounds; r++)
                {
                    best = Math.Min(best, HeldEvents.Cpu(() =>
                    {
                        found = 0;
                        foreach (var e in events)
                        {
                            found += Warm(e);
                            for (var k = 0; rule is not null && k < Repeat; k++)
                            {
                                found += rule.Matches(e) ? 1 : 0;
                            }
                        }
                    }) / events.Length);
                }

                matched = found;
                return best;
            }

            var warm = Pass(null, out var touched);
            foreach (var rule in group.Key.Always)
            {
                var us = (Pass(rule.Matcher, out var matched) - warm) / Repeat;
                Console.WriteLine($"always {Path.GetFileNameWithoutExtension(rule.Info.File),-60} {us,7:F3} us per event of its bucket ({events.Length:N0} events, {(matched - touched) / Repeat:N0} matched)");
            }
        }
    }

    private static int Warm(LogEvent e)
    {
        var sum = 0;
        for (var i = 0; i < e.Count; i++)
        {
            // Reads every character, as the prefilter's scans do.
            sum += e.ValueAt(i) is { } v ? v.AsSpan().IndexOf('\uFFFF') : 0;
        }

        return sum;
    }
}
