using System.CommandLine;
using Spectre.Console;
using Vigil.Cli.Store;
using Vigil.Storage;
using Vigil.Storage.Audit;
using Vigil.Storage.Users;
using Vigil.Web.Access;
using Vigil.Web.Auth;

namespace Vigil.Cli.Users;

/// <summary><c>vigil users add|list|set-role|set-password|disable|enable|reset-totp</c>: people who sign in to the web app.</summary>
/// <remarks>Every change is written to the audit log with actor <c>cli:{os user}</c>; role changes and disabling end the user's sessions.</remarks>
internal static class UsersCommand
{
    public static Command Create()
    {
        var users = new Command("users", "Add, list and change the people who sign in to the web app.");
        users.Subcommands.Add(Add());
        users.Subcommands.Add(List());
        users.Subcommands.Add(SetRole());
        users.Subcommands.Add(SetPassword());
        users.Subcommands.Add(Change("disable", "Disable an account and end its sessions.", AuditActions.UserDisabled, static (s, u, now, ct) => s.Users.SetDisabledAsync(u.Id, true, now, ct)));
        users.Subcommands.Add(Change("enable", "Enable a disabled account (and clear a lockout).", AuditActions.UserEnabled, static (s, u, now, ct) => s.Users.SetDisabledAsync(u.Id, false, now, ct)));
        users.Subcommands.Add(Change("reset-totp", "Forget a user's authenticator (lost phone) and end their sessions; they enrol again at sign-in.", AuditActions.TotpReset, static async (s, u, now, ct) =>
        {
            await s.Users.RevokeSessionsAsync(u.Id, now, ct).ConfigureAwait(false);
            return await s.Users.SetTotpAsync(u.Id, null, enrolled: false, ct).ConfigureAwait(false);
        }));
        return users;
    }

    private static Argument<string> NameArgument()
    {
        var name = new Argument<string>("NAME") { Description = "The sign-in name." };
        CommandLine.RejectOptionLikeValues(name);
        return name;
    }

