using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Vigil.Cli.Store;
using Vigil.Storage.Audit;

namespace Vigil.Cli.Audit;

/// <summary><c>vigil audit list|verify</c>: read and check the hash-chained audit log.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var audit = new Command("audit", "Read and verify the audit log.");
        audit.Subcommands.Add(List());
        audit.Subcommands.Add(Verify());
        return audit;
    }

    private static Command List()
    {
        var store = new StoreAccess();
        var limit = new Option<int>("--limit") { Description = "At most this many entries, newest first. Default 100.", DefaultValueFactory = static _ => 100 };
        var actor = new Option<string?>("--actor") { Description = "Only this actor (user:NAME, token:ID, cli:NAME, system)." };
        var action = new Option<string?>("--action") { Description = "Only this action (sign-in, sign-in-failed, lockout, phi-revealed...)." };
        var format = new Option<string>("--format") { Description = "table or jsonl.", DefaultValueFactory = static _ => "table" };
        format.AcceptOnlyFromAmong("table", "jsonl");
        var command = new Command("list", "List audit entries, newest first.") { limit, actor, action, format };
        store.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var opened = await store.OpenAsync(parse, "audit list", ct).ConfigureAwait(false);
            if (opened is null)
            {
                return 1;
            }

            await using (opened.ConfigureAwait(false))
            {
                var entries = await opened.Audit.ListAsync(new AuditQuery(null, parse.GetValue(limit), parse.GetValue(actor), parse.GetValue(action)), ct).ConfigureAwait(false);
                if (parse.GetValue(format) == "jsonl")
                {
                    foreach (var e in entries)
                    {
                        Console.WriteLine(JsonSerializer.Serialize(new { id = e.Id, time = e.Time, actor = e.Actor, action = e.Action, target = e.Target, ip = e.Ip, detail = e.Detail, hash = System.Convert.ToHexStringLower(e.Hash) }));
                    }

                    return 0;
                }

                var table = new Table().AddColumns("id", "time", "actor", "action", "target", "ip", "detail");
                foreach (var e in entries)
                {
                    table.AddRow(e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Time.ToString("u"), Markup.Escape(e.Actor), Markup.Escape(e.Action), Markup.Escape(e.Target ?? ""), Markup.Escape(e.Ip ?? ""), Markup.Escape(e.Detail ?? ""));
                }

                AnsiConsole.Write(table);
            }

            return 0;
        });
        return command;
    }

    private static Command Verify()
    {
        var store = new StoreAccess();
        var command = new Command("verify", "Walk the hash chain; exit 1 naming the first entry changed, removed or reordered.");
        store.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var opened = await store.OpenAsync(parse, "audit verify", ct).ConfigureAwait(false);
            if (opened is null)
            {
                return 1;
            }

            await using (opened.ConfigureAwait(false))
            {
                var result = await opened.Audit.VerifyAsync(ct).ConfigureAwait(false);
                if (result.Intact)
                {
                    Console.WriteLine($"audit log intact: {result.Checked} entries, head {result.HeadHash}");
                    return 0;
                }

                Console.WriteLine($"audit log broken at entry {result.BrokenAt}: {result.Reason} ({result.Checked} entries before it verified)");
                return 1;
            }
        });
        return command;
    }
}
