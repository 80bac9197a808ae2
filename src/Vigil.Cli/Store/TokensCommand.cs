using System.CommandLine;
using Spectre.Console;
using Vigil.Web.Auth;

namespace Vigil.Cli.Store;

/// <summary><c>vigil tokens create|list|revoke</c>: bearer tokens for the HTTP API.</summary>
internal static class TokensCommand
{
    public static Command Create()
    {
        var tokens = new Command("tokens", "Create, list and revoke API tokens.");
        tokens.Subcommands.Add(CreateToken());
        tokens.Subcommands.Add(ListTokens());
        tokens.Subcommands.Add(RevokeToken());
        return tokens;
    }

    private static Command CreateToken()
    {
        var store = new StoreAccess();
        var name = new Option<string>("--name") { Description = "What the token is for (a sender, a host).", Required = true };
        var scopes = new Option<string[]>("--scope") { Description = "What it may do (repeatable): ingest, metrics, read, analyse, admin, audit. Default: ingest." };
        scopes.AcceptOnlyFromAmong([.. Scopes.All]);
        var command = new Command("create", "Create a token; it is printed once and cannot be shown again.") { name, scopes };
        store.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var opened = await store.OpenAsync(parse, "tokens create", ct).ConfigureAwait(false);
            if (opened is null)
            {
                return 1;
            }

            await using (opened.ConfigureAwait(false))
            {
                var chosen = parse.GetValue(scopes) is { Length: > 0 } s ? s.Distinct().ToArray() : [Scopes.Ingest];
                var (token, secret) = await opened.Tokens.CreateAsync(parse.GetValue(name)!, chosen, TimeProvider.System.GetUtcNow(), ct).ConfigureAwait(false);
                await opened.Audit.AppendAsync(new Vigil.Storage.Audit.AuditEntry(Users.CliActor.Name, Vigil.Storage.Audit.AuditActions.TokenCreated, token.Id, null, string.Join(' ', token.Scopes)), ct).ConfigureAwait(false);
                Console.Error.WriteLine($"token {token.Id} ({string.Join(", ", token.Scopes)}) created; store it now, it is not shown again:");
                Console.WriteLine(secret);
            }

            return 0;
        });
        return command;
    }

    private static Command ListTokens()
    {
        var store = new StoreAccess();
        var command = new Command("list", "List tokens (never their secrets).");
        store.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var opened = await store.OpenAsync(parse, "tokens list", ct).ConfigureAwait(false);
            if (opened is null)
            {
                return 1;
            }

            await using (opened.ConfigureAwait(false))
            {
                var table = new Table().AddColumns("id", "name", "scopes", "created", "revoked");
                foreach (var t in await opened.Tokens.ListAsync(ct).ConfigureAwait(false))
                {
                    table.AddRow(Markup.Escape(t.Id), Markup.Escape(t.Name), string.Join(",", t.Scopes), t.CreatedAt.ToString("u"), t.RevokedAt?.ToString("u") ?? "");
                }

                AnsiConsole.Write(table);
            }

            return 0;
        });
        return command;
    }

    private static Command RevokeToken()
    {
        var store = new StoreAccess();
        var id = new Argument<string>("ID") { Description = "The token's id (as listed)." };
        var command = new Command("revoke", "Revoke a token at once.") { id };
        store.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var opened = await store.OpenAsync(parse, "tokens revoke", ct).ConfigureAwait(false);
            if (opened is null)
            {
                return 1;
            }

            await using (opened.ConfigureAwait(false))
            {
                if (!await opened.Tokens.RevokeAsync(parse.GetValue(id)!, TimeProvider.System.GetUtcNow(), ct).ConfigureAwait(false))
                {
                    return CommandLine.Fail("tokens revoke", $"{parse.GetValue(id)}: no such live token");
                }

                await opened.Audit.AppendAsync(new Vigil.Storage.Audit.AuditEntry(Users.CliActor.Name, Vigil.Storage.Audit.AuditActions.TokenRevoked, parse.GetValue(id)), ct).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}
