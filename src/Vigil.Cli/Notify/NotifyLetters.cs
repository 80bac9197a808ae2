using System.CommandLine;
using Vigil.Cli.Store;
using Vigil.Response.Documents;
using Vigil.Storage.Breach;

namespace Vigil.Cli.Notify;

/// <summary>
/// <c>vigil notify letters INCIDENT --format docx|pdf|csv --output DIR --by USER</c>: one letter per affected person,
/// only once the decision to tell the individuals is yes. Reading the subjects is written to the custody log under
/// <c>--by</c>; the generation (incident, format, count, subject ids, who) goes on the incident's timeline.
/// </summary>
internal static class NotifyLetters
{
    public static Command Create()
    {
        var access = new StoreAccess();
        var incident = new Argument<string>("incident") { Description = "The incident: reference or id." };
        var format = new Option<string>("--format", "-f") { Description = "docx or pdf (one file per person), csv (mail merge).", Required = true };
        format.AcceptOnlyFromAmong("docx", "pdf", "csv");
        var output = new Option<string>("--output", "-o") { Description = "The folder to write to.", Required = true };
        var by = new Option<string>("--by") { Description = "Who generates the letters (audited).", Required = true };
        var template = new Option<string?>("--template") { Description = "The template. Default: templates/letters/patient-letter.md beside vigil." };
        var command = new Command("letters", "Letters to the affected people (holds their details: generated on demand, audited).") { incident, format, output, by, template };
        access.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var actor = parse.GetValue(by)!;
            var templatePath = NotifyStore.Template(parse.GetValue(template), Path.Combine("letters", "patient-letter.md"));
            if (!File.Exists(templatePath))
            {
                return CommandLine.Fail("notify letters", $"{templatePath}: no such template");
            }

            var (store, found) = await NotifyStore.OpenAsync(access, parse, "notify letters", parse.GetValue(incident)!, ct).ConfigureAwait(false);
            if (store is null || found is null)
            {
                return 1;
            }

            await using (store.ConfigureAwait(false))
            {
                var now = TimeProvider.System.GetUtcNow();
                var (letters, error) = await BreachDocuments.LettersAsync(store.Incidents, found, await File.ReadAllTextAsync(templatePath, ct).ConfigureAwait(false), actor, now, ct).ConfigureAwait(false);
                if (error is not null)
                {
                    return CommandLine.Fail("notify letters", error);
                }

                var audit = new List<string>();
                var kind = Enum.Parse<LetterFormat>(parse.GetValue(format)!, ignoreCase: true);
                var files = LetterWriter.Write(letters, kind, parse.GetValue(output)!, found.Reference, actor, audit.Add);
                foreach (var entry in audit)
                {
                    await store.Incidents.AddTimelineEntryAsync(found.Id, now, "notify", entry, actor, ct).ConfigureAwait(false);
                }

                Console.WriteLine($"{letters.Count} letters, {files.Count} files in {parse.GetValue(output)}");
                return 0;
            }
        });
        return command;
    }
}
