using System.Text.Json;
using Vigil.Response.Breach;

namespace Vigil.Response.Tests.Breach;

public sealed class DecisionAndRegisterTests
{
    private static BreachAssessment Assessment(BreachFacts? facts = null)
    {
        facts ??= Fixtures.Facts;
        var scope = Fixtures.Scope(3);
        var risk = RiskAssessor.Assess(scope, facts);
        return new BreachAssessment("INC-2026-0001", Fixtures.Aware, Fixtures.Aware.AddHours(2), facts, scope, risk,
            [JurisdictionRules.Rule("gg-dpl", scope, risk, facts, Fixtures.Aware)]);
    }

    [Fact]
    public void A_decision_records_who_when_why_and_whether_it_departs_from_the_assessment()
    {
        var at = Fixtures.Aware.AddHours(10);

        var decided = Assessment().Decide(regulator: true, individuals: false, "Letters wait for police advice", "dpo", at);

        Assert.Equal(new NotificationDecision(true, "Letters wait for police advice", "dpo", at, true), decided.RegulatorDecision);
        Assert.False(decided.IndividualsDecision!.Notify);
        Assert.False(decided.IndividualsDecision.AgreesWithAssessment);
        Assert.Throws<ArgumentException>(() => Assessment().Decide(true, true, " ", "dpo", at));
    }

    [Fact]
    public void The_register_exports_every_incident_notified_or_not_as_csv_and_json()
    {
        var notified = Assessment(Fixtures.Facts with { CaseReference = "ODPA-123", OtherBodiesTold = ["Police"] })
            .Decide(true, true, "High risk: health data", "dpo", Fixtures.Aware.AddHours(10));
        var entries = new[]
        {
            BreachRegister.Entry(Fixtures.Incident("gg-dpl"), notified),
            BreachRegister.Entry(Fixtures.Incident("gg-dpl") with { Reference = "INC-2026-0002", Title = "Lost laptop" }, null),
        };

        var csv = BreachRegister.ToCsv(entries).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        using var json = JsonDocument.Parse(BreachRegister.ToJson(entries));

        Assert.Equal(3, csv.Length);
        Assert.StartsWith("reference,title,occurred_at,discovered_at", csv[0], StringComparison.Ordinal);
        Assert.Contains("INC-2026-0001,Compromised mailbox,,2026-11-02T09:00:00Z", csv[1], StringComparison.Ordinal);
        Assert.Contains("ODPA-123", csv[1], StringComparison.Ordinal);
        Assert.Contains("notify (dpo, 2026-11-02 19:00 UTC): High risk: health data", csv[1], StringComparison.Ordinal);
        Assert.Contains("not assessed", csv[2], StringComparison.Ordinal);
        var first = json.RootElement[0];
        Assert.Equal(3, first.GetProperty("people").GetInt32());
        Assert.True(first.GetProperty("special_category").GetBoolean());
        Assert.Equal("ODPA", first.GetProperty("authorities_required")[0].GetString());
        Assert.Equal("not decided", json.RootElement[1].GetProperty("regulator_decision").GetString());
    }
}
