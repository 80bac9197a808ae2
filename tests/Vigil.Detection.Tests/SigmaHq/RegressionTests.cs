using Vigil.Detection.Engine;
using Vigil.Detection.Tests.Support;
using Vigil.Diagnostics;
using Vigil.Ingestion;

namespace Vigil.Detection.Tests.SigmaHq;

/// <summary>
/// SigmaHQ's regression cases: with every active rule loaded at once, each case's JSON render yields at least
/// <c>match_count</c> detections of its rule (at least one when absent), as SigmaHQ's own runner requires.
/// </summary>
public sealed class RegressionTests(SigmaHqRules sigma) : IClassFixture<SigmaHqRules>
{
    public static TheoryData<string, string, string, int> Cases() => CasesFrom(evtxColumn: false);

    /// <summary>The same cases read from their <c>.evtx</c> files (column <c>evtx_path</c>), where they have one.</summary>
    public static TheoryData<string, string, string, int> EvtxCases() => CasesFrom(evtxColumn: true);

    private static TheoryData<string, string, string, int> CasesFrom(bool evtxColumn)
    {
        var data = new TheoryData<string, string, string, int>();
        var index = Repository.SharedData(Path.Combine("sigma", "regression_index.csv"));
        foreach (var line in File.ReadLines(index).Skip(1))
        {
            // rule_id,rule_title,rule_path,...,json_path (11th),match_count (12th): no field holds a comma but the title.
            var cells = line.Split(',');
            var tail = cells.Length - 14;
            var title = string.Join(',', cells[1..(2 + tail)]);
            var jsonPath = cells[10 + tail];
            if (evtxColumn)
            {
                var evtxPath = cells[9 + tail];
                if (evtxPath.Length > 0)
                {
                    data.Add(cells[0], title, evtxPath, int.TryParse(cells[11 + tail], out var count) ? count : 1);
                }

                continue;
            }

            if (jsonPath.Length == 0)
            {
                // A case without an EVTX render (a raw syslog line): read the raw sample beside its info.yml.
                var folder = Path.GetDirectoryName(Repository.SharedData(Path.Combine("sigma", cells[7 + tail])))!;
                jsonPath = Path.GetRelativePath(Repository.SharedData("sigma"), Directory.EnumerateFiles(folder, "*.raw").Single());
            }

            var matchCount = int.TryParse(cells[11 + tail], out var n) ? n : 1;
            data.Add(cells[0], title, jsonPath, matchCount);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Regression_case_is_detected_with_all_rules_loaded(string ruleId, string title, string samplePath, int matchCount) =>
        AssertDetected(ruleId, title, samplePath, matchCount);

    [Theory]
    [MemberData(nameof(EvtxCases))]
    public void Regression_case_is_detected_from_its_evtx_file_with_all_rules_loaded(string ruleId, string title, string samplePath, int matchCount) =>
        AssertDetected(ruleId, title, samplePath, matchCount);

    private void AssertDetected(string ruleId, string title, string samplePath, int matchCount)
    {
        var problems = new ProblemLog();
        var path = Repository.SharedData(Path.Combine("sigma", samplePath));
        var found = new List<RuleMatch>();
        var events = 0;
        foreach (var e in LogFiles.Read(path, problems))
        {
            events++;
            sigma.Engine.Process(e, found);
        }

        Assert.Empty(problems.Problems);
        Assert.True(events > 0, $"{samplePath}: no events read");
        var hits = found.Count(d => d.Rule.Id == ruleId);
        Assert.True(hits >= matchCount, $"{title} ({ruleId}): {hits} detections, expected at least {matchCount}; rules that fired: {string.Join("; ", found.Select(static d => d.Rule.Title).Distinct())}");
    }
}