    private static Option<string> RoleOption(bool required)
    {
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", Roles.All)}.", Required = required };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        return role;
    }

    private static Command Add()
    {
        var store = new StoreAccess();
        var name = NameArgument();
        var role = RoleOption(required: true);
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the password as one line from standard input (scripts)." };
        var command = new Command("add", "Add a user; the password is asked twice, or read with --password-stdin.") { name, role, stdin };
        store.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var userName = parse.GetValue(name)!;
            if (!UserNames.IsValid(userName))
            {
                return CommandLine.Fail("users add", "a name is 1 to 64 letters, digits and . _ - @");
            }

            if (PasswordInput.Read("users add", parse.GetValue(stdin)) is not { } password)
            {
                return CommandLine.BadUsage;
            }

            var opened = await store.OpenAsync(parse, "users add", ct).ConfigureAwait(false);
            if (opened is null)
            {
                return 1;
            }

            await using (opened.ConfigureAwait(false))
            {
                var chosen = parse.GetValue(role)!;
                var user = await opened.Users.CreateAsync(userName, chosen, PasswordHashing.Hash(password), TimeProvider.System.GetUtcNow(), ct).ConfigureAwait(false);
                if (user is null)
                {
                    return CommandLine.Fail("users add", $"{userName}: the name is taken");
                }

                await opened.Audit.AppendAsync(new AuditEntry(CliActor.Name, AuditActions.UserAdded, user.Name, null, $"role {chosen}"), ct).ConfigureAwait(false);
                var totp = AccessPolicies.TotpRequired.Contains(chosen) ? "; they enrol an authenticator app at first sign-in" : "";
                Console.Error.WriteLine($"user {user.Name} ({chosen}) added{totp}");
            }

            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var store = new StoreAccess();
        var command = new Command("list", "List users (never passwords or secrets).");
        store.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var opened = await store.OpenAsync(parse, "users list", ct).ConfigureAwait(false);
            if (opened is null)
            {
                return 1;
            }

            await using (opened.ConfigureAwait(false))
            {
                var now = TimeProvider.System.GetUtcNow();
                var table = new Table().AddColumns("name", "role", "totp", "status", "created");
                foreach (var u in await opened.Users.ListAsync(ct).ConfigureAwait(false))
                {
                    var totp = u.TotpEnrolled ? "enrolled" : AccessPolicies.TotpRequired.Contains(u.Role) ? "pending" : "none";
                    var status = u.Disabled ? "disabled" : u.LockedUntil > now ? $"locked until {u.LockedUntil:u}" : "enabled";
                    table.AddRow(Markup.Escape(u.Name), u.Role, totp, status, u.CreatedAt.ToString("u"));
                }

                AnsiConsole.Write(table);
            }

            return 0;
        });
        return command;
    }

    private static Command SetRole()
    {
        var store = new StoreAccess();
        var name = NameArgument();
        var role = new Argument<string>("ROLE") { Description = $"One of {string.Join(", ", Roles.All)}." };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var command = new Command("set-role", "Change a user's role; their sessions end (they sign in again with the new role).") { name, role };
        store.AddTo(command);
        command.SetAction((parse, ct) => OnUserAsync(store, parse, parse.GetValue(name)!, "users set-role", AuditActions.UserRoleChanged, $"role {parse.GetValue(role)}",
            (s, u, now, c) => s.Users.SetRoleAsync(u.Id, parse.GetValue(role)!, now, c), ct));
        return command;
    }

    private static Command SetPassword()
    {
        var store = new StoreAccess();
        var name = NameArgument();
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the password as one line from standard input." };
        var command = new Command("set-password", "Set a user's password (and clear a lockout); their sessions end.") { name, stdin };
        store.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (PasswordInput.Read("users set-password", parse.GetValue(stdin)) is not { } password)
            {
                return CommandLine.BadUsage;
            }

            return await OnUserAsync(store, parse, parse.GetValue(name)!, "users set-password", AuditActions.PasswordChanged, null, async (s, u, now, c) =>
            {
                await s.Users.ClearFailedSignInsAsync(u.Id, c).ConfigureAwait(false);
                await s.Users.RevokeSessionsAsync(u.Id, now, c).ConfigureAwait(false);
                return await s.Users.SetPasswordHashAsync(u.Id, PasswordHashing.Hash(password), c).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Change(string verb, string description, string action, Func<IVigilStore, UserAccount, DateTimeOffset, CancellationToken, Task<bool>> change)
    {
        var store = new StoreAccess();
        var name = NameArgument();
        var command = new Command(verb, description) { name };
        store.AddTo(command);
        command.SetAction((parse, ct) => OnUserAsync(store, parse, parse.GetValue(name)!, $"users {verb}", action, null, change, ct));
        return command;
    }

    private static async Task<int> OnUserAsync(
        StoreAccess store,
        ParseResult parse,
        string name,
        string commandName,
        string action,
        string? detail,
        Func<IVigilStore, UserAccount, DateTimeOffset, CancellationToken, Task<bool>> change,
        CancellationToken ct)
    {
        var opened = await store.OpenAsync(parse, commandName, ct).ConfigureAwait(false);
        if (opened is null)
        {
            return 1;
        }

        await using (opened.ConfigureAwait(false))
        {
            if (await opened.Users.FindAsync(name, ct).ConfigureAwait(false) is not { } user)
            {
                return CommandLine.Fail(commandName, $"{name}: no such user");
            }

            if (!await change(opened, user, TimeProvider.System.GetUtcNow(), ct).ConfigureAwait(false))
            {
                return CommandLine.Fail(commandName, $"{name}: not changed");
            }

            await opened.Audit.AppendAsync(new AuditEntry(CliActor.Name, action, user.Name, null, detail), ct).ConfigureAwait(false);
            Console.Error.WriteLine($"{user.Name}: {action}{(detail is null ? "" : $" ({detail})")}");
        }

        return 0;
    }
}
