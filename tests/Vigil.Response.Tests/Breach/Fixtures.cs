using Vigil.Response.Breach;
using Vigil.Response.Incidents;

namespace Vigil.Response.Tests.Breach;

internal static class Fixtures
{
    public static readonly DateTimeOffset Aware = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static Incident Incident(params string[] jurisdictions) =>
        new(1, "INC-2026-0001", "Compromised mailbox", "high", IncidentStatus.Investigating, "dpo", Aware.AddHours(-1), Aware, jurisdictions, "compromised-mailbox");

    public static BreachFacts Facts { get; } = new()
    {
        Organisation = "St Peter Port Medical Group",
        ContactPoint = "Data Protection Officer, dpo@practice.example.gg, 01481 000000",
        Description = "An attacker signed in to a staff mailbox and could read its messages.",
        MeasuresTaken = ["Password reset and sessions revoked", "Forwarding rule removed"],
        MeasuresProposed = ["Multi-factor authentication for every account"],
    };

    public static BreachScope Scope(int people, bool health = true, bool contact = true) =>
        new(people, people, people, contact ? people : 0, health ? people : 0, 1, 0, new Dictionary<string, int> { ["UK_NHS"] = people });
}
