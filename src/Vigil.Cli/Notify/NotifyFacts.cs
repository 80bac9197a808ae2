using System.CommandLine;
using Vigil.Cli.Incidents;
using Vigil.Cli.Store;
using Vigil.Storage.Breach;

namespace Vigil.Cli.Notify;

/// <summary>
/// <c>vigil notify facts INCIDENT --facts FILE</c>: records new breach facts and assesses the breach again over the
/// subjects already scoped (no new scan), as the web page's facts form and <c>PUT .../breach/facts</c> do.
/// </summary>
internal static class NotifyFacts
{
    public static Command Create()
    {
        var access = new StoreAccess();
        var incident = new Argument<string>("incident") { Description = "The incident: reference (INC-2026-0001) or id." };
        var facts = new Option<string>("--facts") { Description = "A YAML file of breach facts (see docs/breach-notification.md).", Required = true };
        var by = new Option<string?>("--by") { Description = "Who records them (custody log). Default: the OS user." };
        var command = new Command("facts", "Record the breach facts and assess the breach again (no new scan).") { incident, facts, by };
        access.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var actor = IncidentCli.ActingAs(parse.GetValue(by));
            var (store, found) = await NotifyStore.OpenAsync(access, parse, "notify facts", parse.GetValue(incident)!, ct).ConfigureAwait(false);
            if (store is null || found is null)
            {
                return 1;
            }

            await using (store.ConfigureAwait(false))
            {
                if (FactsFile.Read(parse.GetValue(facts)!, TimeProvider.System.GetUtcNow(), found.AwareAt, out var error) is not { } read)
                {
                    return CommandLine.Fail("notify facts", error!);
                }

                if (await BreachDocuments.ReassessAsync(store.Incidents, found, read, actor, TimeProvider.System, ct).ConfigureAwait(false) is not { } assessment)
                {
                    return CommandLine.Fail("notify facts", $"{found.Reference}: not assessed yet (vigil notify assess {found.Reference} --evidence-scan PATH)");
                }

                Console.WriteLine($"{found.Reference}: facts recorded; risk: likelihood {(int)assessment.Risk.Likelihood}, severity {(int)assessment.Risk.Severity}: {assessment.Risk.Level}");
                foreach (var r in assessment.Rulings)
                {
                    Console.WriteLine($"{r.Jurisdiction}: {r.Authority} {(r.RegulatorRequired ? "required" : "not required")}; individuals {(r.IndividualsRequired ? "required" : "not required")}");
                }

                Console.WriteLine("Any earlier decisions were made on the earlier assessment: decide again (vigil notify decide).");
                return 0;
            }
        });
        return command;
    }
}
