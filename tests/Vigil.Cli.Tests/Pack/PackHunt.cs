using Vigil.Detection.Engine;
using Vigil.Detection.Routing;
using Vigil.Detection.Rules;
using Vigil.Diagnostics;
using Vigil.Ingestion;

namespace Vigil.Cli.Tests.Pack;

/// <summary>One detection seen by a pack test: which rule, on which file and record.</summary>
internal sealed record Hit(string Title, Level Level, string File, long Record);

/// <summary>
/// Hunts files in-process with the repository's bundled rules and routing (rules/, config/logsources.yml): the same
/// engine, reader and configuration as <c>vigil hunt</c>, without a process per case.
/// </summary>
internal static class PackHunt
{
    public static string RulesFolder { get; } = Path.Combine(VigilProcess.Repository, "rules");

    public static string LogsourcesFile { get; } = Path.Combine(VigilProcess.Repository, "config", "logsources.yml");

    public static string Fixtures { get; } = Path.Combine(VigilProcess.Repository, "tests", "Vigil.Cli.Tests", "Pack", "Fixtures");

    private static readonly Lazy<(RuleSet Rules, LogsourceMap Logsources)> Bundled = new(static () =>
    {
        var problems = new ProblemLog();
        var rules = RuleSet.Load([RulesFolder], problems);
        var logsources = LogsourceMap.Load(LogsourcesFile, problems);
        Assert.True(problems.Total == 0, $"the bundled rules or routing have problems: {string.Join("; ", problems.Problems)}");
        return (rules, logsources);
    });

    /// <summary>The staged third-party logs (../shared/data/logs beside the repository); fails clearly when absent.</summary>
    public static string SharedLogs
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(VigilProcess.Repository, "..", "shared", "data", "logs"));
            Assert.True(Directory.Exists(path), $"The staged sample logs are missing: expected them in {path} (see ../shared/docs/research/email.md section 3).");
            return path;
        }
    }

    /// <summary>Hunts a file or folder with all bundled rules.</summary>
    public static List<Hit> Run(string path) => Run(path, Bundled.Value.Rules);

    /// <summary>Hunts a file or folder with the given rules (routed by the bundled logsources file).</summary>
    public static List<Hit> Run(string path, RuleSet rules)
    {
        var problems = new ProblemLog();
        var engine = new DetectionEngine(rules, new EngineOptions { Logsources = Bundled.Value.Logsources }, problems);
        var hits = new List<Hit>();
        var batch = new List<RuleMatch>();
        void Take()
        {
            // Taken at once: readers may reuse the event object for the next record.
            hits.AddRange(batch.Select(static d => new Hit(d.Rule.Title, d.Rule.Level, Path.GetFileName(d.Event.Source), d.Event.Record)));
            batch.Clear();
        }

        foreach (var file in LogFiles.Expand([path], problems))
        {
            foreach (var e in LogFiles.Read(file, problems))
            {
                engine.Process(e, batch);
                Take();
            }
        }

        engine.Flush(batch);
        Take();
        Assert.True(problems.Total == 0, $"hunting {path} reported problems: {string.Join("; ", problems.Problems)}");
        return hits;
    }
}
