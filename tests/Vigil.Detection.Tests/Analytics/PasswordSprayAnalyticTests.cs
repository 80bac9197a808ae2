using Vigil.Detection.Analytics;
using Vigil.Detection.Rules;
using Vigil.Diagnostics;
using Vigil.Events;
using Vigil.Ingestion;
using static Vigil.Detection.Tests.Analytics.Sample;

namespace Vigil.Detection.Tests.Analytics;

public sealed class PasswordSprayAnalyticTests
{
    private const string Attacker = "198.51.100.23";

    private static IEnumerable<LogEvent> Failures(int accounts, TimeSpan step, string ip = Attacker, int start = 0) =>
        Enumerable.Range(start, accounts).Select(i => Entra($"user{i}@clinic.example", ip, "50126", T0 + (step * (i - start))));

    public static TheoryData<string, Func<IEnumerable<LogEvent>>, string[]> Sequences => new()
    {
        { "5 accounts in 4 minutes, then a success", () => [.. Failures(5, TimeSpan.FromMinutes(1)), Entra("user9@clinic.example", Attacker, "0", T0.AddMinutes(10))], ["password-spray", "password-spray-success"] },
        { "5 accounts, no success", () => Failures(5, TimeSpan.FromMinutes(1)), ["password-spray"] },
        { "4 accounts and a success", () => [.. Failures(4, TimeSpan.FromMinutes(1)), Entra("user9@clinic.example", Attacker, "0", T0.AddMinutes(5))], [] },
        { "5 accounts spread over 40 minutes", () => Failures(5, TimeSpan.FromMinutes(10)), [] },
        { "one account failing 20 times", () => Enumerable.Range(0, 20).Select(i => Entra("a@clinic.example", Attacker, "50126", T0.AddSeconds(i))), [] },
        { "5 accounts from 5 addresses", () => Enumerable.Range(0, 5).SelectMany(i => Failures(1, TimeSpan.Zero, $"198.51.100.{i}", i)), [] },
        { "success an hour after the spray", () => [.. Failures(5, TimeSpan.FromMinutes(1)), Entra("user9@clinic.example", Attacker, "0", T0.AddMinutes(70))], ["password-spray"] },
        { "MFA required (password right) after the spray", () => [.. Failures(6, TimeSpan.FromSeconds(5)), Entra("user9@clinic.example", Attacker, "50074", T0.AddMinutes(1))], ["password-spray", "password-spray-success"] },
        { "out of order: success first, failures after", () => [Entra("user9@clinic.example", Attacker, "0", T0.AddMinutes(6)), .. Failures(5, TimeSpan.FromMinutes(1)).Reverse()], ["password-spray", "password-spray-success"] },
        { "shared office NAT: as many successes as failures", () => [.. Enumerable.Range(10, 6).Select(i => Entra($"user{i}@clinic.example", Attacker, "0", T0)), .. Failures(5, TimeSpan.FromMinutes(1))], [] },
        { "unknown result codes are not failures", () => Enumerable.Range(0, 6).Select(i => Entra($"user{i}@x", Attacker, "50140", T0.AddSeconds(i))), [] },
        { "UAL records", () => [.. Enumerable.Range(0, 5).Select(i => Ual($"u{i}@x", "[2a09:bac5:113:105::1a:a7]:2345", false, T0.AddSeconds(i))), Ual("v@x", "2a09:bac5:113:105::1a:a7", true, T0.AddMinutes(1))], ["password-spray", "password-spray-success"] },
        { "Windows 4625 then 4624", () => [.. Enumerable.Range(0, 5).Select(i => Windows("4625", $"u{i}", Attacker, T0.AddSeconds(i))), Windows("4624", "v", Attacker, T0.AddMinutes(1))], ["password-spray", "password-spray-success"] },
        { "Dovecot failures then a login", () => [.. Enumerable.Range(0, 5).Select(i => Dovecot("imap-login", $"u{i}", Attacker, false, T0.AddSeconds(i))), Dovecot("imap-login", "v", Attacker, true, T0.AddMinutes(1))], ["password-spray", "password-spray-success"] },
    };

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Spray_fires_as_the_table_says(string name, Func<IEnumerable<LogEvent>> events, string[] expected)
    {
        var found = Run(new PasswordSprayAnalytic(), events());

        Assert.True(expected.SequenceEqual(found.Select(static m => m.Rule.Id["vigil-analytic-".Length..])), name + ": " + string.Join(",", found.Select(static m => m.Rule.Id)));
        Assert.All(found, static m => Assert.Equal("ip", Assert.Single(m.GroupBy).Key));
    }

