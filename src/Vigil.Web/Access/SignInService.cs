using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Vigil.Storage;
using Vigil.Storage.Audit;
using Vigil.Storage.Users;
using Vigil.Web.Auth;

namespace Vigil.Web.Access;

/// <summary>
/// Signs people in and out: password (Argon2id), TOTP when enrolled, lockout after repeated failures, limits on failed
/// attempts per client address and per account (<see cref="SignInThrottle"/>: successful sign-ins do not count), a
/// server-side session behind the cookie, and an audit entry for each outcome.
/// </summary>
/// <remarks>
/// A failure for an unknown name is audited with actor <c>unknown</c>, never the name typed: people type their password
/// into the name field, and the audit log must not keep it.
/// </remarks>
internal sealed class SignInService(IVigilStore store, TimeProvider time, WebOptions options, SecretBox secrets, SessionValidator sessions)
{
    private readonly SignInThrottle _perAddress = new(options.Access.SignInPerAddressPerMinute, TimeSpan.FromMinutes(1), time);
    private readonly SignInThrottle _perAccount = new(options.Access.SignInPerAccountPerMinute, TimeSpan.FromMinutes(1), time);

    public SecretBox Secrets => secrets;

    public async Task<SignInOutcome> SignInAsync(HttpContext context, string? name, string? password, string? code)
    {
        var ct = context.RequestAborted;
        var ip = context.Connection.RemoteIpAddress?.ToString();
        name = (name ?? "").Trim();
        password ??= "";
        var address = ip ?? "";
        var account = name.ToLowerInvariant();

        // An attempt refused for its account still counts against its address (guessing across accounts).
        if (!_perAddress.TryTake(address) || !_perAccount.TryTake(account))
        {
            return SignInOutcome.RateLimited;
        }

        var user = await store.Users.FindAsync(name, ct).ConfigureAwait(false);
        if (user is null)
        {
            PasswordHashing.VerifyNothing(password);
            await AuditAsync("unknown", AuditActions.SignInFailed, null, ip, "unknown account", ct).ConfigureAwait(false);
            return SignInOutcome.Failed;
        }

        var now = time.GetUtcNow();
        var actor = $"user:{user.Name}";
        if (user.Disabled || user.LockedUntil > now)
        {
            PasswordHashing.VerifyNothing(password);
            await AuditAsync(actor, AuditActions.SignInFailed, user.Name, ip, user.Disabled ? "disabled" : "locked", ct).ConfigureAwait(false);
            return SignInOutcome.Failed;
        }

        var check = PasswordHashing.Verify(password, user.PasswordHash);
        var reason = check.Valid ? await SecondFactorProblemAsync(user, code, now, ct).ConfigureAwait(false) : "password";
        if (reason is not null)
        {
            await AuditAsync(actor, AuditActions.SignInFailed, user.Name, ip, reason, ct).ConfigureAwait(false);
            var failed = await store.Users.RecordFailedSignInAsync(user.Id, now, options.Access.LockoutThreshold, options.Access.LockoutDuration, ct).ConfigureAwait(false);
            if (failed.LockedUntil is { } until)
            {
                await AuditAsync("system", AuditActions.Lockout, user.Name, ip, $"until {until.ToString("u", CultureInfo.InvariantCulture)}", ct).ConfigureAwait(false);
            }

            return SignInOutcome.Failed;
        }

        if (check.NeedsRehash)
        {
            await store.Users.SetPasswordHashAsync(user.Id, PasswordHashing.Hash(password), ct).ConfigureAwait(false);
        }

        await store.Users.ClearFailedSignInsAsync(user.Id, ct).ConfigureAwait(false);
        _perAddress.GiveBack(address);
        _perAccount.GiveBack(account);
        var outcome = await IssueAsync(context, user).ConfigureAwait(false);
        await AuditAsync(actor, AuditActions.SignIn, user.Name, ip, outcome == SignInOutcome.MustEnrolTotp ? "totp enrolment pending" : null, ct).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>Starts a session for <paramref name="user"/> and sets its cookie (after sign-in, set-up or TOTP enrolment).</summary>
    public async Task<SignInOutcome> IssueAsync(HttpContext context, UserAccount user)
    {
        var sessionId = await store.Users.CreateSessionAsync(user.Id, time.GetUtcNow(), context.RequestAborted).ConfigureAwait(false);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.Name),
            new(ClaimTypes.Role, user.Role),
            new(AccessClaims.Session, sessionId),
        };
        var pending = !user.TotpEnrolled && AccessPolicies.TotpRequired.Contains(user.Role, StringComparer.Ordinal);
        if (pending)
        {
            claims.Add(new Claim(AccessClaims.TotpPending, "1"));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, AccessSchemes.Cookie, ClaimTypes.Name, ClaimTypes.Role));
        await context.SignInAsync(AccessSchemes.Cookie, principal, new AuthenticationProperties { IsPersistent = false }).ConfigureAwait(false);
        context.User = principal;
        return pending ? SignInOutcome.MustEnrolTotp : SignInOutcome.SignedIn;
    }

    /// <summary>Ends this session, or with <paramref name="everywhere"/> every session of the user.</summary>
    public async Task SignOutAsync(HttpContext context, bool everywhere)
    {
        var ct = context.RequestAborted;
        var now = time.GetUtcNow();
        var user = context.User;
        if (user.FindFirstValue(AccessClaims.Session) is { } sessionId)
        {
            await store.Users.RevokeSessionAsync(sessionId, now, ct).ConfigureAwait(false);
        }

        if (long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var userId))
        {
            if (everywhere)
            {
                await store.Users.RevokeSessionsAsync(userId, now, ct).ConfigureAwait(false);
            }

            sessions.Forget(userId);
            await AuditAsync(HttpAudit.Actor(user), everywhere ? AuditActions.SignOutEverywhere : AuditActions.SignOut, user.Identity?.Name, context.Connection.RemoteIpAddress?.ToString(), null, ct).ConfigureAwait(false);
        }

        await context.SignOutAsync(AccessSchemes.Cookie).ConfigureAwait(false);
    }

    /// <summary>Null when the second factor is fine (or not enrolled), else why not.</summary>
    private async Task<string?> SecondFactorProblemAsync(UserAccount user, string? code, DateTimeOffset now, CancellationToken ct)
    {
        if (!user.TotpEnrolled)
        {
            return null;
        }

        if (user.TotpSecret is null || secrets.Open(user.TotpSecret, user.Id) is not { } secret)
        {
            return "totp secret unreadable";
        }

        if (TotpCodes.Match(secret, code, now) is not { } step)
        {
            return "totp code";
        }

        return await store.Users.TryUseTotpStepAsync(user.Id, step, ct).ConfigureAwait(false) ? null : "totp code reused";
    }

    // Not cancelled with the request: a client that hangs up must not keep its attempt out of the audit log.
    private Task AuditAsync(string actor, string action, string? target, string? ip, string? detail, CancellationToken ct)
    {
        _ = ct;
        return store.Audit.AppendAsync(new AuditEntry(actor, action, target, ip, detail), CancellationToken.None);
    }
}
