using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Vigil.Cli.Store;
using Vigil.Response.Deadlines;

namespace Vigil.Cli.Incidents;

/// <summary><c>vigil incidents show REF</c>: clocks, tasks, timeline, observables, comments.</summary>
internal static class IncidentsShow
{
    public static Command Create()
    {
        var store = new StoreAccess();
        var reference = IncidentCli.Reference();
        var format = IncidentCli.Format();
        var show = new Command("show", "One incident: deadline clocks, tasks, timeline, observables and comments.") { reference, format };
        store.AddTo(show);
        show.SetAction((parse, ct) => IncidentsCommand.WithIncidentAsync(store, parse, "incidents show", parse.GetValue(reference)!, ct, async (s, i) =>
        {
            var clocks = new DeadlineClock(TimeProvider.System).For(i);
            var tasks = await s.Incidents.ListTasksAsync(i.Id, ct).ConfigureAwait(false);
            var timeline = await s.Incidents.ListTimelineAsync(i.Id, ct).ConfigureAwait(false);
            var observables = await s.Incidents.ListObservablesAsync(i.Id, ct).ConfigureAwait(false);
            var comments = await s.Incidents.ListCommentsAsync(i.Id, ct).ConfigureAwait(false);
            var alerts = await s.Incidents.ListAlertIdsAsync(i.Id, ct).ConfigureAwait(false);
            if (parse.GetValue(format) == "json")
            {
                var json = IncidentJson.Incident(i);
                json["alerts"] = new JsonArray([.. alerts.Select(a => (JsonNode)a)]);
                json["clocks"] = new JsonArray([.. clocks.Select(c => (JsonNode)IncidentJson.Clock(c))]);
                json["tasks"] = new JsonArray([.. tasks.Select(t => (JsonNode)IncidentJson.Task(t))]);
                json["timeline"] = new JsonArray([.. timeline.Select(e => (JsonNode)IncidentJson.Entry(e))]);
                json["observables"] = new JsonArray([.. observables.Select(o => (JsonNode)IncidentJson.Observable(o))]);
                json["comments"] = new JsonArray([.. comments.Select(c => (JsonNode)IncidentJson.Comment(c))]);
                Console.Out.WriteLine(json.ToJsonString());
                return 0;
            }

            AnsiConsole.MarkupLine($"[bold]{i.Reference}[/] {Markup.Escape(i.Title)} — {i.Severity}, {i.Status}, owner {Markup.Escape(i.Owner ?? "-")}, aware {i.AwareAt:u}, playbook {Markup.Escape(i.Playbook ?? "-")}, alerts {string.Join(' ', alerts)}");
            var clockTable = new Table().Title("Deadlines").AddColumns("jurisdiction", "notify", "due", "remaining", "citation");
            foreach (var c in clocks)
            {
                var remaining = c.Overdue ? $"OVERDUE by {IncidentCli.Duration(-c.Remaining)}" : IncidentCli.Duration(c.Remaining);
                clockTable.AddRow(c.Jurisdiction, Markup.Escape(c.Rule.Recipient + (c.AssumedLarge ? " (assumes 500+)" : string.Empty)), c.Due.ToString("u", CultureInfo.InvariantCulture), remaining, Markup.Escape(c.Rule.Citation));
            }

            var taskTable = new Table().Title("Tasks").AddColumns("#", "group", "task", "done by", "done at");
            foreach (var t in tasks)
            {
                taskTable.AddRow(t.Number.ToString(CultureInfo.InvariantCulture), Markup.Escape(t.Group), Markup.Escape(t.Title), Markup.Escape(t.DoneBy ?? "-"), t.DoneAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-");
            }

            var timelineTable = new Table().Title("Timeline").AddColumns("at", "source", "what");
            foreach (var e in timeline)
            {
                timelineTable.AddRow(e.At.ToString("u", CultureInfo.InvariantCulture), Markup.Escape(e.Source), Markup.Escape(e.Text));
            }

            var observableTable = new Table().Title("Observables").AddColumns("kind", "value", "source");
            foreach (var o in observables)
            {
                observableTable.AddRow(o.Kind, Markup.Escape(o.Value), Markup.Escape(o.Source));
            }

            AnsiConsole.Write(clockTable);
            AnsiConsole.Write(taskTable);
            AnsiConsole.Write(timelineTable);
            AnsiConsole.Write(observableTable);
            foreach (var c in comments)
            {
                AnsiConsole.MarkupLine($"{c.At:u} {Markup.Escape(c.Author)}: {Markup.Escape(c.Text)}");
            }

            return 0;
        }));
        return show;
    }
}
