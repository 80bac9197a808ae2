namespace Vigil.Storage.Audit;

/// <summary>The actions the access layer records; modules may add their own words.</summary>
public static class AuditActions
{
    /// <summary>A person signed in.</summary>
    public const string SignIn = "sign-in";

    /// <summary>A sign-in failed (wrong name, password or code, disabled or locked account).</summary>
    public const string SignInFailed = "sign-in-failed";

    /// <summary>Repeated failures locked an account.</summary>
    public const string Lockout = "lockout";

    /// <summary>An administrator cleared an account's lockout and failure count.</summary>
    public const string Unlocked = "user-unlocked";

    /// <summary>A person signed out.</summary>
    public const string SignOut = "sign-out";

    /// <summary>A person revoked all their sessions.</summary>
    public const string SignOutEverywhere = "sign-out-everywhere";

    /// <summary>A user was created.</summary>
    public const string UserAdded = "user-added";

    /// <summary>A user's role changed.</summary>
    public const string UserRoleChanged = "user-role-changed";

    /// <summary>A user was disabled.</summary>
    public const string UserDisabled = "user-disabled";

    /// <summary>A user was enabled again.</summary>
    public const string UserEnabled = "user-enabled";

    /// <summary>A user's password was set.</summary>
    public const string PasswordChanged = "password-changed";

    /// <summary>A user enrolled a TOTP authenticator.</summary>
    public const string TotpEnrolled = "totp-enrolled";

    /// <summary>A user's TOTP enrolment was reset.</summary>
    public const string TotpReset = "totp-reset";

    /// <summary>A one-time set-up link was issued.</summary>
    public const string SetupLinkIssued = "setup-link-issued";

    /// <summary>An API token was created.</summary>
    public const string TokenCreated = "token-created";

    /// <summary>An API token was revoked.</summary>
    public const string TokenRevoked = "token-revoked";

    /// <summary>A setting changed (target: the setting's name).</summary>
    public const string SettingsChanged = "settings-changed";

    /// <summary>Someone revealed patient data (target: the finding, never the data).</summary>
    public const string PhiRevealed = "phi-revealed";
}
