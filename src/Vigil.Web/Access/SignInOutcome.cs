namespace Vigil.Web.Access;

/// <summary>What a sign-in attempt came to. Every failure looks the same to the person (no hint which part was wrong).</summary>
public enum SignInOutcome
{
    /// <summary>Signed in.</summary>
    SignedIn = 0,

    /// <summary>Signed in, but must enrol a TOTP authenticator before anything else.</summary>
    MustEnrolTotp = 1,

    /// <summary>Wrong name, password or code, or the account is disabled or locked.</summary>
    Failed = 2,

    /// <summary>Too many failed attempts from this address or for this account just now (HTTP 429).</summary>
    RateLimited = 3,
}
