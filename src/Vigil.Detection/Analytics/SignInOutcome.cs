namespace Vigil.Detection.Analytics;

/// <summary>What a sign-in record says happened.</summary>
internal enum SignInOutcome
{
    /// <summary>Neither a success nor a password failure (another error, an interrupt).</summary>
    Other,

    /// <summary>The sign-in succeeded.</summary>
    Success,

    /// <summary>The password was right but the sign-in stopped later (MFA required, expired password, blocked by policy).</summary>
    PasswordAccepted,

    /// <summary>A wrong password or a locked account.</summary>
    Failure,
}
