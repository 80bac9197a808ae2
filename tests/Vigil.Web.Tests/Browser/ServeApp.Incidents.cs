namespace Vigil.Web.Tests.Browser;

/// <summary>Seed data of the incident browser test: a rule of its own, so its alert never looks like the alert workflow test's.</summary>
internal sealed partial class ServeApp
{
    public const string IncidentMarker = "VIGIL-INCIDENT-BROWSER-TEST";

    public const string IncidentRuleTitle = "Browser test inbox rule created";

    private Task SeedIncidentRuleAsync() => File.WriteAllTextAsync(Path.Combine(_root, "rules", "incident-marker.yml"), $"""
        title: {IncidentRuleTitle}
        id: 0c6f2d2e-5b7a-4a57-9a0e-3e1f4b6c8d11
        status: test
        description: Fires on the incident browser test marker, standing in for a suspicious inbox rule.
        author: Vigil tests
        tags:
          - attack.collection
          - attack.t1114.003
        logsource:
          product: vigil-tests
        detection:
          selection:
            action: {IncidentMarker}
          condition: selection
        level: high
        """);
}
