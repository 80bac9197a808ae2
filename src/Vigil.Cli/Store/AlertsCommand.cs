using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Vigil.Storage.Alerts;

namespace Vigil.Cli.Store;

/// <summary><c>vigil alerts list</c>: the alerts live detection raised.</summary>
internal static class AlertsCommand
{
    public static Command Create()
    {
        var alerts = new Command("alerts", "The alerts Vigil raised.");
        var store = new StoreAccess();
        var since = new Option<string?>("--since") { Description = "Raised at or after: ISO 8601, or an age such as 24h." };
        var minLevel = new Option<string?>("--min-level") { Description = "At least: informational, low, medium, high, critical." };
        minLevel.AcceptOnlyFromAmong("informational", "low", "medium", "high", "critical");
        var rule = new Option<string?>("--rule") { Description = "Only this rule id." };
        var status = new Option<string?>("--status") { Description = "open, acknowledged or closed." };
        status.AcceptOnlyFromAmong("open", "acknowledged", "closed");
        var limit = new Option<int>("--limit") { Description = "At most this many. Default 100.", DefaultValueFactory = static _ => 100 };
        var format = new Option<string>("--format", "-f") { Description = "table or jsonl.", DefaultValueFactory = static _ => "table" };
        format.AcceptOnlyFromAmong("table", "jsonl");
        var list = new Command("list", "Alerts, newest first.") { since, minLevel, rule, status, limit, format };
        store.AddTo(list);
        list.SetAction(async (parse, ct) =>
        {
            DateTimeOffset? from = null;
            if (parse.GetValue(since) is { } text)
            {
                if (!TimeArgument.TryParse(text, TimeProvider.System.GetUtcNow(), out var t))
                {
                    return CommandLine.Fail("alerts list", $"--since: '{text}' is not a time");
                }

                from = t;
            }

            var opened = await store.OpenAsync(parse, "alerts list", ct).ConfigureAwait(false);
            if (opened is null)
            {
                return 1;
            }

            await using (opened.ConfigureAwait(false))
            {
                var query = new AlertQuery(from, parse.GetValue(minLevel), parse.GetValue(rule), parse.GetValue(status), Math.Clamp(parse.GetValue(limit), 1, 100_000));
                var jsonl = parse.GetValue(format) == "jsonl";
                var table = new Table().AddColumns("id", "level", "rule", "key", "first seen", "last seen", "count", "status");
                using var stdout = Console.OpenStandardOutput();
                await foreach (var a in opened.Alerts.ListAsync(query, ct).ConfigureAwait(false))
                {
                    if (jsonl)
                    {
                        WriteJson(stdout, a);
                    }
                    else
                    {
                        table.AddRow(a.Id.ToString(CultureInfo.InvariantCulture), a.Level, Markup.Escape(a.RuleTitle), Markup.Escape(a.GroupKey), a.FirstSeen.ToString("u"), a.LastSeen.ToString("u"), a.Count.ToString(CultureInfo.InvariantCulture), a.Status);
                    }
                }

                if (!jsonl)
                {
                    AnsiConsole.Write(table);
                }
            }

            return 0;
        });
        alerts.Subcommands.Add(list);
        return alerts;
    }

    private static void WriteJson(Stream output, Alert a)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteNumber("id", a.Id);
        json.WriteString("rule_id", a.RuleId);
        json.WriteString("rule_title", a.RuleTitle);
        json.WriteString("level", a.Level);
        json.WriteString("group_key", a.GroupKey);
        json.WriteString("first_seen", a.FirstSeen);
        json.WriteString("last_seen", a.LastSeen);
        json.WriteNumber("count", a.Count);
        json.WriteStartArray("event_ids");
        foreach (var id in a.EventIds)
        {
            json.WriteNumberValue(id);
        }

        json.WriteEndArray();
        json.WriteString("status", a.Status);
        json.WriteString("created_at", a.CreatedAt);
        json.WritePropertyName("details");
        using (var details = JsonDocument.Parse(a.Details))
        {
            details.WriteTo(json);
        }

        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }
}
