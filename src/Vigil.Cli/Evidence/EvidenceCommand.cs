using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Spectre.Console;
using Vigil.Cli.Incidents;
using Vigil.Cli.Store;
using Vigil.Storage.Protection;

namespace Vigil.Cli.Evidence;

/// <summary><c>vigil evidence ...</c>: encrypted evidence files with a hash-chained custody log.</summary>
internal static class EvidenceCommand
{
    public static Command Create()
    {
        var evidence = new Command("evidence", "Evidence files: hashed on intake, stored encrypted, every access in a hash-chained custody log.");
        evidence.Subcommands.Add(Add());
        evidence.Subcommands.Add(List());
        evidence.Subcommands.Add(Export());
        evidence.Subcommands.Add(Verify());
        evidence.Subcommands.Add(RotateKey());
        return evidence;
    }

    private static Command Add()
    {
        var store = new StoreAccess();
        var reference = IncidentCli.Reference();
        var file = new Argument<FileInfo>("FILE") { Description = "The file to attach." };
        var actor = IncidentCli.Actor();
        var add = new Command("add", "Attaches a file to an incident (SHA-256 on intake, AES-256-GCM at rest).") { reference, file, actor };
        store.AddTo(add);
        add.SetAction((parse, ct) => IncidentsCommand.WithIncidentAsync(store, parse, "evidence add", parse.GetValue(reference)!, ct, async (s, incident) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"vigil evidence add: {path.FullName}: no such file");
                return 1;
            }

            await using var content = new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
            var item = await s.Evidence.AddAsync(incident.Id, path.Name, content, parse.GetValue(actor)!, ct).ConfigureAwait(false);
            Console.Out.WriteLine($"evidence {item.Id} added to {incident.Reference}: {item.Length} bytes, sha256 {item.Sha256}");
            return 0;
        }));
        return add;
    }

    private static Command List()
    {
        var store = new StoreAccess();
        var reference = IncidentCli.Reference();
        var format = IncidentCli.Format();
        var list = new Command("list", "The incident's evidence and its custody log.") { reference, format };
        store.AddTo(list);
        list.SetAction((parse, ct) => IncidentsCommand.WithIncidentAsync(store, parse, "evidence list", parse.GetValue(reference)!, ct, async (s, incident) =>
        {
            var items = await s.Evidence.ListAsync(incident.Id, ct).ConfigureAwait(false);
            var custody = await s.Evidence.ListCustodyAsync(incident.Id, ct).ConfigureAwait(false);
            if (parse.GetValue(format) == "json")
            {
                Console.Out.WriteLine(new JsonObject
                {
                    ["evidence"] = new JsonArray([.. items.Select(i => (JsonNode)new JsonObject { ["id"] = i.Id, ["name"] = i.FileName, ["length"] = i.Length, ["sha256"] = i.Sha256, ["added_by"] = i.AddedBy, ["added_at"] = i.AddedAt })]),
                    ["custody"] = new JsonArray([.. custody.Select(c => (JsonNode)new JsonObject { ["seq"] = c.Sequence, ["at"] = c.At, ["evidence_id"] = c.EvidenceId, ["action"] = c.Action, ["actor"] = c.Actor, ["detail"] = c.Detail, ["hash"] = c.Hash })]),
                }.ToJsonString());
                return 0;
            }

            var table = new Table().AddColumns("id", "name", "bytes", "sha256", "added by", "added at");
            foreach (var i in items)
            {
                table.AddRow(i.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(i.FileName), i.Length.ToString(CultureInfo.InvariantCulture), i.Sha256, Markup.Escape(i.AddedBy), i.AddedAt.ToString("u", CultureInfo.InvariantCulture));
            }

            var log = new Table().Title("Custody").AddColumns("seq", "at", "evidence", "action", "actor", "detail");
            foreach (var c in custody)
            {
                log.AddRow(c.Sequence.ToString(CultureInfo.InvariantCulture), c.At.ToString("u", CultureInfo.InvariantCulture), c.EvidenceId?.ToString(CultureInfo.InvariantCulture) ?? "-", c.Action, Markup.Escape(c.Actor), Markup.Escape(c.Detail));
            }

            AnsiConsole.Write(table);
            AnsiConsole.Write(log);
            return 0;
        }));
        return list;
    }

    private static Command Export()
    {
        var store = new StoreAccess();
        var reference = IncidentCli.Reference();
        var id = new Argument<long>("ID") { Description = "The evidence id (see 'vigil evidence list')." };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Where to write the decrypted file (must not exist).", Required = true };
        var actor = IncidentCli.Actor();
        var export = new Command("export", "Decrypts an evidence file, checks its intake hash and records the export.") { reference, id, output, actor };
        store.AddTo(export);
        export.SetAction((parse, ct) => IncidentsCommand.WithIncidentAsync(store, parse, "evidence export", parse.GetValue(reference)!, ct, async (s, incident) =>
        {
            var target = parse.GetValue(output)!;
            var temporary = target.FullName + ".part";
            try
            {
                EvidenceItemResult result;
                await using (var destination = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
                {
                    var item = await s.Evidence.ExportAsync(incident.Id, parse.GetValue(id), destination, parse.GetValue(actor)!, ct).ConfigureAwait(false);
                    result = new EvidenceItemResult(item?.Sha256);
                }

                if (result.Sha256 is null)
                {
                    File.Delete(temporary);
                    Console.Error.WriteLine($"vigil evidence export: {incident.Reference} has no evidence {parse.GetValue(id)}");
                    return 1;
                }

                File.Move(temporary, target.FullName, overwrite: false);
                Console.Out.WriteLine($"exported to {target.FullName}: sha256 {result.Sha256} (matches intake)");
                return 0;
            }
            catch (Exception e) when (e is ProtectionException or IOException)
            {
                File.Delete(temporary);
                Console.Error.WriteLine($"vigil evidence export: {e.Message}");
                return 1;
            }
        }));
        return export;
    }

    private static Command Verify()
    {
        var store = new StoreAccess();
        var verify = new Command("verify", "Proves every evidence file (decrypt + re-hash), every sealed document and the custody chain are intact; exit 1 naming the first broken item.");
        store.AddTo(verify);
        verify.SetAction(async (parse, ct) =>
        {
            var opened = await store.OpenAsync(parse, "evidence verify", ct).ConfigureAwait(false);
            if (opened is null)
            {
                return 1;
            }

            await using (opened.ConfigureAwait(false))
            {
                var result = await opened.Evidence.VerifyAsync(ct).ConfigureAwait(false);
                if (!result.Intact)
                {
                    Console.Error.WriteLine($"vigil evidence verify: BROKEN: {result.FirstBroken}");
                    return 1;
                }

                Console.Out.WriteLine($"intact: {result.EntriesChecked} custody entries, {result.FilesChecked} evidence files, {result.DocumentsChecked} sealed documents");
                return 0;
            }
        });
        return verify;
    }

    private static Command RotateKey()
    {
        var store = new StoreAccess();
        var actor = IncidentCli.Actor();
        var rotate = new Command("rotate-key", "Wraps every data key under a new master key (files are not re-encrypted); replaces the key file.") { actor };
        store.AddTo(rotate);
        rotate.SetAction(async (parse, ct) =>
        {
            if (Environment.GetEnvironmentVariable("VIGIL_MASTER_KEY") is { Length: > 0 })
            {
                return CommandLine.Fail("evidence rotate-key", "the master key comes from VIGIL_MASTER_KEY: rotate with the key file, or from code with the new key");
            }

            var opened = await store.OpenAsync(parse, "evidence rotate-key", ct).ConfigureAwait(false);
            if (opened is null)
            {
                return 1;
            }

            await using (opened.ConfigureAwait(false))
            {
                var id = await opened.Evidence.RotateMasterKeyAsync(RandomNumberGenerator.GetBytes(32), parse.GetValue(actor)!, ct).ConfigureAwait(false);
                Console.Out.WriteLine($"master key rotated: new key id {id}");
                return 0;
            }
        });
        return rotate;
    }

    private readonly record struct EvidenceItemResult(string? Sha256);
}
