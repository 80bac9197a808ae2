using Microsoft.AspNetCore.Http;
using Vigil.Storage;
using Vigil.Storage.Audit;
using Vigil.Storage.Users;
using Vigil.Web.Auth;

namespace Vigil.Web.Access.Users;

/// <summary>
/// What an administrator does to accounts from the web app (the Users page and <c>/api/v1/users</c>): add one (with a
/// one-time set-up link instead of a password), change its role, disable or enable it, unlock it, reset its second
/// factor, end its sessions, issue a new set-up link. Every change is audited with the admin as actor and the user's
/// name as target; the last enabled admin can be neither disabled nor demoted.
/// </summary>
internal sealed class UserAdministration(IVigilStore store, SessionValidator sessions, TimeProvider time, WebOptions options)
{
    /// <summary>Adds <paramref name="name"/> with <paramref name="role"/> and no usable password, and issues its set-up link.</summary>
    public async Task<UserChange> AddAsync(HttpContext http, string? name, string? role)
    {
        ArgumentNullException.ThrowIfNull(http);
        var ct = http.RequestAborted;
        if (!UserNames.IsValid(name))
        {
            return new UserChange(400, "name: 1 to 64 letters, digits and . _ - @");
        }

        if (role is null || !Roles.All.Contains(role))
        {
            return new UserChange(400, $"role: one of {string.Join(", ", Roles.All)}");
        }

        // A random password nobody knows: the account cannot sign in until the link sets one (same hashing cost as any
        // account, so a sign-in attempt does not tell that the account is waiting for its link).
        var unusable = PasswordHashing.Hash(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        var user = await store.Users.CreateAsync(name!, role, unusable, time.GetUtcNow(), ct).ConfigureAwait(false);
        if (user is null)
        {
            return new UserChange(409, $"The name {name} is taken.");
        }

        await http.AuditAsync(AuditActions.UserAdded, user.Name, $"role {role}").ConfigureAwait(false);
        var link = await IssueLinkAsync(http, user).ConfigureAwait(false);
        return new UserChange(200, $"{user.Name} added as {role}. Give them the set-up link below (once, within {Hours} h): it sets their password.", link);
    }

    /// <summary>Applies one of <see cref="UserActions"/> to the user <paramref name="id"/>.</summary>
    public async Task<UserChange> ApplyAsync(HttpContext http, long id, string? action, string? role = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var ct = http.RequestAborted;
        if (action is null || !UserActions.All.Contains(action))
        {
            return new UserChange(400, $"action: one of {string.Join(", ", UserActions.All)}");
        }

        if (await store.Users.GetAsync(id, ct).ConfigureAwait(false) is not { } user)
        {
            return new UserChange(404, "No such user.");
        }

        var now = time.GetUtcNow();
        switch (action)
        {
            case UserActions.SetRole when role is null || !Roles.All.Contains(role):
                return new UserChange(400, $"role: one of {string.Join(", ", Roles.All)}");
            case UserActions.SetRole when role == user.Role:
                return new UserChange(200, $"{user.Name} is already {role}.");
            case UserActions.SetRole or UserActions.Disable when await IsLastAdminAsync(user, ct).ConfigureAwait(false):
                return new UserChange(409, $"{user.Name} is the last active administrator: add or enable another administrator first.");
            case UserActions.SetRole:
                await store.Users.SetRoleAsync(user.Id, role!, now, ct).ConfigureAwait(false);
                return await DoneAsync(http, user, AuditActions.UserRoleChanged, $"role {user.Role} -> {role}", $"{user.Name} is now {role}; their sessions ended.").ConfigureAwait(false);
            case UserActions.Disable:
                await store.Users.SetDisabledAsync(user.Id, true, now, ct).ConfigureAwait(false);
                return await DoneAsync(http, user, AuditActions.UserDisabled, null, $"{user.Name} disabled; their sessions ended.").ConfigureAwait(false);
            case UserActions.Enable:
                await store.Users.SetDisabledAsync(user.Id, false, now, ct).ConfigureAwait(false);
                return await DoneAsync(http, user, AuditActions.UserEnabled, null, $"{user.Name} enabled.").ConfigureAwait(false);
            case UserActions.Unlock:
                await store.Users.ClearFailedSignInsAsync(user.Id, ct).ConfigureAwait(false);
                return await DoneAsync(http, user, AuditActions.Unlocked, null, $"{user.Name} unlocked.").ConfigureAwait(false);
            case UserActions.ResetTotp:
                await store.Users.RevokeSessionsAsync(user.Id, now, ct).ConfigureAwait(false);
                await store.Users.SetTotpAsync(user.Id, null, enrolled: false, ct).ConfigureAwait(false);
                return await DoneAsync(http, user, AuditActions.TotpReset, null, $"{user.Name}'s second factor was reset; they enrol again at their next sign-in.").ConfigureAwait(false);
            case UserActions.SignOutEverywhere:
                var ended = await store.Users.RevokeSessionsAsync(user.Id, now, ct).ConfigureAwait(false);
                return await DoneAsync(http, user, AuditActions.SignOutEverywhere, $"sessions {ended}", $"{ended} session(s) of {user.Name} ended.").ConfigureAwait(false);
            default:
                var link = await IssueLinkAsync(http, user).ConfigureAwait(false);
                return new UserChange(200, $"New set-up link for {user.Name} (once, within {Hours} h): it sets their password.", link);
        }
    }

    private string Hours => options.Access.SetupLinkLifetime.TotalHours.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<UserChange> DoneAsync(HttpContext http, UserAccount user, string auditAction, string? detail, string message)
    {
        sessions.Forget(user.Id);
        await http.AuditAsync(auditAction, user.Name, detail).ConfigureAwait(false);
        return new UserChange(200, message);
    }

    private async Task<string> IssueLinkAsync(HttpContext http, UserAccount user)
    {
        var lifetime = options.Access.SetupLinkLifetime;
        var token = await SetupLinks.IssueAsync(store, user.Id, time.GetUtcNow(), lifetime, http.RequestAborted).ConfigureAwait(false);
        await http.AuditAsync(AuditActions.SetupLinkIssued, user.Name, $"valid {lifetime}").ConfigureAwait(false);
        return SetupLinks.Url(http.Request, token);
    }

    private async Task<bool> IsLastAdminAsync(UserAccount user, CancellationToken ct)
        => user.Role == Roles.Admin && !user.Disabled
            && !(await store.Users.ListAsync(ct).ConfigureAwait(false)).Any(u => u.Id != user.Id && u.Role == Roles.Admin && !u.Disabled);
}
