using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Vigil.Cli.Store;
using Vigil.Response.Deadlines;
using Vigil.Response.Incidents;

namespace Vigil.Cli.Incidents;

/// <summary><c>vigil incidents list</c>.</summary>
internal static class IncidentsList
{
    public static Command Create()
    {
        var store = new StoreAccess();
        var open = new Option<bool>("--open") { Description = "Only incidents not closed." };
        var limit = new Option<int>("--limit") { Description = "At most this many. Default 100.", DefaultValueFactory = static _ => 100 };
        var format = IncidentCli.Format();
        var list = new Command("list", "Incidents, newest first, with their next deadline.") { open, limit, format };
        store.AddTo(list);
        list.SetAction(async (parse, ct) =>
        {
            var opened = await store.OpenAsync(parse, "incidents list", ct).ConfigureAwait(false);
            if (opened is null)
            {
                return 1;
            }

            await using (opened.ConfigureAwait(false))
            {
                var incidents = await opened.Incidents.ListAsync(new IncidentQuery(OpenOnly: parse.GetValue(open), Limit: parse.GetValue(limit)), ct).ConfigureAwait(false);
                var clock = new DeadlineClock(TimeProvider.System);
                if (parse.GetValue(format) == "json")
                {
                    Console.Out.WriteLine(new JsonArray([.. incidents.Select(i => (JsonNode)IncidentJson.Incident(i))]).ToJsonString());
                    return 0;
                }

                var table = new Table().AddColumns("reference", "severity", "status", "owner", "title", "next deadline");
                foreach (var i in incidents)
                {
                    var next = clock.For(i).FirstOrDefault(c => !c.Overdue) ?? clock.For(i).FirstOrDefault();
                    var due = next is null ? "-" : $"{next.Jurisdiction} {next.Rule.Recipient}: {IncidentCli.Duration(next.Remaining)}";
                    table.AddRow(i.Reference, i.Severity, i.Status.ToString(), Markup.Escape(i.Owner ?? "-"), Markup.Escape(i.Title), Markup.Escape(due));
                }

                AnsiConsole.Write(table);
                Console.Out.WriteLine($"{incidents.Count.ToString(CultureInfo.InvariantCulture)} incident(s)");
                return 0;
            }
        });
        return list;
    }
}
