namespace Vigil.Storage.Users;

/// <summary>A person who signs in to the web app.</summary>
/// <param name="Id">Stable numeric id.</param>
/// <param name="Name">The sign-in name (unique, compared ignoring case).</param>
/// <param name="Role">One of the web app's roles.</param>
/// <param name="PasswordHash">The password's Argon2id hash in PHC string form (never the password).</param>
/// <param name="TotpSecret">The TOTP secret, encrypted (never in clear in the database), or null.</param>
/// <param name="TotpEnrolled">The user confirmed a code from the secret: sign-in requires a code.</param>
/// <param name="TotpLastStep">The last TOTP time step accepted (a code is never accepted twice).</param>
/// <param name="FailedSignIns">Failed sign-ins since the last success or lockout.</param>
/// <param name="LockedUntil">Sign-in refused until then, or null.</param>
/// <param name="DisabledAt">When the account was disabled, or null.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record UserAccount(
    long Id,
    string Name,
    string Role,
    string PasswordHash,
    byte[]? TotpSecret,
    bool TotpEnrolled,
    long TotpLastStep,
    int FailedSignIns,
    DateTimeOffset? LockedUntil,
    DateTimeOffset? DisabledAt,
    DateTimeOffset CreatedAt)
{
    /// <summary>Whether the account is disabled.</summary>
    public bool Disabled => DisabledAt is not null;
}
