using System.CommandLine;
using Vigil.Cli.Store;
using Vigil.Response.Breach;
using Vigil.Response.Documents;

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
                if (await NotifyStore.AssessmentAsync(store, found, BreachJson.AssessmentKind, actor, "notify letters", ct).ConfigureAwait(false) is not { } assessment)
                {
                    return 1;
                }

                if (assessment.IndividualsDecision is not { Notify: true })
                {
                    return CommandLine.Fail("notify letters", $"{found.Reference}: no decision to tell the individuals (vigil notify decide {found.Reference} --individuals yes ...)");
                }

                var bytes = await store.Incidents.GetSealedDocumentAsync(found.Id, BreachJson.SubjectsKind, actor, ct).ConfigureAwait(false);
                if (bytes is null || BreachJson.ReadSubjects(bytes) is not { } subjects)
                {
                    return CommandLine.Fail("notify letters", $"{found.Reference}: the subjects are missing or unreadable: assess again");
                }

                var now = TimeProvider.System.GetUtcNow();
                var (letters, problems) = Letters.Render(TextTemplate.Parse(await File.ReadAllTextAsync(templatePath, ct).ConfigureAwait(false)), assessment, BreachScoping.People(subjects), now);
                if (problems.Count > 0)
                {
                    return CommandLine.Fail("notify letters", $"{templatePath}: {string.Join("; ", problems)}");
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
