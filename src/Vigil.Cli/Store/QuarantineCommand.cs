using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Vigil.Cli.Store;

/// <summary><c>vigil quarantine list</c>: input the listeners rejected, and why.</summary>
internal static class QuarantineCommand
{
    public static Command Create()
    {
        var quarantine = new Command("quarantine", "Input Vigil rejected (malformed syslog, oversized messages...).");
        var store = new StoreAccess();
        var limit = new Option<int>("--limit") { Description = "At most this many, newest first. Default 100.", DefaultValueFactory = static _ => 100 };
        var list = new Command("list", "Rejected input with its reason (the content is kept in the store as evidence, not printed).") { limit };
        store.AddTo(list);
        list.SetAction(async (parse, ct) =>
        {
            var opened = await store.OpenAsync(parse, "quarantine list", ct).ConfigureAwait(false);
            if (opened is null)
            {
                return 1;
            }

            await using (opened.ConfigureAwait(false))
            {
                var table = new Table().AddColumns("id", "received (UTC)", "listener", "origin", "reason", "bytes");
                foreach (var item in await opened.Quarantine.ListAsync(Math.Clamp(parse.GetValue(limit), 1, 100_000), ct).ConfigureAwait(false))
                {
                    table.AddRow(item.Id.ToString(CultureInfo.InvariantCulture), item.ReceivedAt.ToString("u"), Markup.Escape(item.Listener), Markup.Escape(item.Origin), Markup.Escape(item.Reason), item.Raw.Length.ToString(CultureInfo.InvariantCulture));
                }

                AnsiConsole.Write(table);
            }

            return 0;
        });
        quarantine.Subcommands.Add(list);
        return quarantine;
    }
}
