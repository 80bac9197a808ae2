namespace Vigil.Storage.Users;

/// <summary>A signed-in browser session as the server records it (the cookie carries only its id).</summary>
/// <param name="UserId">Whose session it is.</param>
/// <param name="CreatedAt">When the person signed in (absolute expiry counts from here).</param>
/// <param name="LastSeenAt">When the session was last used (idle expiry counts from here; updated at most once a minute).</param>
/// <param name="RevokedAt">When it was signed out or revoked, or null.</param>
public sealed record UserSession(long UserId, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, DateTimeOffset? RevokedAt);
