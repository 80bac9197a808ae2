using System.Diagnostics;
using System.Globalization;
using Vigil.Detection.Engine;
using Vigil.Detection.Routing;
using Vigil.Detection.Rules;
using Vigil.Diagnostics;
using Vigil.Events;
using Vigil.Ingestion;

namespace Vigil.Bench;

/// <summary>
/// What the in-memory detection benchmarks share: their options, one pinned core, every SigmaHQ rule compiled into an
/// engine, and the first events of the corpus held in memory.
/// </summary>
internal sealed record HeldEvents(DetectionEngine Engine, List<LogEvent> Events, int Rounds, string Corpus)
{
    /// <summary>Reads <c>--events</c>, <c>--rounds</c>, <c>--sigma</c> and <c>--corpus</c>, and loads everything.</summary>
    public static HeldEvents Load(string[] args, int defaultRounds)
    {
        var events = int.Parse(Option(args, "--events") ?? "100000", CultureInfo.InvariantCulture);
        var rounds = int.Parse(Option(args, "--rounds") ?? defaultRounds.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var sigma = Option(args, "--sigma") ?? BenchPaths.SharedData("sigma");
        var corpus = Option(args, "--corpus") ?? Path.Combine(BenchPaths.Out, "corpus-200000.ndjson");
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        var problems = new ProblemLog();
        string[] folders = ["rules", "rules-emerging-threats", "rules-threat-hunting", "rules-placeholder", "rules-compliance"];
        var rules = RuleSet.Load(folders.Select(f => Path.Combine(sigma, f)), problems);
        var logsources = LogsourceMap.Load(Path.Combine(BenchPaths.Root, "config", "logsources.yml"), problems);
        var engine = new DetectionEngine(rules, new EngineOptions { Logsources = logsources }, problems);
        return new HeldEvents(engine, LogFiles.Read(corpus, new ProblemLog()).Take(events).ToList(), rounds, corpus);
    }

    /// <summary>The value following <paramref name="name"/> in <paramref name="args"/>, if any.</summary>
    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The processor time <paramref name="action"/> takes, in microseconds.</summary>
    public static double Cpu(Action action)
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        action();
        return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMicroseconds;
    }
}
