using System.Reflection;
using Vigil.Detection.Engine;
using Vigil.Detection.Prefilter;
using Vigil.Events;

namespace Vigil.Bench;

/// <summary>
/// Where the prefilter's time goes, over events held in memory: processor time per event spent on each field's
/// index and on the keyword (any-field) index, how often each field's values repeat, which rules run on every event of
/// their bucket, and which rules pass the prefilter without matching.
/// </summary>
internal static class PrefilterStatsBenchmark
{
    public static int Run(string[] args)
    {
        var (engine, held, rounds, _) = HeldEvents.Load(args, defaultRounds: 3);
        var bucketFor = typeof(DetectionEngine).GetMethod("BucketFor", BindingFlags.NonPublic | BindingFlags.Instance, [typeof(LogEvent)])!
            .CreateDelegate<Func<LogEvent, Bucket>>(engine);
        var buckets = held.Select(bucketFor).ToArray();
        Console.WriteLine($"rules: {engine.RulesLoaded:N0}; events held: {held.Count:N0}; load {Load()}");

        if (HeldEvents.Option(args, "--field") is { } only)
        {
            // For a profiler: one field's scans, over and over.
            ReportFields(held, buckets, rounds, only == "*" ? AtomSet.AnyField : FieldNames.Find(only));
            return 0;
        }

        var best = double.MaxValue;
        for (var r = 0; r < rounds; r++)
        {
            best = Math.Min(best, HeldEvents.Cpu(() =>
            {
                for (var n = 0; n < held.Count; n++)
                {
                    buckets[n].Candidates(held[n]);
                }
            }) / held.Count);
        }

        Console.WriteLine($"prefilter (buckets known) {best:F3} us/event; load {Load()}");
        if (args.Contains("--costs"))
        {
            HuntCostReport.Hits(held, buckets);
            HuntCostReport.Always(held, buckets, rounds);
            return 0;
        }

        if (args.Contains("--no-fields"))
        {
            return 0;
        }

        ReportBuckets(buckets);
        ReportFields(held, buckets, rounds, null);
        ReportMisses(held, buckets);
        return 0;
    }

    private static void ReportBuckets(Bucket[] buckets)
    {
        foreach (var group in buckets.GroupBy(static b => b).OrderByDescending(static g => g.Count()))
        {
            var b = group.Key;
            var always = b.Always.Select(static r => Path.GetFileNameWithoutExtension(r.Info.File)).ToList();
            Console.WriteLine($"bucket: {group.Count():N0} events, {b.Count} rules, {always.Count} always: {string.Join(' ', always.Take(12))}");
        }
    }

    private static void ReportFields(List<LogEvent> held, Bucket[] buckets, int rounds, int? only)
    {
        var ids = new SortedSet<int>();
        var sinks = buckets.Distinct().ToDictionary(static b => b, static b => new CandidateSet(new byte[b.Count]));
        var occurrences = new Dictionary<int, (int Count, long Chars, HashSet<string> Distinct)>();
        for (var n = 0; n < held.Count; n++)
        {
            var e = held[n];
            for (var i = 0; i < e.Count; i++)
            {
                if (e.ValueAt(i) is { } v && buckets[n].IndexFor(e.IdAt(i)) is not null)
                {
                    ids.Add(e.IdAt(i));
                    var o = occurrences.GetValueOrDefault(e.IdAt(i), (0, 0, new HashSet<string>(StringComparer.Ordinal)));
                    o.Distinct.Add(v);
                    occurrences[e.IdAt(i)] = (o.Count + 1, o.Chars + v.Length, o.Distinct);
                }
            }
        }

        double Pass(int field)
        {
            var best = double.MaxValue;
            for (var r = 0; r < rounds; r++)
            {
                best = Math.Min(best, HeldEvents.Cpu(() =>
                {
                    for (var n = 0; n < held.Count; n++)
                    {
                        var e = held[n];
                        var b = buckets[n];
                        var sink = sinks[b];
                        sink.Clear();
                        var index = field == -2 ? null : field == AtomSet.AnyField ? b.AnyField : b.IndexFor(field);
                        if (index is null)
                        {
                            continue;
                        }

                        for (var i = 0; i < e.Count; i++)
                        {
                            if ((field == AtomSet.AnyField || e.IdAt(i) == field) && e.ValueAt(i) is { } v)
                            {
                                index.Scan(v, sink);
                            }
                        }
                    }
                }) / held.Count);
            }

            return best;
        }

        var empty = Pass(-2);
        Console.WriteLine($"loop overhead {empty:F3} us/event");
        var total = 0.0;
        foreach (var id in only is { } one ? [one] : ids.Append(AtomSet.AnyField))
        {
            var us = Pass(id) - empty;
            total += us;
            var name = id == AtomSet.AnyField ? "(any field)" : FieldNames.NameOf(id);
            var o = id == AtomSet.AnyField ? default : occurrences[id];
            Console.WriteLine($"field {name,-28} {us,7:F3} us/event; values {o.Count,8:N0}, mean length {(o.Count == 0 ? 0 : (double)o.Chars / o.Count),6:F1}, distinct {o.Distinct?.Count ?? 0,8:N0}");
        }

        Console.WriteLine($"fields total {total:F3} us/event; load {Load()}");
    }

    private static void ReportMisses(List<LogEvent> held, Bucket[] buckets)
    {
        var passed = new Dictionary<string, int>(StringComparer.Ordinal);
        var matched = new Dictionary<string, int>(StringComparer.Ordinal);
        long candidates = 0;
        for (var n = 0; n < held.Count; n++)
        {
            foreach (var i in buckets[n].Candidates(held[n]))
            {
                candidates++;
                var rule = buckets[n].RuleAt(i);
                var name = Path.GetFileNameWithoutExtension(rule.Info.File);
                passed[name] = passed.GetValueOrDefault(name) + 1;
                if (rule.Matcher.Matches(held[n]))
                {
                    matched[name] = matched.GetValueOrDefault(name) + 1;
                }
            }
        }

        Console.WriteLine($"candidates/event {(double)candidates / held.Count:F3}; matched/event {(double)matched.Values.Sum() / held.Count:F3}");
        foreach (var (name, count) in passed.OrderByDescending(static kv => kv.Value).Take(30))
        {
            Console.WriteLine($"  passed {count,7:N0} matched {matched.GetValueOrDefault(name),7:N0}  {name}");
        }
    }

    private static string Load() => File.ReadAllText("/proc/loadavg").Trim();
}
