using Vigil.Detection.Analytics;
using Vigil.Detection.Rules;
using Vigil.Events;
using static Vigil.Detection.Tests.Analytics.Sample;

namespace Vigil.Detection.Tests.Analytics;

public sealed class FirstSeenAnalyticTests
{
    private const string Guernsey = "88.81.151.139";
    private const string GuernseyOtherNetwork = "185.252.253.13";
    private const string Lagos = "80.88.7.213";

    private static readonly SignInLearning Learning = new(10, TimeSpan.FromDays(7));

    /// <summary>A user's daily sign-ins from Guernsey for <paramref name="days"/> days.</summary>
    private static IEnumerable<LogEvent> History(string user, int days, string ip = Guernsey) =>
        Enumerable.Range(0, days).Select(d => Entra(user, ip, "0", T0.AddDays(d)));

    public static TheoryData<string, Func<IEnumerable<LogEvent>>, string[]> Countries => new()
    {
        { "new country after learning", () => [.. History("amy@x", 12), Entra("amy@x", Lagos, "0", T0.AddDays(12).AddHours(1))], ["NG"] },
        { "new country during learning (too few sign-ins)", () => [.. History("amy@x", 5), Entra("amy@x", Lagos, "0", T0.AddDays(8))], [] },
        { "new country during learning (too short)", () => [.. Enumerable.Range(0, 20).Select(i => Entra("amy@x", Guernsey, "0", T0.AddHours(i))), Entra("amy@x", Lagos, "0", T0.AddDays(2))], [] },
        { "same country again", () => [.. History("amy@x", 12), Entra("amy@x", GuernseyOtherNetwork, "0", T0.AddDays(13))], [] },
        { "new country reported once", () => [.. History("amy@x", 12), Entra("amy@x", Lagos, "0", T0.AddDays(13)), Entra("amy@x", Lagos, "0", T0.AddDays(14))], ["NG"] },
        { "failed sign-in from a new country", () => [.. History("amy@x", 12), Entra("amy@x", Lagos, "50126", T0.AddDays(13))], [] },
        { "another user's history does not count", () => [.. History("bob@x", 12), Entra("amy@x", Lagos, "0", T0.AddDays(13))], [] },
    };

    [Theory]
    [MemberData(nameof(Countries))]
    public void New_country_fires_after_learning(string name, Func<IEnumerable<LogEvent>> events, string[] expected)
    {
        var found = Run(new FirstSeenPlaceAnalytic(GeoIp.Database, PlaceKind.Country, Learning), events());

        Assert.True(expected.SequenceEqual(found.Select(static m => m.GroupBy["country"])), name);
        Assert.All(found, static m => Assert.Equal(Level.Low, m.Rule.Level));
    }

    [Fact]
    public void New_network_fires_low_for_a_new_slash_16()
    {
        var analytic = new FirstSeenPlaceAnalytic(GeoIp.Database, PlaceKind.Network, Learning);
        var found = Run(analytic, [.. History("amy@x", 12), Entra("amy@x", "88.81.1.1", "0", T0.AddDays(13)), Entra("amy@x", GuernseyOtherNetwork, "0", T0.AddDays(13))]);

        var match = Assert.Single(found);
        Assert.Equal("185.252.0.0/16", match.GroupBy["network"]);
        Assert.Equal(Level.Low, match.Rule.Level);
    }

    [Fact]
    public void Legacy_protocol_fires_for_an_account_that_never_used_it()
    {
        var analytic = new LegacyProtocolAnalytic(Learning);
        var found = Run(analytic, [
            .. History("amy@x", 12),
            Entra("amy@x", Lagos, "0", T0.AddDays(13), "IMAP4"),
            Entra("amy@x", Lagos, "0", T0.AddDays(13).AddMinutes(5), "IMAP4"),
            Entra("amy@x", Lagos, "50126", T0.AddDays(13), "POP3"),
            Entra("amy@x", Lagos, "0", T0.AddDays(14), "Exchange ActiveSync"),
        ]);

        var match = Assert.Single(found);
        Assert.Equal("IMAP4", match.GroupBy["protocol"]);
        Assert.Equal("amy@x", match.GroupBy["user"]);
        Assert.Equal(Level.Medium, match.Rule.Level);
    }

    [Fact]
    public void Dovecot_users_of_imap_from_the_start_are_not_reported_but_a_switch_to_pop3_is()
    {
        var analytic = new LegacyProtocolAnalytic(Learning);
        var found = Run(analytic, [
            .. Enumerable.Range(0, 12).Select(d => Dovecot("imap-login", "amy", "203.0.113.5", true, T0.AddDays(d))),
            Dovecot("imap-login", "amy", "203.0.113.5", true, T0.AddDays(12)),
            Dovecot("pop3-login", "amy", "203.0.113.5", true, T0.AddDays(13)),
        ]);

        Assert.Equal("POP3", Assert.Single(found).GroupBy["protocol"]);
    }

    [Theory]
    [InlineData("IMAP4", "IMAP4")]
    [InlineData("POP3", "POP3")]
    [InlineData("Authenticated SMTP", "Authenticated SMTP")]
    [InlineData("Browser", null)]
    [InlineData("Mobile Apps and Desktop clients", null)]
    public void Legacy_protocol_names_are_recognised(string clientApp, string? expected) =>
        Assert.Equal(expected, LegacyProtocolAnalytic.Legacy(clientApp));

    [Fact]
    public void First_seen_state_round_trips()
    {
        var before = new FirstSeenPlaceAnalytic(GeoIp.Database, PlaceKind.Country, Learning);
        Run(before, History("amy@x", 12));
        var after = new FirstSeenPlaceAnalytic(GeoIp.Database, PlaceKind.Country, Learning);

        Assert.True(after.LoadState(before.SaveState()));
        Assert.Single(Run(after, [Entra("amy@x", Lagos, "0", T0.AddDays(20))]));
        Assert.Empty(Run(after, [Entra("amy@x", Guernsey, "0", T0.AddDays(21))]));
        Assert.False(after.LoadState("[1,2"));
    }

    [Fact]
    public void First_seen_state_is_bounded()
    {
        var analytic = new LegacyProtocolAnalytic(Learning);
        Run(analytic, Enumerable.Range(0, FirstSeenStore.MaxUsers + 100).Select(i => Entra($"u{i}@x", Guernsey, "0", T0)));
        Assert.True(analytic.Users <= FirstSeenStore.MaxUsers);

        var user = new FirstSeenUser { First = T0 };
        for (var i = 0; i < FirstSeenUser.MaxValues * 2; i++)
        {
            user.Add($"v{i}", T0.AddMinutes(i));
        }

        Assert.Equal(FirstSeenUser.MaxValues, user.Values.Count);
        Assert.Contains($"v{(FirstSeenUser.MaxValues * 2) - 1}", user.Values.Keys);
    }
}
