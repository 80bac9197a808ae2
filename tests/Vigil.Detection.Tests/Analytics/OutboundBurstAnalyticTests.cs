using Vigil.Detection.Analytics;
using Vigil.Diagnostics;
using Vigil.Events;
using Vigil.Ingestion;
using static Vigil.Detection.Tests.Analytics.Sample;

namespace Vigil.Detection.Tests.Analytics;

public sealed class OutboundBurstAnalyticTests
{
    private static readonly string[] Clinic = ["clinic.gg"];

    /// <summary>Ten days of ordinary mail: each morning amy writes to 4 patients, bob to a colleague; patients write in.</summary>
    private static IEnumerable<LogEvent> Background() =>
        from day in Enumerable.Range(0, 10)
        from e in new[]
        {
            Tracking("amy@clinic.gg", $"p{day}a@gmail.com;p{day}b@gmail.com", T0.AddDays(day)),
            Tracking("amy@clinic.gg", $"p{day}c@yahoo.co.uk;p{day}d@outlook.com", T0.AddDays(day).AddMinutes(30)),
            Tracking("bob@clinic.gg", "amy@clinic.gg", T0.AddDays(day).AddHours(1)),
            Tracking($"p{day}@gmail.com", "amy@clinic.gg", T0.AddDays(day).AddHours(2), "RECEIVE", "Incoming"),
        }
        select e;

    private static IEnumerable<LogEvent> Burst(string sender, int recipients, TimeSpan over, DateTimeOffset start) =>
        Enumerable.Range(0, recipients).Select(i => Tracking(sender, $"patient{i}@mail{i % 7}.example", start + (over * i / recipients)));

    private static readonly DateTimeOffset Attack = T0.AddDays(11);

    public static TheoryData<string, Func<IEnumerable<LogEvent>>, int> Sequences => new()
    {
        { "ordinary mail", Background, 0 },
        { "60 patients in 5 minutes", () => [.. Background(), .. Burst("amy@clinic.gg", 60, TimeSpan.FromMinutes(5), Attack)], 1 },
        { "30 patients in 5 minutes (not over 30)", () => [.. Background(), .. Burst("amy@clinic.gg", 30, TimeSpan.FromMinutes(5), Attack)], 0 },
        { "60 patients over 3 hours", () => [.. Background(), .. Burst("amy@clinic.gg", 60, TimeSpan.FromHours(3), Attack)], 0 },
        { "60 colleagues in 5 minutes (internal)", () => [.. Background(), .. Enumerable.Range(0, 60).Select(i => Tracking("amy@clinic.gg", $"c{i}@clinic.gg", Attack.AddSeconds(i)))], 0 },
        { "an outside sender mailing 60 of us", () => [.. Background(), .. Enumerable.Range(0, 60).Select(i => Tracking("spam@bulk.example", $"p{i}@gmail.com", Attack.AddSeconds(i), "RECEIVE", "Incoming"))], 0 },
        { "one message to 60 recipients", () => [.. Background(), Tracking("amy@clinic.gg", string.Join(';', Enumerable.Range(0, 60).Select(i => $"p{i}@gmail.com")), Attack)], 1 },
        { "a burst lasting an hour reports once", () => [.. Background(), .. Burst("amy@clinic.gg", 400, TimeSpan.FromMinutes(50), Attack)], 1 },
    };

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Burst_fires_against_the_sender_baseline(string name, Func<IEnumerable<LogEvent>> events, int expected)
    {
        var found = Run(new OutboundBurstAnalytic(Clinic), events());

        Assert.True(expected == found.Count, $"{name}: {found.Count} detections");
        Assert.All(found, static m => Assert.Equal("amy@clinic.gg", m.GroupBy["sender"]));
    }

    [Fact]
    public void A_sender_that_usually_mails_many_needs_five_times_its_usual_maximum()
    {
        // A newsletter sender: 20 external recipients an hour every day; 60 is 3x its usual, 120 is 6x.
        var newsletter = Enumerable.Range(0, 10).SelectMany(d => Burst("news@clinic.gg", 20, TimeSpan.FromMinutes(20), T0.AddDays(d)));

        Assert.Empty(Run(new OutboundBurstAnalytic(Clinic), [.. newsletter, .. Burst("news@clinic.gg", 60, TimeSpan.FromMinutes(5), Attack)]));
        Assert.Single(Run(new OutboundBurstAnalytic(Clinic), [.. newsletter, .. Burst("news@clinic.gg", 120, TimeSpan.FromMinutes(5), Attack)]));
    }

    [Fact]
    public void Internal_domain_is_inferred_from_senders_that_submit_from_inside()
    {
        var analytic = new OutboundBurstAnalytic([]);
        // Many patients at gmail.com write in; the clinic's own submissions decide.
        var inbound = Enumerable.Range(0, 40).Select(i => Tracking($"p{i}@gmail.com", "amy@clinic.gg", T0.AddMinutes(i), "RECEIVE", "Incoming"));
        var found = Run(analytic, [.. inbound, .. Background(), .. Burst("amy@clinic.gg", 60, TimeSpan.FromMinutes(5), Attack)]);

        Assert.Equal(["clinic.gg"], analytic.Domains);
        Assert.Single(found);
    }

