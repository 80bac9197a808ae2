using System.Text.Json;
using Vigil.Cli.Demo.Generation;

namespace Vigil.Cli.Demo.Report;

/// <summary>Writes the report as one JSON object (the same content as the table).</summary>
internal static class ReportJson
{
    public static void Write(DemoReport report, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("seed", report.Seed);
        w.WriteNumber("days", report.Days);
        w.WriteString("start", World.Start);
        w.WriteString("attackDay", report.AttackDay);
        w.WriteNumber("events", report.Events);
        w.WriteNumber("inputProblems", report.Problems);
        w.WriteNumber("rulesLoaded", report.RulesLoaded);
        if (report.FirstAlertDelay is { } first)
        {
            w.WriteNumber("firstAlertDelaySeconds", first.TotalSeconds);
        }
        else
        {
            w.WriteNull("firstAlertDelaySeconds");
        }
        w.WriteStartArray("stages");
        foreach (var s in report.Stages)
        {
            w.WriteStartObject();
            w.WriteString("id", AttackStages.Id(s.Stage));
            w.WriteString("description", AttackStages.Describe(s.Stage));
            Time(w, "started", s.Started);
            Time(w, "alerted", s.Alerted);
            if (s.Delay is { } delay)
            {
                w.WriteNumber("delaySeconds", delay.TotalSeconds);
            }
            else
            {
                w.WriteNull("delaySeconds");
            }

            w.WriteBoolean("withinTarget", s.WithinTarget);
            w.WriteStartArray("rules");
            foreach (var (id, title, level) in s.Rules)
            {
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteString("title", title);
                w.WriteString("level", level);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("falseAlerts");
        w.WriteNumber("count", report.FalseAlerts.Count);
        w.WriteNumber("per30Days", Math.Round(report.FalseAlertsPer30Days, 3));
        w.WriteStartArray("alerts");
        foreach (var a in report.FalseAlerts)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", a.RuleId);
            w.WriteString("title", a.RuleTitle);
            w.WriteString("level", a.Level);
            w.WriteString("firstSeen", a.FirstSeen);
            w.WriteNumber("count", a.Count);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteNumber("totalAlerts", report.TotalAlerts);
        w.WriteStartObject("timings");
        w.WriteNumber("generateSeconds", Math.Round(report.GenerateTime.TotalSeconds, 3));
        w.WriteNumber("replaySeconds", Math.Round(report.ReplayTime.TotalSeconds, 3));
        w.WriteEndObject();
        w.WriteString("dataDirectory", report.DataDirectory);
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void Time(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            w.WriteString(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
