using System.CommandLine;
using Vigil.Cli.Store;
using Vigil.Response.Deadlines;
using Vigil.Response.Incidents;
using Vigil.Response.Playbooks;
using Vigil.Storage.Incidents;

namespace Vigil.Cli.Incidents;

/// <summary><c>vigil incidents open</c>.</summary>
internal static class IncidentsOpen
{
    public static Command Create()
    {
        var store = new StoreAccess();
        var fromAlert = new Option<long[]>("--from-alert") { Description = "An alert the incident comes from (repeat for several)." };
        var title = new Option<string>("--title") { Description = "A short title without patient data.", Required = true };
        var severity = new Option<string>("--severity") { Description = "low, medium, high or critical.", Required = true };
        severity.AcceptOnlyFromAmong([.. IncidentSeverity.All]);
        var playbook = new Option<string?>("--playbook") { Description = "A playbook (id or name) whose steps become tasks." };
        var playbooks = new Option<string?>("--playbooks") { Description = "The playbook folder. Default: the playbooks shipped with Vigil." };
        var jurisdiction = new Option<string[]>("--jurisdiction") { Description = $"A jurisdiction whose deadlines apply (repeat): {string.Join(", ", Jurisdictions.All.Select(j => j.Id))}." };
        var awareAt = new Option<string?>("--aware-at") { Description = "When the organisation became aware (ISO 8601 or an age such as 3h). Default: now." };
        var owner = new Option<string?>("--owner") { Description = "Who owns it." };
        var actor = IncidentCli.Actor();
        var format = IncidentCli.Format();
        var open = new Command("open", "Opens an incident, from alerts or by hand.") { fromAlert, title, severity, playbook, playbooks, jurisdiction, awareAt, owner, actor, format };
        store.AddTo(open);
        open.SetAction(async (parse, ct) =>
        {
            const string Name = "incidents open";
            var now = TimeProvider.System.GetUtcNow();
            var aware = now;
            if (parse.GetValue(awareAt) is { } text && !TimeArgument.TryParse(text, now, out aware))
            {
                return CommandLine.Fail(Name, $"--aware-at: '{text}' is not a time");
            }

            var jurisdictions = parse.GetValue(jurisdiction) ?? [];
            if (jurisdictions.FirstOrDefault(j => Jurisdictions.Find(j) is null) is { } unknown)
            {
                return CommandLine.Fail(Name, $"--jurisdiction: unknown '{unknown}' (known: {string.Join(", ", Jurisdictions.All.Select(j => j.Id))})");
            }

            Playbook? chosen = null;
            if (parse.GetValue(playbook) is { } wanted)
            {
                var loaded = PlaybookLoader.LoadFolder(parse.GetValue(playbooks) ?? Path.Combine(AppContext.BaseDirectory, "playbooks"));
                foreach (var error in loaded.Errors)
                {
                    Console.Error.WriteLine($"vigil {Name}: playbook skipped: {error}");
                }

                chosen = loaded.Find(wanted);
                if (chosen is null)
                {
                    return CommandLine.Fail(Name, $"--playbook: no playbook '{wanted}' (known: {string.Join(", ", loaded.Playbooks.Select(p => p.Id))})");
                }
            }

            var opened = await store.OpenAsync(parse, Name, ct).ConfigureAwait(false);
            if (opened is null)
            {
                return 1;
            }

            await using (opened.ConfigureAwait(false))
            {
                var request = new NewIncident(parse.GetValue(title)!, parse.GetValue(severity)!, aware, [.. jurisdictions.Select(j => Jurisdictions.Find(j)!.Id)], parse.GetValue(owner));
                var result = await IncidentOpening.OpenAsync(opened, request, parse.GetValue(fromAlert) ?? [], chosen, parse.GetValue(actor)!, ct).ConfigureAwait(false);
                if (result.Incident is not { } incident)
                {
                    Console.Error.WriteLine($"vigil {Name}: no alert {string.Join(", ", result.UnknownAlerts)}; nothing opened");
                    return 1;
                }

                if (parse.GetValue(format) == "json")
                {
                    Console.Out.WriteLine(IncidentJson.Incident(incident).ToJsonString());
                }
                else
                {
                    Console.Out.WriteLine($"{incident.Reference} opened: {result.TimelineEntries} timeline entries and {result.Observables} observables from {parse.GetValue(fromAlert)?.Length ?? 0} alert(s); {chosen?.Steps.Count ?? 0} tasks");
                }

                return 0;
            }
        });
        return open;
    }
}
