using System.Net;
using Vigil.Events;

namespace Vigil.Detection.Analytics;

/// <summary>
/// Finds the sign-ins in Entra sign-in logs, M365 audit (<c>UserLoggedIn</c>/<c>UserLoginFailed</c>), Windows Security
/// 4624/4625 and Dovecot/Postfix authentication lines, under one shape.
/// </summary>
internal static class SignInReader
{
    /// <summary>The source types that carry sign-ins.</summary>
    public static readonly IReadOnlyCollection<string> SourceTypes =
        new HashSet<string>(["entra.signin", "m365.audit", "windows", "dovecot", "postfix"], StringComparer.Ordinal);

    private static readonly int AuthOutcome = FieldNames.Intern("auth.outcome");
    private static readonly int AuthUser = FieldNames.Intern("auth.user");
    private static readonly int AuthClientIp = FieldNames.Intern("auth.client_ip");
    private static readonly int DovecotService = FieldNames.Intern("dovecot.service");

    [ThreadStatic]
    private static Memo? _memo;

    // Entra error codes, as Sentinel's SigninPasswordSpray rule groups them. 50055 (expired password) is in both of
    // its sets; here it counts as accepted, since only the right password gets that far.
    private static readonly HashSet<string> FailureCodes = ["50126", "50053"];
    private static readonly HashSet<string> AcceptedCodes =
    [
        "50055", "50057", "50155", "50105", "50133", "50005", "50076", "50079", "50173", "50158", "50072", "50074",
        "53003", "53000", "53001", "50129",
    ];

    /// <summary>
    /// Reads <paramref name="e"/> as a successful, timed sign-in, as the first-seen, travel and legacy-protocol analytics
    /// need it; a sign-in they cannot use is counted in <paramref name="unevaluated"/> under its reason.
    /// </summary>
    public static bool TryReadSuccess(LogEvent e, UnevaluatedTally unevaluated, out SignIn signIn, out DateTimeOffset time)
    {
        time = default;
        if (!TryRead(e, out signIn, out var problem))
        {
            if (problem is not null)
            {
                unevaluated.Add(problem);
            }

            return false;
        }

        if (signIn.Outcome != SignInOutcome.Success)
        {
            return false;
        }

        if (e.Timestamp is not { } timestamp)
        {
            unevaluated.Add("missing-time");
            return false;
        }

        time = timestamp;
        return true;
    }

    /// <summary>
    /// Reads <paramref name="e"/> as a sign-in. False with a null <paramref name="problem"/> when it is not one;
    /// false with a short reason when it is one the analytics cannot use (no user, no result).
    /// </summary>
    public static bool TryRead(LogEvent e, out SignIn signIn, out string? problem)
    {
        signIn = default;
        problem = null;
        string? user, ip, protocol = null;
        SignInOutcome outcome;
        switch (e.SourceType)
        {
            case "entra.signin":
                user = e.Get("UserPrincipalName") ?? e.Get("userPrincipalName");
                ip = e.Get("IPAddress") ?? e.Get("ipAddress") ?? e.Get("callerIpAddress");
                protocol = e.Get("ClientAppUsed") ?? e.Get("clientAppUsed");
                var code = e.Get("ResultType") ?? e.Get("resultType") ?? e.Get("status.errorCode") ?? e.Get("Status.errorCode");
                if (code is null)
                {
                    problem = "missing-result";
                    return false;
                }

                outcome = FromCode(code);
                break;
            case "m365.audit":
                var operation = e.Get("Operation");
                if (operation is not ("UserLoggedIn" or "UserLoginFailed"))
                {
                    return false;
                }

                user = e.Get("UserId");
                ip = e.Get("ClientIP") ?? e.Get("ActorIpAddress") ?? e.Get("ClientIPAddress");
                outcome = operation == "UserLoggedIn" ? SignInOutcome.Success : FromCode(e.Get("ErrorNumber") ?? "50126");
                break;
            case "windows":
                var id = e.Get("EventID");
                if (id is not ("4624" or "4625"))
                {
                    return false;
                }

                var name = e.Get("TargetUserName");
                if (name is not null && (name.EndsWith('$') || name.Equals("ANONYMOUS LOGON", StringComparison.OrdinalIgnoreCase)))
                {
                    // Machine and anonymous logons are not people signing in.
                    return false;
                }

                user = WindowsUser(name, e.Get("TargetDomainName"));
                ip = e.Get("IpAddress") is { } a && a != "-" ? a : null;
                outcome = id == "4624" ? SignInOutcome.Success : SignInOutcome.Failure;
                break;
            case "dovecot" or "postfix":
                // Most mail lines are not sign-ins: one lookup by field id says so.
                var result = e.Get(AuthOutcome);
                if (result is null)
                {
                    return false;
                }

                user = e.Get(AuthUser);
                ip = e.Get(AuthClientIp);
                outcome = result == "success" ? SignInOutcome.Success : SignInOutcome.Failure;
                protocol = e.SourceType == "postfix" ? "Authenticated SMTP" : DovecotProtocol(e.Get(DovecotService));
                break;
            default:
                return false;
        }

        if (string.IsNullOrWhiteSpace(user))
        {
            problem = "missing-user";
            return false;
        }

        // Every sign-in analytic reads the same event in turn: the last user and address read on this thread are kept,
        // by reference to the event's own strings (immutable), so that each is normalised and parsed once.
        var memo = _memo ??= new Memo();
        if (!ReferenceEquals(user, memo.UserText))
        {
            memo.User = user.Trim().ToLowerInvariant();
            memo.UserText = user;
        }

        IPAddress? address = null;
        string? addressText = null;
        if (ip is not null && ip.Length > 0)
        {
            if (!ReferenceEquals(ip, memo.IpText))
            {
                var found = IpText.TryParse(ip, out var parsed);
                memo.Address = found ? parsed : null;
                memo.AddressText = found ? IpText.Canonical(parsed, ip) : null;
                memo.IpText = ip;
            }

            (address, addressText) = (memo.Address, memo.AddressText);
        }

        signIn = new SignIn(memo.User!, address, outcome, protocol) { AddressText = addressText };
        return true;
    }

    private static SignInOutcome FromCode(string code) =>
        code == "0" ? SignInOutcome.Success
        : FailureCodes.Contains(code) ? SignInOutcome.Failure
        : AcceptedCodes.Contains(code) ? SignInOutcome.PasswordAccepted
        : SignInOutcome.Other;

    private static string? WindowsUser(string? name, string? domain)
    {
        if (name is null or "-" or "")
        {
            return null;
        }

        return domain is null or "" or "-" ? name : domain + "\\" + name;
    }

    private static string? DovecotProtocol(string? service) => service switch
    {
        "imap-login" or "imap" => "IMAP4",
        "pop3-login" or "pop3" => "POP3",
        "submission-login" or "submission" => "Authenticated SMTP",
        _ => null,
    };

    /// <summary>The last user and address text read on a thread, and what they became.</summary>
    private sealed class Memo
    {
        public string? UserText { get; set; }

        public string? User { get; set; }

        public string? IpText { get; set; }

        public IPAddress? Address { get; set; }

        public string? AddressText { get; set; }
    }
}
