using System.CommandLine;
using Vigil.Cli.Incidents;
using Vigil.Cli.Store;
using Vigil.Response.Breach;
using Vigil.Storage.Breach;

namespace Vigil.Cli.Notify;

/// <summary>
/// <c>vigil notify assess INCIDENT --evidence-scan PATH...</c> (or <c>--evidence-item ID</c>): scan-phi over the evidence, the subjects (with their
/// values) and the assessment (counts only) stored as the incident's sealed documents. Prints counts, never values.
/// </summary>
internal static class NotifyAssess
{
    public static Command Create()
    {
        var access = new StoreAccess();
        var incident = new Argument<string>("incident") { Description = "The incident: reference (INC-2026-0001) or id." };
        var evidence = new Option<string[]>("--evidence-scan") { Description = "Evidence to scan (mbox, EML, PST, folders, documents).", AllowMultipleArgumentsPerToken = true };
        var item = new Option<long?>("--evidence-item") { Description = "Or: the incident's evidence item to scan, read in place (see 'vigil evidence list')." };
        var vocabulary = new Option<string?>("--vocabulary") { Description = "scan-phi's vocabulary folder (names, ICD-10, medicines)." };
        var facts = new Option<string?>("--facts") { Description = "A YAML file of breach facts (see docs/breach-notification.md)." };
        var by = new Option<string?>("--by") { Description = "Who assesses (custody log). Default: the OS user." };
        var command = new Command("assess", "Scope the breach from the evidence and assess the risk.") { incident, evidence, item, vocabulary, facts, by };
        access.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var paths = parse.GetValue(evidence) ?? [];
            if ((paths.Length == 0) == (parse.GetValue(item) is null))
            {
                return CommandLine.Fail("notify assess", "give either --evidence-scan PATH... or --evidence-item ID");
            }

            if (paths.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p)) is { } missing)
            {
                return CommandLine.Fail("notify assess", $"{missing}: no such file or folder");
            }

            var actor = IncidentCli.ActingAs(parse.GetValue(by));
            var (store, found) = await NotifyStore.OpenAsync(access, parse, "notify assess", parse.GetValue(incident)!, ct).ConfigureAwait(false);
            if (store is null || found is null)
            {
                return 1;
            }

            await using (store.ConfigureAwait(false))
            {
                var previous = await BreachDocuments.ReadAsync(store.Incidents, found.Id, actor, ct).ConfigureAwait(false);
                BreachFacts? known = null;
                if (parse.GetValue(facts) is { } file)
                {
                    if (FactsFile.Read(file, TimeProvider.System.GetUtcNow(), found.AwareAt, out var error) is not { } read)
                    {
                        return CommandLine.Fail("notify assess", error!);
                    }

                    known = read;
                }

                var scanned = parse.GetValue(item) is { } itemId
                    ? await EvidenceScan.RunAsync(store.Evidence, found.Id, itemId, actor, parse.GetValue(vocabulary), ct).ConfigureAwait(false)
                    : EvidenceScan.Run(paths, parse.GetValue(vocabulary), ct);
                if (scanned is null)
                {
                    return CommandLine.Fail("notify assess", $"{found.Reference} has no evidence {parse.GetValue(item)}");
                }

                var (subjects, items, problems) = scanned;

                var assessment = await BreachDocuments.AssessAsync(store.Incidents, found, subjects, known ?? previous?.Facts, actor, TimeProvider.System, ct).ConfigureAwait(false);
                var s = assessment.Scope;
                Console.WriteLine($"{found.Reference}: {items} items scanned, {problems} problems");
                Console.WriteLine($"people {s.People} (identity {s.PeopleWithIdentity}, contact {s.PeopleWithContact}, health {s.PeopleWithHealth}); records {s.Records}; correspondents excluded {s.CorrespondentsExcluded}");
                Console.WriteLine($"risk: likelihood {(int)assessment.Risk.Likelihood}, severity {(int)assessment.Risk.Severity}: {assessment.Risk.Level}");
                foreach (var r in assessment.Rulings)
                {
                    Console.WriteLine($"{r.Jurisdiction}: {r.Authority} {(r.RegulatorRequired ? "required" : "not required")}{(r.RegulatorDeadline is { } d ? $" by {d:u}" : "")}; individuals {(r.IndividualsRequired ? "required" : "not required")}{(r.MediaRequired ? "; media required" : "")}");
                }

                if (previous?.RegulatorDecision is not null)
                {
                    Console.WriteLine("The earlier decisions were made on the earlier assessment: decide again (vigil notify decide).");
                }

                return 0;
            }
        });
        return command;
    }
}
