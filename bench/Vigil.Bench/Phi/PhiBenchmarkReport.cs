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
                var shared = o.Types.Keys.Where(v.Types.ContainsKey).Order(StringComparer.Ordinal).ToList();
                var worse = shared.Where(t => v.Types[t].F1 <= o.Types[t].F1).ToList();
                Console.WriteLine($"{vigil} vs {other}: F1 higher on {shared.Count - worse.Count} of {shared.Count} shared types" + (worse.Count == 0 ? "" : $"; not higher on {string.Join(", ", worse)}"));
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
