namespace Vigil.Web.Auth;

/// <summary>Claims of a signed-in person beyond name, id and role.</summary>
public static class AccessClaims
{
    /// <summary>The server-side session id (revocable; checked against the store).</summary>
    public const string Session = "vigil:session";

    /// <summary>Present while the person must still enrol a TOTP authenticator (admins and privacy officers).</summary>
    public const string TotpPending = "vigil:totp-pending";

    /// <summary>The user's numeric id (also in <see cref="System.Security.Claims.ClaimTypes.NameIdentifier"/>).</summary>
    public const string UserId = System.Security.Claims.ClaimTypes.NameIdentifier;
}
