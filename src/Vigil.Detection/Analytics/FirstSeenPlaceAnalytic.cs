using System.Net;
using Vigil.Detection.Engine;
using Vigil.Detection.Rules;
using Vigil.Events;

namespace Vigil.Detection.Analytics;

/// <summary>
/// A successful sign-in from a country (medium) or network (low) the user had never signed in from, once the user
/// has a history (<see cref="SignInLearning"/>). Internal addresses are neither.
/// </summary>
internal sealed class FirstSeenPlaceAnalytic : IStatefulAnalytic
{
    private static readonly Logsource Source = new("vigil", "authentication", null);

    private readonly GeoIpDatabase _geo;
    private readonly PlaceKind _kind;
    private readonly SignInLearning _learning;
    private readonly FirstSeenStore _store = new();
    private readonly UnevaluatedTally _unevaluated = new();
    private IPAddress? _networkOf;
    private string? _network;

    /// <summary>Creates the analytic for countries or networks.</summary>
    public FirstSeenPlaceAnalytic(GeoIpDatabase geo, PlaceKind kind, SignInLearning learning)
    {
        _geo = geo;
        _kind = kind;
        _learning = learning;
        Info = kind == PlaceKind.Country
            ? AnalyticInfo.Create("signin-new-country", "First sign-in from a new country", Level.Low,
                "A user with an established sign-in history signed in successfully from a country never seen for them. Check with the user (travel?) and look for mailbox rules or forwarding created after it.",
                Source, "attack.initial-access", "attack.t1078")
            : AnalyticInfo.Create("signin-new-network", "First sign-in from a new network", Level.Low,
                "A user with an established sign-in history signed in successfully from a network (IPv4 /16, IPv6 /32) never seen for them. Context for other alerts; rarely worth a look alone.",
                Source, "attack.initial-access", "attack.t1078");
    }

    /// <inheritdoc />
    public RuleInfo Info { get; }

    /// <inheritdoc />
    public IReadOnlyCollection<string> SourceTypes => SignInReader.SourceTypes;

    /// <inheritdoc />
    /// <inheritdoc />
    public IReadOnlyDictionary<string, long> Unevaluated => _unevaluated.Counts;

    /// <inheritdoc />
    public void Observe(LogEvent e, List<RuleMatch> output)
    {
        if (!SignInReader.TryReadSuccess(e, _unevaluated, out var signIn, out var time))
        {
            return;
        }

        if (signIn.Address is not { } address)
        {
            _unevaluated.Add("missing-ip");
            return;
        }

        if (IpText.IsInternal(address))
        {
            _store.Observe(signIn.User, null, time, _learning);
            return;
        }

        string place;
        if (_kind == PlaceKind.Network)
        {
            // The sign-in reader hands the same address instance for the same text: its network is written once.
            if (!ReferenceEquals(address, _networkOf))
            {
                (_networkOf, _network) = (address, IpText.NetworkOf(address));
            }

            place = _network!;
        }
        else if (_geo.Locate(address) is { } location)
        {
            place = location.CountryCode;
        }
        else
        {
            _unevaluated.Add("not-located");
            return;
        }

        if (_store.Observe(signIn.User, place, time, _learning))
        {
            var key = _kind == PlaceKind.Country ? "country" : "network";
            output.Add(new RuleMatch(Info, time, e, [], new Dictionary<string, string?> { ["user"] = signIn.User, [key] = place }));
        }
    }

    /// <inheritdoc />
    public string SaveState() => _store.Save();

    /// <inheritdoc />
    public bool LoadState(string state) => _store.Load(state);
}
