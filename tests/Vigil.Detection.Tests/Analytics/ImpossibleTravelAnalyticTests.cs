using Vigil.Detection.Analytics;
using Vigil.Events;
using static Vigil.Detection.Tests.Analytics.Sample;

namespace Vigil.Detection.Tests.Analytics;

public sealed class ImpossibleTravelAnalyticTests
{
    // Where the real DB-IP database (2026-06 build) places these addresses, looked up with the same reader.
    private const string StPeterPort = "88.81.151.139";   // GG, St Peter Port
    private const string StHelier = "87.244.82.222";      // JE, Saint Helier (~50 km)
    private const string London = "81.2.69.144";          // GB, London
    private const string Lagos = "80.88.7.213";           // NG, Lagos
    private const string Madrid = "178.139.136.130";      // ES, Madrid
    private const string Newark = "70.208.134.130";       // US, Newark NJ
    private const string Dearborn = "19.91.78.163";       // US, Dearborn MI (~850 km from Newark)
    private const string Chicago = "108.228.142.130";     // US, Chicago (~1,150 km from Newark)

    [Theory]
    [InlineData(StPeterPort, "GG", "St Peter Port")]
    [InlineData(StHelier, "JE", "Saint Helier")]
    [InlineData(London, "GB", "London")]
    [InlineData(Lagos, "NG", "Lagos (Ikoyi)")]
    [InlineData("2a09:bac5:113:105::1a:a7", "AU", "Sydney")]
    public void Database_places_addresses_where_the_tests_expect(string ip, string country, string city)
    {
        var location = GeoIp.Database.Locate(System.Net.IPAddress.Parse(ip));

        Assert.NotNull(location);
        Assert.Equal(country, location.Value.CountryCode);
        Assert.Equal(city, location.Value.City);
    }

    [Fact]
    public void Private_addresses_have_no_location() =>
        Assert.Null(GeoIp.Database.Locate(System.Net.IPAddress.Parse("10.1.2.3")));

    public static TheoryData<string, string, string, double, bool> Trips => new()
    {
        { "Guernsey then Lagos in 30 minutes", StPeterPort, Lagos, 30, true },
        { "Guernsey then Lagos in 10 hours", StPeterPort, Lagos, 600, false },
        { "Guernsey then Jersey in 2 minutes (within tolerance)", StPeterPort, StHelier, 2, false },
        { "Guernsey then London in 5 minutes (neighbouring, within tolerance)", StPeterPort, London, 5, false },
        { "London then Madrid in 30 minutes", London, Madrid, 30, true },
        { "London then Madrid in 3 hours (a flight)", London, Madrid, 180, false },
        { "London then Newark in 8 hours (a flight)", London, Newark, 480, false },
        { "London then Newark in 1 hour", London, Newark, 60, true },
        { "Newark then Dearborn in 10 minutes (same-country jitter)", Newark, Dearborn, 10, false },
        { "Newark then Chicago in 10 minutes", Newark, Chicago, 10, true },
        { "Guernsey then Lagos at the same second", StPeterPort, Lagos, 0, true },
    };

    [Theory]
    [MemberData(nameof(Trips))]
    public void Travel_fires_only_when_impossible(string name, string from, string to, double minutes, bool fires)
    {
        var found = Run(new ImpossibleTravelAnalytic(GeoIp.Database), [
            Entra("amy@clinic.example", from, "0", T0),
            Entra("amy@clinic.example", to, "0", T0.AddMinutes(minutes)),
        ]);

        Assert.True(fires == (found.Count == 1), $"{name}: {found.Count} detections");
    }

    [Fact]
    public void Detection_names_the_user_the_speed_and_the_earlier_sign_in()
    {
        var first = Entra("amy@clinic.example", StPeterPort, "0", T0);
        var found = Run(new ImpossibleTravelAnalytic(GeoIp.Database), [first, Entra("amy@clinic.example", Lagos, "0", T0.AddMinutes(30))]);

        var match = Assert.Single(found);
        Assert.Equal("amy@clinic.example", match.GroupBy["user"]);
        Assert.InRange(match.Value!.Value, 8_000, 12_000);
        Assert.Same(first, Assert.Single(match.Joined).Event);
    }

    [Fact]
    public void Out_of_order_sign_ins_are_compared_with_their_neighbours_in_time()
    {
        // Arrives: Lagos at 12:30, then Guernsey at 12:00 (earlier), then Guernsey at 18:00.
        var found = Run(new ImpossibleTravelAnalytic(GeoIp.Database), [
            Entra("amy@x", Lagos, "0", T0.AddMinutes(30)),
            Entra("amy@x", StPeterPort, "0", T0),
            Entra("amy@x", StPeterPort, "0", T0.AddHours(16)),
        ]);

        Assert.Single(found);
    }

    [Fact]
    public void Failures_and_other_users_do_not_count()
    {
        var found = Run(new ImpossibleTravelAnalytic(GeoIp.Database), [
            Entra("amy@x", StPeterPort, "0", T0),
            Entra("amy@x", Lagos, "50126", T0.AddMinutes(5)),
            Entra("bob@x", Lagos, "0", T0.AddMinutes(5)),
        ]);

        Assert.Empty(found);
    }

    [Fact]
    public void Unusable_sign_ins_are_counted()
    {
        var analytic = new ImpossibleTravelAnalytic(GeoIp.Database);
        Run(analytic, [Entra("amy@x", null, "0", T0), Entra("amy@x", "10.0.0.1", "0", T0),
            Event("entra.signin", null, ("UserPrincipalName", "amy@x"), ("IPAddress", London), ("ResultType", "0"))]);

        Assert.Equal(1, analytic.Unevaluated["missing-ip"]);
        Assert.Equal(1, analytic.Unevaluated["missing-time"]);
        Assert.False(analytic.Unevaluated.ContainsKey("not-located"));
    }

    [Fact]
    public void State_round_trips_and_still_detects()
    {
        var before = new ImpossibleTravelAnalytic(GeoIp.Database);
        Run(before, [Entra("amy@x", StPeterPort, "0", T0)]);
        var after = new ImpossibleTravelAnalytic(GeoIp.Database);

        Assert.True(after.LoadState(before.SaveState()));
        var found = Run(after, [Entra("amy@x", Lagos, "0", T0.AddMinutes(20))]);
        Assert.Empty(Assert.Single(found).Joined);
        Assert.False(after.LoadState("{not json"));
        Assert.Equal(0, after.Users);
    }

    [Fact]
    public void State_stays_bounded_in_users()
    {
        var analytic = new ImpossibleTravelAnalytic(GeoIp.Database);
        var events = Enumerable.Range(0, ImpossibleTravelAnalytic.MaxUsers + 500).Select(i => Entra($"u{i}@x", London, "0", T0.AddSeconds(i)));
        Run(analytic, events);

        Assert.True(analytic.Users <= ImpossibleTravelAnalytic.MaxUsers);
    }
}
