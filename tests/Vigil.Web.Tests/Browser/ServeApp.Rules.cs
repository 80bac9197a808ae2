using Vigil.Storage;
using Vigil.Web.Auth;

namespace Vigil.Web.Tests.Browser;

/// <summary>Seed data of the Rules tests: a rule of their own (so the marker rule's tests are not disturbed), a broken rule file and an analyst token.</summary>
internal sealed partial class ServeApp
{
    public const string RulesMarker = "VIGIL-RULES-TEST";
    public const string RulesMarkerId = "0c6f2d1e-7a4b-4c3d-9e8f-2a1b3c4d5e6f";
    public const string RulesMarkerTitle = "Rules page marker seen";

    /// <summary>An <c>analyse</c> token for API calls of the Rules tests.</summary>
    public string AnalystToken { get; private set; } = "";

    private async Task SeedRulesAsync(IVigilStore store, DateTimeOffset now)
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "rules", "rules-page.yml"), $"""
            title: {RulesMarkerTitle}
            id: {RulesMarkerId}
            status: test
            description: Fires on the Rules tests' marker.
            author: Vigil tests
            tags:
              - attack.initial_access
              - attack.t1078
            logsource:
              product: vigil-tests
            detection:
              selection:
                action: {RulesMarker}
              condition: selection
            level: high
            """);
        await File.WriteAllTextAsync(Path.Combine(_root, "rules", "broken.yml"), """
            title: Broken on purpose
            logsource:
              product: vigil-tests
            detection:
              selection:
                action: never
              condition: selection and
            level: low
            """);
        AnalystToken = (await store.Tokens.CreateAsync("rules-tests", [Scopes.Analyse], now, CancellationToken.None)).Secret;
    }
}
