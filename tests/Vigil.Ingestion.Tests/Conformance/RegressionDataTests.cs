using Vigil.Diagnostics;
using Vigil.Events;
using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Conformance;

/// <summary>Reads every evtx JSON render of the SigmaHQ regression data staged in the shared data folder.</summary>
public sealed class RegressionDataTests
{
    [Fact]
    public void Every_regression_json_render_gives_its_indexed_event_count_with_the_sigma_fields()
    {
        var sigma = Path.Combine(SharedData.Folder(), "sigma");
        var expected = IndexedEventCounts(Path.Combine(sigma, "regression_index.csv"));
        var problems = new ProblemLog();
        var renders = LogFiles.Expand([Path.Combine(sigma, "regression_data")], problems)
            .Where(p => p.EndsWith(".json", StringComparison.Ordinal))
            .ToList();

        Assert.True(renders.Count >= 100, $"only {renders.Count} JSON renders found under {sigma}");
        var failures = new List<string>();
        foreach (var render in renders)
        {
            var relative = Path.GetRelativePath(sigma, render).Replace('\\', '/');
            var events = LogFiles.Read(render, problems).ToList();
            if (!expected.TryGetValue(relative, out var count))
            {
                failures.Add($"{relative}: not in regression_index.csv");
            }
            else if (events.Count != count)
            {
                failures.Add($"{relative}: {events.Count} events, index says {count}");
            }

            foreach (var logEvent in events)
            {
                var missing = new[] { "EventID", "Channel", "Computer", "Provider_Name" }.Where(f => logEvent.Get(f) is null).ToList();
                if (missing.Count > 0 || logEvent.Timestamp is null)
                {
                    failures.Add($"{relative} object {logEvent.Record}: missing {string.Join(", ", missing)}{(logEvent.Timestamp is null ? " Timestamp" : "")}");
                }
            }
        }

        Assert.Empty(problems.Problems);
        Assert.Empty(failures);
    }

    [Fact]
    public void A_raw_cisco_syslog_sample_is_read_as_one_text_event()
    {
        var raw = Path.Combine(SharedData.Folder(), "sigma", "regression_data", "rules", "cisco", "aaa", "cisco_cli_dot1x_disabled",
            "ef0ff092-a24a-4fbc-beea-06c08d53e085.raw");
        Assert.True(File.Exists(raw), $"The Cisco raw sample is absent from the shared data: expected {raw}.");
        var problems = new ProblemLog();

        var logEvent = Assert.Single(LogFiles.Read(raw, problems));

        Assert.Empty(problems.Problems);
        Assert.Contains("no access-session port-control", logEvent.Get("message"), StringComparison.Ordinal);
        Assert.Equal((raw, 1L), (logEvent.Source, logEvent.Record));
    }

    // json_path -> events_in_json, read with the module's own CSV reader.
    private static Dictionary<string, int> IndexedEventCounts(string index)
    {
        var problems = new ProblemLog();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in LogFiles.Read(index, problems))
        {
            if (row.Get("json_path") is { Length: > 0 } json && int.TryParse(row.Get("events_in_json"), out var count))
            {
                counts[json] = count;
            }
        }

        Assert.Empty(problems.Problems);
        Assert.True(counts.Count >= 100, $"only {counts.Count} rows with a JSON render in {index}");
        return counts;
    }
}
