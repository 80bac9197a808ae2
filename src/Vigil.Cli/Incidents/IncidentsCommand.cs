using System.CommandLine;
using Vigil.Cli.Store;
using Vigil.Response.Incidents;

namespace Vigil.Cli.Incidents;

/// <summary><c>vigil incidents ...</c>: open, list, show and work incidents.</summary>
internal static class IncidentsCommand
{
    public static Command Create()
    {
        var incidents = new Command("incidents", "Incidents: opened from alerts or by hand, with playbook tasks, timeline and deadline clocks.");
        incidents.Subcommands.Add(IncidentsOpen.Create());
        incidents.Subcommands.Add(IncidentsList.Create());
        incidents.Subcommands.Add(IncidentsShow.Create());
        incidents.Subcommands.Add(Status());
        incidents.Subcommands.Add(Task());
        incidents.Subcommands.Add(Comment());
        incidents.Subcommands.Add(Timeline());
        return incidents;
    }

    private static Command Status()
    {
        var store = new StoreAccess();
        var reference = IncidentCli.Reference();
        var status = new Argument<IncidentStatus>("STATUS") { Description = "New, Investigating, Contained, Eradicated, Recovered or Closed." };
        var actor = IncidentCli.Actor();
        var command = new Command("status", "Moves an incident to a status.") { reference, status, actor };
        store.AddTo(command);
        command.SetAction((parse, ct) => WithIncidentAsync(store, parse, "incidents status", parse.GetValue(reference)!, ct, async (s, incident) =>
            await s.Incidents.UpdateStatusAsync(incident.Id, parse.GetValue(status), parse.GetValue(actor)!, ct).ConfigureAwait(false) ? 0 : 1));
        return command;
    }

    private static Command Task()
    {
        var store = new StoreAccess();
        var reference = IncidentCli.Reference();
        var number = new Argument<int>("N") { Description = "The task number (see 'vigil incidents show')." };
        var by = new Option<string>("--by") { Description = "Who did it.", Required = true };
        var done = new Command("done", "Marks a task done, by whom and now.") { reference, number, by };
        store.AddTo(done);
        done.SetAction((parse, ct) => WithIncidentAsync(store, parse, "incidents task done", parse.GetValue(reference)!, ct, async (s, incident) =>
        {
            if (await s.Incidents.CompleteTaskAsync(incident.Id, parse.GetValue(number), parse.GetValue(by)!, ct).ConfigureAwait(false))
            {
                return 0;
            }

            Console.Error.WriteLine($"vigil incidents task done: {incident.Reference} has no open task {parse.GetValue(number)}");
            return 1;
        }));
        var task = new Command("task", "Playbook tasks.");
        task.Subcommands.Add(done);
        return task;
    }

    private static Command Comment()
    {
        var store = new StoreAccess();
        var reference = IncidentCli.Reference();
        var text = new Argument<string>("TEXT") { Description = "The comment." };
        var actor = IncidentCli.Actor();
        var command = new Command("comment", "Adds a comment.") { reference, text, actor };
        store.AddTo(command);
        command.SetAction((parse, ct) => WithIncidentAsync(store, parse, "incidents comment", parse.GetValue(reference)!, ct, async (s, incident) =>
        {
            await s.Incidents.AddCommentAsync(incident.Id, parse.GetValue(actor)!, parse.GetValue(text)!, ct).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command Timeline()
    {
        var store = new StoreAccess();
        var reference = IncidentCli.Reference();
        var text = new Argument<string>("TEXT") { Description = "What happened." };
        var at = new Option<string?>("--at") { Description = "When it happened (ISO 8601 or an age such as 2h). Default: now." };
        var actor = IncidentCli.Actor();
        var add = new Command("add", "Adds a timeline entry.") { reference, text, at, actor };
        store.AddTo(add);
        add.SetAction((parse, ct) =>
        {
            var now = TimeProvider.System.GetUtcNow();
            var when = now;
            if (parse.GetValue(at) is { } given && !TimeArgument.TryParse(given, now, out when))
            {
                return System.Threading.Tasks.Task.FromResult(Cli.CommandLine.Fail("incidents timeline add", $"--at: '{given}' is not a time"));
            }

            return WithIncidentAsync(store, parse, "incidents timeline add", parse.GetValue(reference)!, ct, async (s, incident) =>
            {
                var who = parse.GetValue(actor)!;
                await s.Incidents.AddTimelineEntryAsync(incident.Id, when, $"user:{who}", parse.GetValue(text)!, who, ct).ConfigureAwait(false);
                return 0;
            });
        });
        var timeline = new Command("timeline", "The incident's timeline.");
        timeline.Subcommands.Add(add);
        return timeline;
    }

    /// <summary>Opens the store, finds the incident and runs <paramref name="action"/>; exit 1 when either fails.</summary>
    internal static async Task<int> WithIncidentAsync(StoreAccess access, ParseResult parse, string command, string reference, CancellationToken ct, Func<Storage.IVigilStore, Incident, Task<int>> action)
    {
        var store = await access.OpenAsync(parse, command, ct).ConfigureAwait(false);
        if (store is null)
        {
            return 1;
        }

        await using (store.ConfigureAwait(false))
        {
            if (await IncidentCli.FindAsync(store, reference, command, ct).ConfigureAwait(false) is not { } incident)
            {
                return 1;
            }

            try
            {
                return await action(store, incident).ConfigureAwait(false);
            }
            catch (Storage.Protection.ProtectionException e)
            {
                Console.Error.WriteLine($"vigil {command}: {e.Message}");
                return 1;
            }
        }
    }
}
