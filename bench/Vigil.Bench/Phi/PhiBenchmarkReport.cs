using System.Globalization;

namespace Vigil.Bench.Phi;

/// <summary>Prints the side-by-side tables (Markdown, ready for docs/performance.md).</summary>
internal static class PhiBenchmarkReport
{
    public static void Print(List<ToolResult> results)
    {
        Console.WriteLine();
        Console.WriteLine("| tool | MB/s (one core) |");
        Console.WriteLine("| --- | --- |");
        foreach (var r in results)
        {
            Console.WriteLine($"| {r.Name} | {F(r.MegabytesPerSecond, 2)} |");
        }

        Ratio(results, "vigil-default", "openredaction-1.0");
        Ratio(results, "vigil-uk", "openredaction-1.0-uk");
        var scored = results.Where(static r => r.Types.Count > 0).ToList();
        var types = scored.SelectMany(static r => r.Types.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        Console.WriteLine();
        Console.WriteLine("| entity | " + string.Join(" | ", scored.Select(static r => r.Name + " P / R / F1")) + " |");
        Console.WriteLine("| --- |" + string.Concat(Enumerable.Repeat(" --- |", scored.Count)));
        foreach (var type in types)
        {
            var cells = scored.Select(r => r.Types.TryGetValue(type, out var s) ? $"{F(s.Precision, 3)} / {F(s.Recall, 3)} / **{F(s.F1, 3)}**" : "–");
            Console.WriteLine($"| {type} | {string.Join(" | ", cells)} |");
        }

        foreach (var (vigil, other) in new[] { ("vigil-default", "openredaction-1.0"), ("vigil-uk", "openredaction-1.0-uk") })
        {
            var v = results.Find(r => r.Name == vigil);
            var o = results.Find(r => r.Name == other);
            if (v is not null && o is not null)
            {
                // Types both detect: the other tool found at least one of them (bench.js lists every labelled type,
                // also those it has no detector for, such as SCOT_CHI).
                var shared = o.Types.Where(static t => t.Value.Precision + t.Value.Recall > 0).Select(static t => t.Key)
                    .Where(v.Types.ContainsKey).Order(StringComparer.Ordinal).ToList();
                var higher = shared.Where(t => v.Types[t].F1 > o.Types[t].F1 + 5e-4).ToList();
                var equal = shared.Where(t => Math.Abs(v.Types[t].F1 - o.Types[t].F1) <= 5e-4).ToList();
                var lower = shared.Except(higher).Except(equal).ToList();
                Console.WriteLine($"{vigil} vs {other}, F1 on the {shared.Count} types both detect: higher on {higher.Count}"
                    + (equal.Count == 0 ? "" : $", equal on {string.Join(", ", equal)}")
                    + (lower.Count == 0 ? "" : $", LOWER on {string.Join(", ", lower)}")
                    + $"; {other} found none of: {string.Join(", ", o.Types.Keys.Except(shared).Order(StringComparer.Ordinal))}");
            }
        }
    }

    private static void Ratio(List<ToolResult> results, string vigil, string other)
    {
        var v = results.Find(r => r.Name == vigil);
        var o = results.Find(r => r.Name == other);
        if (v is not null && o is not null && o.MegabytesPerSecond > 0)
        {
            Console.WriteLine($"{vigil} / {other}: {F(v.MegabytesPerSecond / o.MegabytesPerSecond, 1)}x");
        }
    }

    private static string F(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
