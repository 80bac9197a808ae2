using Spectre.Console;
using Vigil.Detection.Engine;
using Vigil.Detection.Rules;
using Vigil.Diagnostics;

namespace Vigil.Cli.Hunt;

/// <summary>The closing summary: rules loaded and skipped by reason, events read and unreadable, detections by level.</summary>
internal sealed class HuntSummary(RuleSet rules, DetectionEngine engine, ProblemLog ruleProblems, ProblemLog inputProblems, Dictionary<Level, long> levels)
{
    public int FilesRead { get; set; }

    public TimeSpan LoadTime { get; set; }

    public TimeSpan HuntTime { get; set; }

    public void Print(IAnsiConsole console)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("Rules loaded", $"{engine.RulesLoaded:N0} detection, {engine.CorrelationsLoaded:N0} correlation, {rules.FilterCount:N0} filter ({rules.FilesRead:N0} files, {LoadTime.TotalSeconds:F1} s)");
        var skipped = ruleProblems.ByKind.OrderByDescending(static k => k.Value).Select(static k => $"{k.Value:N0} {k.Key}").ToList();
        grid.AddRow("Rules skipped", skipped.Count == 0 ? "0" : $"{ruleProblems.Total:N0} ({string.Join(", ", skipped)})");
        var rate = HuntTime.TotalSeconds > 0 ? engine.EventsProcessed / HuntTime.TotalSeconds : 0;
        grid.AddRow("Events read", $"{engine.EventsProcessed:N0} from {FilesRead:N0} files in {HuntTime.TotalSeconds:F1} s ({rate:N0} events/s)");
        var unreadable = inputProblems.ByKind.OrderByDescending(static k => k.Value).Select(static k => $"{k.Value:N0} {k.Key}").ToList();
        grid.AddRow("Unreadable", unreadable.Count == 0 ? "0" : string.Join(", ", unreadable));
        var byLevel = Enum.GetValues<Level>().Reverse().Select(l => $"{l.ToString().ToLowerInvariant()} {levels.GetValueOrDefault(l):N0}");
        grid.AddRow("Detections", $"{levels.Values.Sum():N0} ({string.Join(", ", byLevel)})");
        if (DetectionEngine.RegexTimeouts > 0)
        {
            grid.AddRow("Regex time-outs", $"{DetectionEngine.RegexTimeouts:N0} (counted as no match)");
        }

        if (engine.UntimedForCorrelation > 0)
        {
            grid.AddRow("Untimed events", $"{engine.UntimedForCorrelation:N0} could not be correlated (no timestamp)");
        }

        if (engine.Analytics.Count > 0)
        {
            var unevaluated = engine.Analytics.SelectMany(static a => a.Unevaluated).GroupBy(static u => u.Key)
                .Select(static g => $"{g.Sum(static u => u.Value):N0} {g.Key}").ToList();
            grid.AddRow("Analytics", $"{engine.Analytics.Count} on" + (unevaluated.Count == 0 ? "" : $"; could not evaluate: {string.Join(", ", unevaluated)}"));
        }

        console.Write(new Panel(grid).Header("vigil hunt").Border(BoxBorder.Rounded));
    }
}
