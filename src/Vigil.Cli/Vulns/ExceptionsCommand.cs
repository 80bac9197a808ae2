using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Vigil.Cli.Store;
using Vigil.Storage.Vulnerabilities;

namespace Vigil.Cli.Vulns;

/// <summary><c>vigil vulns exceptions add|list|remove</c>: accepted risks with an owner, a reason and an expiry.</summary>
internal static class ExceptionsCommand
{
    public static Command Create()
    {
        var exceptions = new Command("exceptions", "Accepted risks: findings that raise no overdue alert until the exception expires.");
        exceptions.Subcommands.Add(Add());
        exceptions.Subcommands.Add(List());
        exceptions.Subcommands.Add(Remove());
        return exceptions;
    }

    /// <summary>An expiry: ISO 8601, or a number of days from now (<c>30d</c>).</summary>
    internal static bool TryParseExpiry(string text, DateTimeOffset now, out DateTimeOffset expiry)
    {
        expiry = default;
        if (text.Length >= 2 && text[^1] == 'd' && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            expiry = now.AddDays(days);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out expiry);
    }

    private static Command Add()
    {
        const string Name = "vulns exceptions add";
        var store = new StoreAccess();
        var advisory = new Option<string>("--advisory") { Description = "Advisory id or CVE.", Required = true };
        var asset = new Option<string?>("--asset") { Description = "Only this asset. Default: every asset." };
        var package = new Option<string?>("--package") { Description = "Only this package." };
        var owner = new Option<string>("--owner") { Description = "Who owns the accepted risk.", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why it is accepted.", Required = true };
        var expires = new Option<string>("--expires") { Description = "When it stops applying: ISO 8601 date, or days from now (90d).", Required = true };
        var add = new Command("add", "Adds an exception.") { advisory, asset, package, owner, reason, expires };
        store.AddTo(add);
        add.SetAction(async (parse, ct) =>
        {
            var now = TimeProvider.System.GetUtcNow();
            if (!TryParseExpiry(parse.GetValue(expires)!, now, out var until) || until <= now)
            {
                return CommandLine.Fail(Name, "--expires: give a future ISO 8601 date or a number of days such as 90d");
            }

            if (string.IsNullOrWhiteSpace(parse.GetValue(owner)) || string.IsNullOrWhiteSpace(parse.GetValue(reason)))
            {
                return CommandLine.Fail(Name, "--owner and --reason must not be empty");
            }

            var opened = await store.OpenAsync(parse, Name, ct).ConfigureAwait(false);
            if (opened is null)
            {
                return VulnsCommand.Failed;
            }

            await using (opened.ConfigureAwait(false))
            {
                var id = await opened.Vulnerabilities.AddExemptionAsync(
                    new StoredExemption(0, parse.GetValue(asset), parse.GetValue(advisory)!.Trim(), parse.GetValue(package), parse.GetValue(owner)!.Trim(), parse.GetValue(reason)!.Trim(), until, now), ct).ConfigureAwait(false);
                Console.WriteLine(id.ToString(CultureInfo.InvariantCulture));
            }

            return 0;
        });
        return add;
    }

    private static Command List()
    {
        var store = new StoreAccess();
        var format = new Option<string>("--format", "-f") { Description = "table or jsonl.", DefaultValueFactory = static _ => "table" };
        format.AcceptOnlyFromAmong("table", "jsonl");
        var list = new Command("list", "Every exception, with whether it is still in force.") { format };
        store.AddTo(list);
        list.SetAction(async (parse, ct) =>
        {
            var opened = await store.OpenAsync(parse, "vulns exceptions list", ct).ConfigureAwait(false);
            if (opened is null)
            {
                return VulnsCommand.Failed;
            }

            await using (opened.ConfigureAwait(false))
            {
                var now = TimeProvider.System.GetUtcNow();
                var all = await opened.Vulnerabilities.ListExemptionsAsync(ct).ConfigureAwait(false);
                if (parse.GetValue(format) == "jsonl")
                {
                    using var stdout = Console.OpenStandardOutput();
                    foreach (var e in all)
                    {
                        WriteJson(stdout, e, now);
                    }
                }
                else
                {
                    var table = new Table().AddColumns("id", "asset", "advisory", "package", "owner", "reason", "expires", "active");
                    foreach (var e in all)
                    {
                        table.AddRow(e.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(e.Asset ?? "*"), Markup.Escape(e.Advisory), Markup.Escape(e.Package ?? "*"), Markup.Escape(e.Owner), Markup.Escape(e.Reason), e.ExpiresAt.ToString("u", CultureInfo.InvariantCulture), e.ExpiresAt > now ? "yes" : "expired");
                    }

                    AnsiConsole.Write(table);
                }
            }

            return 0;
        });
        return list;
    }

    private static Command Remove()
    {
        var store = new StoreAccess();
        var id = new Argument<long>("ID") { Description = "The exception's id (see list)." };
        var remove = new Command("remove", "Removes an exception.") { id };
        store.AddTo(remove);
        remove.SetAction(async (parse, ct) =>
        {
            var opened = await store.OpenAsync(parse, "vulns exceptions remove", ct).ConfigureAwait(false);
            if (opened is null)
            {
                return VulnsCommand.Failed;
            }

            await using (opened.ConfigureAwait(false))
            {
                if (!await opened.Vulnerabilities.RemoveExemptionAsync(parse.GetValue(id), ct).ConfigureAwait(false))
                {
                    Console.Error.WriteLine($"vigil vulns exceptions remove: no exception {parse.GetValue(id)}");
                    return VulnsCommand.Failed;
                }
            }

            return 0;
        });
        return remove;
    }

    private static void WriteJson(Stream output, StoredExemption e, DateTimeOffset now)
    {
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteNumber("id", e.Id);
            json.WriteString("asset", e.Asset);
            json.WriteString("advisory", e.Advisory);
            json.WriteString("package", e.Package);
            json.WriteString("owner", e.Owner);
            json.WriteString("reason", e.Reason);
            json.WriteString("expires_at", e.ExpiresAt);
            json.WriteString("created_at", e.CreatedAt);
            json.WriteBoolean("active", e.ExpiresAt > now);
            json.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }
}
