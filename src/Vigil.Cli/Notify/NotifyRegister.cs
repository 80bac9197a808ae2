using System.CommandLine;
using Vigil.Cli.Incidents;
using Vigil.Cli.Store;
using Vigil.Response.Breach;
using Vigil.Response.Incidents;

namespace Vigil.Cli.Notify;

/// <summary><c>vigil notify register [--format csv|json] [--output F]</c>: the breach register, every incident.</summary>
internal static class NotifyRegister
{
    public static Command Create()
    {
        var access = new StoreAccess();
        var format = new Option<string>("--format", "-f") { Description = "csv or json.", DefaultValueFactory = static _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var output = new Option<string?>("--output", "-o") { Description = "The file to write; stdout without it." };
        var by = new Option<string?>("--by") { Description = "Who exports (custody log). Default: the OS user." };
        var command = new Command("register", "The breach register (GDPR Art. 33(5)): every breach, notified or not.") { format, output, by };
        access.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var store = await access.OpenAsync(parse, "notify register", ct).ConfigureAwait(false);
            if (store is null)
            {
                return 1;
            }

            await using (store.ConfigureAwait(false))
            {
                var actor = IncidentCli.ActingAs(parse.GetValue(by));
                var entries = new List<BreachRegisterEntry>();
                foreach (var incident in (await store.Incidents.ListAsync(new IncidentQuery(Limit: 100_000), ct).ConfigureAwait(false)).OrderBy(static i => i.OpenedAt))
                {
                    var bytes = await store.Incidents.GetSealedDocumentAsync(incident.Id, BreachJson.AssessmentKind, actor, ct).ConfigureAwait(false);
                    entries.Add(BreachRegister.Entry(incident, bytes is null ? null : BreachJson.ReadAssessment(bytes)));
                }

                var text = parse.GetValue(format) == "json" ? BreachRegister.ToJson(entries) : BreachRegister.ToCsv(entries);
                if (parse.GetValue(output) is { } path)
                {
                    await File.WriteAllTextAsync(path, text, ct).ConfigureAwait(false);
                }
                else
                {
                    Console.Write(text);
                }

                return 0;
            }
        });
        return command;
    }
}
