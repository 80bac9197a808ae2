using System.Text.Json;
using Vigil.Detection.Engine;
using Vigil.Detection.Rules;
using Vigil.Events;

namespace Vigil.Detection.Analytics;

/// <summary>
/// Impossible travel: two successful sign-ins of one user, consecutive in event time, from places further apart than
/// anyone could travel in between (over <see cref="MaxSpeedKmh"/>). DB-IP gives no accuracy radius, so distances
/// under <see cref="ToleranceKm"/> (neighbouring islands, a provider placed in the next city) and, within one country,
/// under <see cref="SameCountryToleranceKm"/> (a mobile carrier placed at its head office) are never travel.
/// </summary>
internal sealed class ImpossibleTravelAnalytic : IStatefulAnalytic
{
    /// <summary>The fastest believable travel, a little above an airliner's cruise.</summary>
    public const double MaxSpeedKmh = 900;

    /// <summary>Distances never treated as travel.</summary>
    public const double ToleranceKm = 500;

    /// <summary>Distances within one country never treated as travel.</summary>
    public const double SameCountryToleranceKm = 1000;

    /// <summary>Most users kept.</summary>
    public const int MaxUsers = 20_000;

    /// <summary>Located sign-ins kept per user (enough to place an out-of-order one between its neighbours).</summary>
    public const int PointsPerUser = 4;

    private static readonly Logsource Source = new("vigil", "authentication", null);

    private readonly GeoIpDatabase _geo;
    private readonly BoundedMap<string, List<TravelPoint>> _users = new(MaxUsers, StringComparer.Ordinal);
    private readonly UnevaluatedTally _unevaluated = new();

    /// <summary>Creates the analytic over <paramref name="geo"/>.</summary>
    public ImpossibleTravelAnalytic(GeoIpDatabase geo) => _geo = geo;

    /// <inheritdoc />
    public RuleInfo Info { get; } = AnalyticInfo.Create("impossible-travel", "Impossible travel between two sign-ins", Level.High,
        $"Two consecutive successful sign-ins of one user came from places too far apart for the time between them (over {MaxSpeedKmh} km/h). A VPN or cloud proxy can cause this; otherwise someone else has the account: revoke its sessions and reset its password.",
        Source, "attack.initial-access", "attack.t1078");

    /// <inheritdoc />
    public IReadOnlyCollection<string> SourceTypes => SignInReader.SourceTypes;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, long> Unevaluated => _unevaluated.Counts;

    /// <summary>How many users are kept.</summary>
    internal int Users => _users.Count;

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
            return;
        }

        if (_geo.Locate(address) is not { } location)
        {
            _unevaluated.Add("not-located");
            return;
        }

        var point = new TravelPoint(time, signIn.AddressText ?? address.ToString(), location) { Event = e };
        var points = _users.GetOrAdd(signIn.User, static () => []);
        var at = points.Count;
        while (at > 0 && points[at - 1].Time > time)
        {
            at--;
        }

        if (at == 0 && points.Count >= PointsPerUser)
        {
            _unevaluated.Add("too-late");
            return;
        }

        // Compare with the sign-ins just before and just after it in event time (it may arrive out of order).
        var before = at > 0 ? points[at - 1] : null;
        var after = at < points.Count ? points[at] : null;
        points.Insert(at, point);
        if (points.Count > PointsPerUser)
        {
            points.RemoveAt(0);
        }

        foreach (var (from, to) in new[] { (before, point), (point, after) })
        {
            if (from is not null && to is not null && Speed(from, to) is { } speed)
            {
                var other = ReferenceEquals(from, point) ? to : from;
                IReadOnlyList<RuleMatch> joined = other.Event is { } earlier
                    ? [new RuleMatch(AnalyticInfo.SignInSuccess, other.Time, earlier, [], new Dictionary<string, string?>())]
                    : [];
                output.Add(new RuleMatch(Info, time, e, joined, new Dictionary<string, string?> { ["user"] = signIn.User }, Math.Round(speed)));
            }
        }
    }

    /// <summary>The speed between two sign-ins when it is impossible; null when it is believable.</summary>
    internal static double? Speed(TravelPoint from, TravelPoint to)
    {
        var distance = from.Location.DistanceKm(to.Location);
        var tolerance = from.Location.CountryCode == to.Location.CountryCode ? SameCountryToleranceKm : ToleranceKm;
        if (distance <= tolerance)
        {
            return null;
        }

        var hours = Math.Abs((to.Time - from.Time).TotalHours);
        var speed = hours <= 0 ? 1_000_000 : Math.Min(1_000_000, distance / hours);
        return speed > MaxSpeedKmh ? speed : null;
    }

    /// <inheritdoc />
    public string SaveState() => JsonSerializer.Serialize(_users.Entries.ToDictionary(static p => p.Key, static p => p.Value, StringComparer.Ordinal), AnalyticsJson.Default.DictionaryStringListTravelPoint);

    /// <inheritdoc />
    public bool LoadState(string state)
    {
        _users.Clear();
        try
        {
            var users = JsonSerializer.Deserialize(state, AnalyticsJson.Default.DictionaryStringListTravelPoint);
            if (users is null)
            {
                return false;
            }

            foreach (var (user, points) in users.Take(MaxUsers))
            {
                if (points is not null)
                {
                    _users.Set(user, [.. points.Where(static p => p?.Ip is not null && p.Location.CountryCode is not null).OrderBy(static p => p.Time).TakeLast(PointsPerUser)]);
                }
            }

            return true;
        }
        catch (JsonException)
        {
            _users.Clear();
            return false;
        }
    }
}
