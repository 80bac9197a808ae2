using System.Diagnostics;
using System.Globalization;
using Vigil.Cli.Vulns;
using Vigil.Storage;
using Vigil.Vulnerabilities.Exchange;
using Vigil.Vulnerabilities.Feeds;
using Vigil.Vulnerabilities.Inventory;
using Vigil.Vulnerabilities.Matching;
using Vigil.Vulnerabilities.Versions;

namespace Vigil.Bench;

/// <summary>
/// <c>vigil vulns</c>: imports every staged feed into a fresh SQLite store, rebuilds the index from the store, and
/// matches a generated inventory drawn from the real advisories. The baseline, in the same run, is a naive matcher
/// that scans every advisory for every component (timed on a sample and scaled, as it is too slow for all of them).
/// </summary>
internal static class VulnsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = int.Parse(Option(args, "--components") ?? "10000", CultureInfo.InvariantCulture);
        var rounds = int.Parse(Option(args, "--rounds") ?? "5", CultureInfo.InvariantCulture);
        var sample = int.Parse(Option(args, "--baseline-sample") ?? "300", CultureInfo.InvariantCulture);
        var vuln = BenchPaths.SharedData("vuln");
        var dataDir = Path.Combine(BenchPaths.Out, "vulns-" + Guid.NewGuid().ToString("N"));

        var clock = Stopwatch.StartNew();
        var read = FeedReader.Read([Path.Combine(vuln, "osv"), Path.Combine(vuln, "kev", "known_exploited_vulnerabilities.json"), Path.Combine(vuln, "nvd"), Path.Combine(vuln, "epss")]);
        var exchange = ExchangeCatalog.Load(Path.Combine(vuln, "exchange"), new List<FeedProblem>());
        var readSeconds = clock.Elapsed.TotalSeconds;
        FeedIndex index;
        double storeSeconds, loadSeconds;
        await using (var store = await VigilStore.OpenAsync(new StoreOptions { DataDirectory = dataDir }, TimeProvider.System, CancellationToken.None))
        {
            clock.Restart();
            await FeedStore.ImportAsync(store, read, DateTimeOffset.UtcNow, CancellationToken.None);
            storeSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            (index, _) = await FeedStore.LoadAsync(store, CancellationToken.None);
            loadSeconds = clock.Elapsed.TotalSeconds;
        }

        Console.WriteLine($"feeds: {read.Advisories.Count:N0} advisories, {read.Kev.Count:N0} KEV, {read.Epss.Count:N0} EPSS rows, {read.Nvd.Count:N0} NVD, Exchange {exchange.Counts.CumulativeUpdates} CU lines; {read.Problems.Count:N0} items skipped");
        Console.WriteLine($"import: read+parse {readSeconds:F2} s, store (SQLite) {storeSeconds:F2} s, load+index from store {loadSeconds:F2} s");

        var components = Inventory(read.Advisories, count);
        Console.WriteLine($"inventory: {components.Count:N0} components on {components.Select(c => c.Asset).Distinct().Count()} assets; ecosystems {string.Join(", ", components.GroupBy(c => c.Ecosystem.Split(':')[0]).Select(g => $"{g.Key} {g.Count()}"))}");
        var matcher = new VulnerabilityMatcher(index, VersionSchemes.ForEcosystem, exchange);
        matcher.Match(components);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var times = new List<double>();
        var cpu = new List<double>();
        MatchResult result = null!;
        long allocated = 0;
        for (var round = 0; round < rounds; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            result = matcher.Match(components);
            times.Add(clock.Elapsed.TotalSeconds);
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var match = times.Order().ElementAt(times.Count / 2);
        var baseline = Baseline(read.Advisories, components.Take(sample).ToList()) * components.Count / Math.Min(sample, components.Count);
        Console.WriteLine($"match CPU: {cpu.Order().ElementAt(cpu.Count / 2) * 1000:F0} ms median (process CPU time; wall clock depends on the machine's load, {Environment.ProcessorCount} cores, load average {LoadAverage()})");
        Console.WriteLine($"match: {match * 1000:F0} ms median of {rounds} for {components.Count:N0} components ({result.Findings.Count:N0} findings, {result.Problems.Count:N0} skipped); {allocated / 1e6:F1} MB allocated per match");
        Console.WriteLine($"memory: managed heap {heapBefore / 1e6:F0} MB before the timed rounds, {heapAfter / 1e6:F0} MB after; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
        Console.WriteLine($"baseline (naive scan of every advisory per component, {sample} timed, scaled): {baseline:F1} s; indexed match is {baseline / match:F0}x faster");
        Directory.Delete(dataDir, recursive: true);
        return 0;
    }

    /// <summary>Names and versions drawn from the advisories (fixed versions, a third of them lowered), plus Exchange servers and unknown packages.</summary>
    private static List<Component> Inventory(IReadOnlyList<Advisory> advisories, int count)
    {
        var random = new Random(42);
        var pool = advisories.SelectMany(a => a.Affected)
            .SelectMany(p => p.Ranges.Select(r => r.Fixed).OfType<string>().Select(v => (p.Ecosystem, p.Name, Version: v)))
            .Distinct().ToList();
        string[] exchangeBuilds = ["15.1.2176.2", "15.1.2176.9", "15.1.2176.14", "15.2.986.5", "15.0.1497.2"];
        var list = new List<Component>(count);
        for (var i = 0; i < count; i++)
        {
            var asset = $"host{i % 250:D3}";
            if (i % 500 == 0)
            {
                list.Add(new Component(asset, "Exchange Server", exchangeBuilds[i / 500 % exchangeBuilds.Length], "Exchange", null, null, "high", true, $"gen:{i}"));
                continue;
            }

            if (i % 50 == 1)
            {
                list.Add(new Component(asset, $"in-house-tool-{i}", "1.0-1", "AlmaLinux:9", null, null, null, false, $"gen:{i}"));
                continue;
            }

            var (ecosystem, name, version) = pool[random.Next(pool.Count)];
            if (random.Next(3) == 0 && version.Length > 0 && char.IsAsciiDigit(version[^1]))
            {
                version = version[..^1] + (char)('0' + ((version[^1] - '0' + 9) % 10));
            }

            list.Add(new Component(asset, name, version, ecosystem, null, null, null, i % 7 == 0, $"gen:{i}"));
        }

        return list;
    }

    /// <summary>Seconds for the naive matcher: every affected package of every advisory compared with each component.</summary>
    private static double Baseline(IReadOnlyList<Advisory> advisories, List<Component> components)
    {
        var clock = Stopwatch.StartNew();
        var hits = 0;
        foreach (var component in components)
        {
            var scheme = VersionSchemes.ForEcosystem(component.Ecosystem);
            foreach (var advisory in advisories)
            {
                foreach (var affected in advisory.Affected)
                {
                    if (scheme is not null && affected.Ecosystem == component.Ecosystem && affected.Name == component.Name
                        && affected.Ranges.Any(r => (r.Introduced is null or "0" || scheme.Compare(component.Version, r.Introduced) >= 0) && (r.Fixed is null || scheme.Compare(component.Version, r.Fixed) < 0)))
                    {
                        hits++;
                    }
                }
            }
        }

        GC.KeepAlive(hits);
        return clock.Elapsed.TotalSeconds;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
