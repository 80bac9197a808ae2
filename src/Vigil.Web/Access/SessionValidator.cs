using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Vigil.Storage;
using Vigil.Storage.Users;
using Vigil.Web.Auth;

namespace Vigil.Web.Access;

/// <summary>
/// Checks every cookie against its server-side session: revoked (signed out, signed out everywhere, role changed,
/// account disabled), idle longer than <see cref="AccessOptions.IdleTimeout"/> or older than
/// <see cref="AccessOptions.AbsoluteTimeout"/> ends it. A session found valid is trusted for
/// <see cref="AccessOptions.SessionCheckInterval"/>; revocations made by this process take effect at once.
/// </summary>
internal sealed class SessionValidator(IVigilStore store, TimeProvider time, WebOptions options)
{
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (UserSession Session, DateTimeOffset CheckedAt)> _checked = new(StringComparer.Ordinal);

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var sessionId = context.Principal?.FindFirstValue(AccessClaims.Session);
        if (sessionId is null || !await IsLiveAsync(sessionId, context.HttpContext.RequestAborted).ConfigureAwait(false))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AccessSchemes.Cookie).ConfigureAwait(false);
        }
    }

    public async Task<bool> IsLiveAsync(string sessionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var access = options.Access;
        if (!_checked.TryGetValue(sessionId, out var known) || now - known.CheckedAt >= access.SessionCheckInterval)
        {
            var session = await store.Users.GetSessionAsync(sessionId, cancellationToken).ConfigureAwait(false);
            if (session is null)
            {
                _checked.TryRemove(sessionId, out _);
                return false;
            }

            if (_checked.Count > 10_000)
            {
                _checked.Clear();
            }

            known = (session, now);
            _checked[sessionId] = known;
        }

        var s = known.Session;
        if (s.RevokedAt is not null || now - s.CreatedAt >= access.AbsoluteTimeout || now - s.LastSeenAt >= access.IdleTimeout)
        {
            return false;
        }

        if (now - s.LastSeenAt >= TouchEvery)
        {
            await store.Users.TouchSessionAsync(sessionId, now, cancellationToken).ConfigureAwait(false);
            _checked[sessionId] = (s with { LastSeenAt = now }, known.CheckedAt);
        }

        return true;
    }

    /// <summary>Forgets what was cached about a user's sessions (after revoking them).</summary>
    public void Forget(long userId)
    {
        foreach (var (id, entry) in _checked)
        {
            if (entry.Session.UserId == userId)
            {
                _checked.TryRemove(id, out _);
            }
        }
    }
}
