namespace Vigil.Storage.Users;

/// <summary>People who sign in to the web app, their sessions and the one-time set-up link.</summary>
/// <remarks>
/// Thread-safe. Passwords arrive already hashed and TOTP secrets already encrypted: the store never sees either in
/// clear. Session ids and set-up tokens are stored as SHA-256 hashes. Changing a role or disabling an account revokes
/// the account's sessions in the same transaction.
/// </remarks>
public interface IUserStore
{
    /// <summary>Creates a user; null when the name (ignoring case) is taken.</summary>
    /// <exception cref="ArgumentException">The name is not a valid <see cref="UserNames">sign-in name</see>.</exception>
    Task<UserAccount?> CreateAsync(string name, string role, string passwordHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The user with that name (ignoring case), or null.</summary>
    Task<UserAccount?> FindAsync(string name, CancellationToken cancellationToken);

    /// <summary>The user with that id, or null.</summary>
    Task<UserAccount?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>All users, by name.</summary>
    Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Whether an enabled user has <paramref name="role"/>.</summary>
    Task<bool> AnyEnabledWithRoleAsync(string role, CancellationToken cancellationToken);

    /// <summary>Replaces the password hash (rehash after a parameter change, or a new password).</summary>
    Task<bool> SetPasswordHashAsync(long id, string passwordHash, CancellationToken cancellationToken);

    /// <summary>Changes the role and revokes the user's sessions; false when there is no such user.</summary>
    Task<bool> SetRoleAsync(long id, string role, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Disables (revoking sessions) or enables the account; false when there is no such user.</summary>
    Task<bool> SetDisabledAsync(long id, bool disabled, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Stores an encrypted TOTP secret (enrolled or awaiting confirmation), or clears it with null.</summary>
    Task<bool> SetTotpAsync(long id, byte[]? protectedSecret, bool enrolled, CancellationToken cancellationToken);

    /// <summary>Accepts TOTP time step <paramref name="step"/> once: false when it (or a later step) was used before.</summary>
    Task<bool> TryUseTotpStepAsync(long id, long step, CancellationToken cancellationToken);

    /// <summary>Counts a failed sign-in; the <paramref name="threshold"/>-th in a row locks the account for <paramref name="lockout"/>.</summary>
    Task<FailedSignIn> RecordFailedSignInAsync(long id, DateTimeOffset now, int threshold, TimeSpan lockout, CancellationToken cancellationToken);

    /// <summary>Clears the failure count and any lockout after a successful sign-in.</summary>
    Task ClearFailedSignInsAsync(long id, CancellationToken cancellationToken);

    /// <summary>Starts a session; the returned id is the only copy (the store keeps its hash).</summary>
    Task<string> CreateSessionAsync(long userId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The session with that id, or null.</summary>
    Task<UserSession?> GetSessionAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Records use of a session now (for idle expiry).</summary>
    Task TouchSessionAsync(string sessionId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Revokes one session; false when it was not live.</summary>
    Task<bool> RevokeSessionAsync(string sessionId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Revokes every live session of a user ("sign out everywhere"); returns how many.</summary>
    Task<int> RevokeSessionsAsync(long userId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Creates a one-time set-up token valid for <paramref name="lifetime"/>; the returned text is the only copy.</summary>
    Task<string> CreateSetupTokenAsync(DateTimeOffset now, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="token"/> is an unused, unexpired set-up token (does not use it).</summary>
    Task<bool> IsSetupTokenValidAsync(string token, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Uses a set-up token: true once, for an unused, unexpired token.</summary>
    Task<bool> RedeemSetupTokenAsync(string token, DateTimeOffset now, CancellationToken cancellationToken);
}
