using Vigil.Detection.Engine;
using Vigil.Detection.Rules;
using Vigil.Events;

namespace Vigil.Detection.Analytics;

/// <summary>
/// A legacy protocol (IMAP4, POP3, Authenticated SMTP: no MFA, the usual way stolen passwords are used) in a
/// successful sign-in of an account that had not used it before, once the account has a history
/// (<see cref="SignInLearning"/>). Entra <c>clientAppUsed</c>, Dovecot <c>imap-login</c>/<c>pop3-login</c>/<c>submission-login</c>, Postfix SASL.
/// </summary>
internal sealed class LegacyProtocolAnalytic : IStatefulAnalytic
{
    private readonly SignInLearning _learning;
    private readonly FirstSeenStore _store = new();
    private readonly UnevaluatedTally _unevaluated = new();

    /// <summary>Creates the analytic with its learning period.</summary>
    public LegacyProtocolAnalytic(SignInLearning learning) => _learning = learning;

    /// <inheritdoc />
    public RuleInfo Info { get; } = AnalyticInfo.Create("legacy-protocol-first-use", "Legacy mail protocol used by an account for the first time",
        Level.Medium, "An account with an established sign-in history signed in with IMAP4, POP3 or Authenticated SMTP for the first time. These protocols bypass MFA; check with the user, and block legacy authentication if they did not.",
        new Logsource("vigil", "authentication", null), "attack.initial-access", "attack.t1078", "attack.collection", "attack.t1114.002");

    /// <inheritdoc />
    public IReadOnlyCollection<string> SourceTypes => SignInReader.SourceTypes;

    /// <inheritdoc />
    /// <inheritdoc />
    public IReadOnlyDictionary<string, long> Unevaluated => _unevaluated.Counts;

    /// <summary>How many users have a history.</summary>
    internal int Users => _store.Count;

    /// <summary>The legacy protocol <paramref name="clientApp"/> names, as one of three names, or null.</summary>
    internal static string? Legacy(string? clientApp)
    {
        if (clientApp is null)
        {
            return null;
        }

        return clientApp.Contains("imap", StringComparison.OrdinalIgnoreCase) ? "IMAP4"
            : clientApp.Contains("pop", StringComparison.OrdinalIgnoreCase) ? "POP3"
            : clientApp.Contains("smtp", StringComparison.OrdinalIgnoreCase) ? "Authenticated SMTP"
            : null;
    }

    /// <inheritdoc />
    public void Observe(LogEvent e, List<RuleMatch> output)
    {
        if (!SignInReader.TryReadSuccess(e, _unevaluated, out var signIn, out var time))
        {
            return;
        }

        var protocol = Legacy(signIn.Protocol);
        if (_store.Observe(signIn.User, protocol, time, _learning))
        {
            var group = new Dictionary<string, string?> { ["user"] = signIn.User, ["protocol"] = protocol };
            output.Add(new RuleMatch(Info, time, e, [], group));
        }
    }

    /// <inheritdoc />
    public string SaveState() => _store.Save();

    /// <inheritdoc />
    public bool LoadState(string state) => _store.Load(state);
}