    [Fact]
    public void Spray_detection_lists_the_failures_and_counts_accounts()
    {
        var found = Run(new PasswordSprayAnalytic(), [.. Failures(7, TimeSpan.FromSeconds(30)), Entra("user9@clinic.example", Attacker, "0", T0.AddMinutes(5))]);

        var success = found.Single(static m => m.Rule.Level == Level.High);
        Assert.Equal(Attacker, success.GroupBy["ip"]);
        Assert.True(success.Value >= 5);
        Assert.Equal(success.Value, success.Joined.Where(static j => j.Rule.Id == "vigil-analytic-signin-failure").Select(static j => j.Event.Get("UserPrincipalName")).Distinct().Count());
        Assert.Equal("user9@clinic.example", success.Joined.Single(static j => j.Rule.Id == "vigil-analytic-signin-success").Event.Get("UserPrincipalName"));
        Assert.Single(found, static m => m.Rule.Level == Level.Medium);
    }

    [Fact]
    public void Events_it_cannot_use_are_counted_by_reason()
    {
        var analytic = new PasswordSprayAnalytic();
        Run(analytic, [
            Entra("", Attacker, "50126", T0),
            Event("entra.signin", T0, ("UserPrincipalName", "a@x"), ("IPAddress", Attacker)),
            Entra("a@x", null, "50126", T0),
            Entra("a@x", "not-an-ip", "50126", T0),
            Event("entra.signin", null, ("UserPrincipalName", "a@x"), ("IPAddress", Attacker), ("ResultType", "50126")),
            Event("m365.audit", T0, ("Operation", "New-InboxRule")),
        ]);

        Assert.Equal(1, analytic.Unevaluated["missing-user"]);
        Assert.Equal(1, analytic.Unevaluated["missing-result"]);
        Assert.Equal(2, analytic.Unevaluated["missing-ip"]);
        Assert.Equal(1, analytic.Unevaluated["missing-time"]);
    }

    [Fact]
    public void Events_far_behind_their_address_are_too_late()
    {
        var analytic = new PasswordSprayAnalytic();
        Run(analytic, [Entra("a@x", Attacker, "50126", T0.AddHours(2)), Entra("b@x", Attacker, "50126", T0)]);

        Assert.Equal(1, analytic.Unevaluated["too-late"]);
    }

    [Fact]
    public void Real_msolspray_with_success_sample_fires_the_spray_and_its_success()
    {
        var path = Support.Repository.SharedData("logs/det-eng-samples/t1110.003_msolspraywithsuccess_1.csv");
        var problems = new ProblemLog();
        var found = Run(new PasswordSprayAnalytic(), LogFiles.Read(path, problems).ToList());

        Assert.Equal(0, problems.Total);
        var success = Assert.Single(found, static m => m.Rule.Id == "vigil-analytic-password-spray-success");
        Assert.Equal("2a09:bac5:113:105::1a:a7", success.GroupBy["ip"]);
        Assert.Equal("Miriam@contoso.onmicrosoft.com", success.Joined.Single(static j => j.Rule.Id == "vigil-analytic-signin-success").Event.Get("UserId"));
        Assert.Single(found, static m => m.Rule.Id == "vigil-analytic-password-spray");
    }

    [Theory]
    [InlineData("t1110.003_msolspray-powershell.json", true)]
    [InlineData("t1110.003_msolspray-python.json", true)]
    [InlineData("t1110.003_o365spray_reporting.csv", true)]
    [InlineData("t1110.003_o365spray_default.json", false)]
    public void Real_spray_samples_fire(string file, bool withSuccess)
    {
        var path = Support.Repository.SharedData("logs/det-eng-samples/" + file);
        var found = Run(new PasswordSprayAnalytic(), LogFiles.Read(path, new ProblemLog()).ToList());

        Assert.Single(found, static m => m.Rule.Id == "vigil-analytic-password-spray");
        Assert.Equal(withSuccess, found.Any(static m => m.Rule.Id == "vigil-analytic-password-spray-success"));
    }
}
