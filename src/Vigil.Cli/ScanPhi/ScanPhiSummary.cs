using Spectre.Console;
using Vigil.Discovery.Recognition;
using Vigil.Discovery.Reports;
using Vigil.Discovery.Subjects;

namespace Vigil.Cli.ScanPhi;

/// <summary>The closing summary on stderr: counts only, never a value.</summary>
internal static class ScanPhiSummary
{
    public static void Print(IAnsiConsole console, ScanSummary summary, IReadOnlyList<DataSubject>? subjects, TimeSpan elapsed)
    {
        var grid = new Grid().AddColumn().AddColumn();
        var rate = elapsed.TotalSeconds > 0 ? summary.Characters / 1e6 / elapsed.TotalSeconds : 0;
        grid.AddRow("Items scanned", $"{summary.Items:N0} ({summary.Characters:N0} characters in {elapsed.TotalSeconds:F1} s, {rate:F1} M characters/s)");
        grid.AddRow("With personal data", $"{summary.ItemsWithFindings:N0}");
        var categories = summary.ByCategory.Select(static c => $"{c.Key.ToString().ToLowerInvariant()} {c.Value:N0}");
        grid.AddRow("Findings", $"{summary.ByType.Values.Sum():N0} ({string.Join(", ", categories)})");
        if (subjects is not null)
        {
            var correspondents = subjects.Count(static s => s.Correspondent);
            var health = subjects.Count(static s => s.Categories.Contains(PhiCategory.Health));
            grid.AddRow("Data subjects", $"{subjects.Count:N0} ({correspondents:N0} senders or recipients; {health:N0} with health data)");
        }

        var problems = summary.ProblemsByReason.OrderByDescending(static p => p.Value).Take(5).Select(static p => $"{p.Value:N0} {p.Key}");
        grid.AddRow("Problems", summary.ProblemCount == 0 ? "0" : $"{summary.ProblemCount:N0} ({string.Join("; ", problems)})");
        console.Write(new Panel(grid).Header("vigil scan-phi").Border(BoxBorder.Rounded));
    }
}