    [Fact]
    public void A_sender_without_a_baseline_is_not_judged_before_a_day_of_mail_has_been_seen()
    {
        static LogEvent Line(DateTimeOffset t, string queue, params (string, string?)[] fields) =>
            Event("postfix", t, [("postfix.queue_id", queue), .. fields]);

        var events = new List<LogEvent>
        {
            Line(Attack, "R0", ("postfix.client_ip", "10.0.0.5"), ("postfix.sasl_username", "reception"), ("postfix.action", "sasl-login")),
            Line(Attack, "R0", ("postfix.from", "reception@clinic.gg")),
        };
        events.AddRange(Enumerable.Range(0, 40).Select(i => Line(Attack.AddSeconds(i), "R0", ("postfix.to", $"p{i}@gmail.com"), ("postfix.status", "sent"))));

        Assert.Empty(Run(new OutboundBurstAnalytic(Clinic), events));
    }

    [Fact]
    public void Postfix_lines_are_joined_by_queue_id()
    {
        static LogEvent Line(DateTimeOffset t, string queue, params (string, string?)[] fields) =>
            Event("postfix", t, [("postfix.queue_id", queue), .. fields]);

        // A day earlier, one ordinary message: the analytic has learnt for a day when the burst comes.
        var events = new List<LogEvent>
        {
            Line(Attack.AddDays(-1), "P0", ("postfix.client_ip", "10.0.0.6"), ("postfix.sasl_username", "bob"), ("postfix.action", "sasl-login")),
            Line(Attack.AddDays(-1), "P0", ("postfix.from", "bob@clinic.gg")),
            Line(Attack.AddDays(-1), "P0", ("postfix.to", "someone@gmail.com"), ("postfix.status", "sent")),
            Line(Attack, "Q0", ("postfix.client_ip", "10.0.0.5"), ("postfix.sasl_username", "amy"), ("postfix.action", "sasl-login")),
        };
        events.Add(Line(Attack, "Q0", ("postfix.from", "amy@clinic.gg")));
        events.AddRange(Enumerable.Range(0, 40).Select(i => Line(Attack.AddSeconds(i), "Q0", ("postfix.to", $"p{i}@gmail.com"), ("postfix.status", "sent"))));
        events.Add(Line(Attack, "Q9", ("postfix.to", "x@gmail.com")));
        var analytic = new OutboundBurstAnalytic(Clinic);

        var found = Run(analytic, events);

        Assert.Equal("amy@clinic.gg", Assert.Single(found).GroupBy["sender"]);
        Assert.Equal(1, analytic.Unevaluated["unknown-queue-id"]);
    }

    [Fact]
    public void Missing_addresses_and_unknown_domains_are_counted()
    {
        var analytic = new OutboundBurstAnalytic([]);
        Run(analytic, [
            Event("exchange.tracking", T0, ("event-id", "SEND"), ("sender-address", "amy@clinic.gg")),
            Tracking("amy@clinic.gg", "p@gmail.com", T0),
        ]);

        Assert.Equal(1, analytic.Unevaluated["missing-address"]);
        Assert.Equal(1, analytic.Unevaluated["internal-domain-unknown"]);
    }

    [Fact]
    public void Baseline_survives_a_state_round_trip_and_is_bounded()
    {
        var newsletter = Enumerable.Range(0, 10).SelectMany(d => Burst("news@clinic.gg", 20, TimeSpan.FromMinutes(20), T0.AddDays(d)));
        var before = new OutboundBurstAnalytic(Clinic);
        Run(before, newsletter);
        var after = new OutboundBurstAnalytic(Clinic);

        Assert.True(after.LoadState(before.SaveState()));
        Assert.Empty(Run(after, Burst("news@clinic.gg", 60, TimeSpan.FromMinutes(5), Attack)));
        Assert.False(after.LoadState("{"));

        var many = new OutboundBurstAnalytic(Clinic);
        Run(many, Enumerable.Range(0, OutboundBurstAnalytic.MaxSenders + 100).Select(i => Tracking($"s{i}@clinic.gg", "p@gmail.com", T0)));
        Assert.True(many.Senders <= OutboundBurstAnalytic.MaxSenders);
    }

    [Fact]
    public void Real_message_tracking_sample_is_read_without_detections()
    {
        var path = Support.Repository.SharedData("logs/elastic-integrations/exchange-messagetracking.log");
        var analytic = new OutboundBurstAnalytic(["my.domain.com", "example.com"]);

        Assert.Empty(Run(analytic, LogFiles.Read(path, new ProblemLog()).ToList()));
        Assert.DoesNotContain("missing-address", analytic.Unevaluated.Keys);
    }
}
