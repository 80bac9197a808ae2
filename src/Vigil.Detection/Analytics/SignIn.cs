using System.Net;

namespace Vigil.Detection.Analytics;

/// <summary>One authentication, from whichever log recorded it.</summary>
/// <param name="User">The account, lower-cased.</param>
/// <param name="Address">The client address, when the log names one that parses.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Protocol">The client protocol (<c>IMAP4</c>, <c>POP3</c>, <c>Authenticated SMTP</c>, <c>Browser</c>...), when known.</param>
internal readonly record struct SignIn(string User, IPAddress? Address, SignInOutcome Outcome, string? Protocol)
{
    /// <summary><see cref="Address"/> as text (no port or brackets), when there is one.</summary>
    public string? AddressText { get; init; }
}
