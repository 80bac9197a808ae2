using System.Globalization;
using Spectre.Console;
using Vigil.Cli.Demo.Generation;

namespace Vigil.Cli.Demo.Report;

/// <summary>Prints the report as a timeline table and a few summary lines.</summary>
internal static class ReportTable
{
    public static void Print(DemoReport report, IAnsiConsole console)
    {
        console.MarkupLine(Invariant($"[bold]Vigil demo[/]: seed {report.Seed}, {report.Days} days of a 40-person clinic from {Generation.World.Start:yyyy-MM-dd}, attack on {report.AttackDay:yyyy-MM-dd} (times UTC, event time)"));
        var table = new Table().AddColumns("stage", "started", "alerted", "delay", "rule(s)");
        foreach (var s in report.Stages)
        {
            var delay = s.Delay is { } d
                ? (s.WithinTarget ? "[green]" : "[yellow]") + Markup.Escape(Seconds(d)) + "[/]"
                : "[red]no alert[/]";
            table.AddRow(
                Markup.Escape(AttackStages.Id(s.Stage)),
                Markup.Escape(s.Started is { } start ? Clock(start, report.AttackDay) : "-"),
                Markup.Escape(s.Alerted is { } alerted ? Clock(alerted, report.AttackDay) : "-"),
                delay,
                Markup.Escape(s.Rules.Count == 0 ? "-" : string.Join("; ", s.Rules.Select(static r => $"{r.Title} ({r.Level})"))));
        }

        console.Write(table);
        console.MarkupLine(Invariant($"First alert: {(report.FirstAlertDelay is { } first ? $"{first.TotalSeconds:0} s" : "none")} after the attack's first malicious event (target <= 60 s)"));
        console.MarkupLine(Invariant($"Stages alerted: {report.StagesAlerted}/{report.Stages.Count}, each within 60 s of its own start: {report.StagesWithinTarget}/{report.Stages.Count}"));
        console.MarkupLine(Invariant($"False alerts: {report.FalseAlerts.Count} in {report.Days} days = {report.FalseAlertsPer30Days:0.##} per 30 days (target <= 1); alerts in all: {report.TotalAlerts}"));
        foreach (var group in report.FalseAlerts.GroupBy(static a => (a.RuleId, a.RuleTitle, a.Level)))
        {
            console.MarkupLine(Markup.Escape(Invariant($"  {group.Count()} x {group.Key.RuleTitle} ({group.Key.Level}, {group.Key.RuleId}), first {Time(group.First().FirstSeen)}")));
        }

        console.MarkupLine(Invariant($"{report.Events:N0} events, {report.RulesLoaded} rules and analytics; generated in {report.GenerateTime.TotalSeconds:0.0} s, replayed in {report.ReplayTime.TotalSeconds:0.0} s"));
        if (report.Problems > 0)
        {
            console.MarkupLine(Invariant($"[yellow]{report.Problems} input problems[/] (see stderr)"));
        }

        if (report.DataDirectory is { } dir)
        {
            console.MarkupLine(Markup.Escape($"Logs and store kept in {dir}: try 'vigil alerts list --data-dir {dir}'"));
        }
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The time of day on the attack day, the full time on any other day.</summary>
    private static string Clock(DateTimeOffset t, DateTimeOffset day) =>
        t.UtcDateTime.Date == day.UtcDateTime.Date ? t.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture) : Time(t);

    private static string Seconds(TimeSpan d) => d.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
