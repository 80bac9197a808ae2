using Vigil.Detection.Engine;
using Vigil.Detection.Rules;
using Vigil.Events;

namespace Vigil.Detection.Analytics;

/// <summary>
/// Password spray: at least 5 distinct accounts failing from one address within 20 minutes (medium), and a success
/// from that address with at least 5 distinct accounts failing within 20 minutes of it, before or after (high). Sentinel's SigninPasswordSpray logic,
/// streamed: failure codes 50126/50053, success 0 and the codes that mean the password was right; an address where as
/// many accounts succeed as fail (a shared office NAT on a Monday morning) is not a spray.
/// </summary>
internal sealed class PasswordSprayAnalytic : IAnalytic
{
    /// <summary>The distinct failing accounts that make a spray.</summary>
    public const int MinAccounts = 5;

    /// <summary>The window the failures fall in.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(20);

    private static readonly Logsource Source = new("vigil", "authentication", null);

    private static readonly IReadOnlyDictionary<string, string?> NoGroup = new Dictionary<string, string?>();

    private readonly BoundedMap<string, SprayAddress> _addresses = new(20_000, StringComparer.Ordinal);
    private readonly UnevaluatedTally _unevaluated = new();

    /// <summary>The spray without a success (medium).</summary>
    public static RuleInfo SprayInfo { get; } = AnalyticInfo.Create("password-spray", "Password spray from one address",
        Level.Medium, $"At least {MinAccounts} distinct accounts failed to sign in from one address within 20 minutes. Check whether any account signed in from it, and block the address.",
        Source, "attack.credential-access", "attack.t1110.003");

    /// <summary>The spray followed by a success (high): the analytic's identity.</summary>
    public static RuleInfo SuccessInfo { get; } = AnalyticInfo.Create("password-spray-success", "Password spray followed by a successful sign-in",
        Level.High, $"At least {MinAccounts} distinct accounts failed from one address within 20 minutes, and an account signed in from it (or its password was accepted). Reset that account's password, revoke its sessions and review its mailbox rules.",
        Source, "attack.credential-access", "attack.initial-access", "attack.t1110.003", "attack.t1078");

    /// <inheritdoc />
    public RuleInfo Info => SuccessInfo;

    /// <inheritdoc />
    public IReadOnlyCollection<string> SourceTypes => SignInReader.SourceTypes;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, long> Unevaluated => _unevaluated.Counts;

    /// <inheritdoc />
    public void Observe(LogEvent e, List<RuleMatch> output)
    {
        if (!SignInReader.TryRead(e, out var signIn, out var problem))
        {
            if (problem is not null)
            {
                _unevaluated.Add(problem);
            }

            return;
        }

        if (signIn.Outcome == SignInOutcome.Other)
        {
            return;
        }

        if (e.Timestamp is not { } time)
        {
            _unevaluated.Add("missing-time");
            return;
        }

        if (signIn.Address is null)
        {
            _unevaluated.Add("missing-ip");
            return;
        }

        var key = signIn.AddressText ?? signIn.Address.ToString();
        var state = _addresses.GetOrAdd(key, static () => new SprayAddress());
        if (state.Newest - time > 2 * Window)
        {
            _unevaluated.Add("too-late");
            return;
        }

        if (time > state.Newest)
        {
            state.Newest = time;
            state.Prune(time - (2 * Window));
        }

        var attempt = new SprayAttempt(time, signIn.User, e);
        if (signIn.Outcome == SignInOutcome.Failure)
        {
            state.AddFailure(attempt);
        }
        else
        {
            state.AddSuccess(attempt);
        }

        Evaluate(key, state, e, output);
    }

    private static RuleMatch[] Joined(IEnumerable<SprayAttempt> failures) =>
        [.. failures.Select(static f => new RuleMatch(AnalyticInfo.SignInFailure, f.Time, f.Event, [], NoGroup))];

    private static void Evaluate(string key, SprayAddress state, LogEvent e, List<RuleMatch> output)
    {
        if (state.BestCluster(Window, MinAccounts) is { } cluster)
        {
            EvaluateCluster(key, state, cluster, e, output);
        }
    }

    // Apart from the check above: the lambdas below capture the cluster, and a captured variable's closure object is
    // allocated where the variable's scope starts, so in one method every failure would pay for it.
    private static void EvaluateCluster(string key, SprayAddress state, SprayCluster cluster, LogEvent e, List<RuleMatch> output)
    {
        // Sentinel keeps addresses where more accounts failed than succeeded: a shared NAT sees many of both.
        var succeeded = state.Successes
            .Where(s => s.Time >= cluster.Start - Window && s.Time <= cluster.End + Window)
            .Select(static s => s.User).Distinct(StringComparer.Ordinal).Count();
        if (succeeded >= cluster.Accounts)
        {
            return;
        }

        var group = new Dictionary<string, string?> { ["ip"] = key };
        if (state.ReportedUntil is not { } until || cluster.Start > until + Window)
        {
            state.ReportedSuccesses.Clear();
            output.Add(new RuleMatch(SprayInfo, e.Timestamp, e, Joined(cluster.Failures), group, cluster.Accounts));
        }

        state.ReportedUntil = state.ReportedUntil is { } previous && previous > cluster.End ? previous : cluster.End;

        // A success counts when enough accounts failed within the window of it, before or after: logs arrive out of
        // order, and a sprayer's hit is often logged between its misses.
        foreach (var success in state.Successes)
        {
            var near = state.Failures.Where(f => (f.Time - success.Time).Duration() <= Window).ToList();
            var accounts = near.Select(static f => f.User).Distinct(StringComparer.Ordinal).Count();
            if (accounts >= MinAccounts && !state.ReportedSuccesses.Contains(success.User))
            {
                state.ReportedSuccesses.Add(success.User);
                var successMatch = new RuleMatch(AnalyticInfo.SignInSuccess, success.Time, success.Event, [], NoGroup);
                RuleMatch[] joined = [.. Joined(near.Where(f => f.Time <= success.Time)), successMatch, .. Joined(near.Where(f => f.Time > success.Time))];
                output.Add(new RuleMatch(SuccessInfo, e.Timestamp, e, joined, group, accounts));
            }
        }
    }
}
