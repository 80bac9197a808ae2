using Vigil.Detection.Engine;
using Vigil.Detection.Routing;
using Vigil.Detection.Tests.Support;
using Vigil.Diagnostics;
using Vigil.Ingestion;

namespace Vigil.Detection.Tests.SigmaHq;

/// <summary>
/// The literal prefilter only skips rules that cannot match: over every SigmaHQ regression event, with every active
/// rule loaded, the engine reports exactly the same detections with the prefilter on and off.
/// </summary>
public sealed class PrefilterSoundnessTests(SigmaHqRules sigma) : IClassFixture<SigmaHqRules>
{
    [Fact]
    public void Prefilter_never_changes_what_matches_on_real_rules_and_events()
    {
        var problems = new ProblemLog();
        var unfiltered = new DetectionEngine(
            sigma.Rules,
            new EngineOptions { Prefilter = false, Logsources = LogsourceMap.Load(Repository.Config("logsources.yml"), problems) },
            problems);
        var files = Directory.EnumerateFiles(Repository.SharedData("sigma/regression_data"), "*", SearchOption.AllDirectories)
            .Where(static f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".raw", StringComparison.Ordinal));
        var events = 0;
        var detections = 0;
        foreach (var file in files)
        {
            foreach (var e in LogFiles.Read(file, problems))
            {
                var with = new List<RuleMatch>();
                var without = new List<RuleMatch>();
                sigma.Engine.Process(e, with);
                unfiltered.Process(e, without);
                Assert.Equal(without.Select(static d => d.Rule.Id), with.Select(static d => d.Rule.Id));
                events++;
                detections += with.Count;
            }
        }

        // Every render's events (the index's last column) and the one raw syslog sample.
        var expected = File.ReadLines(Repository.SharedData("sigma/regression_index.csv")).Skip(1)
            .Sum(static l => int.TryParse(l[(l.LastIndexOf(',') + 1)..], out var n) ? n : 0) + 1;
        Assert.Equal(expected, events);
        Assert.True(detections >= events, "the regression events should each match at least their own rule");
    }
}
