using Vigil.Response.Incidents;
using Vigil.Storage;

namespace Vigil.Web.Tests.Browser;

/// <summary>The breach browser test's seed: one incident, opened through the store (UK GDPR and Guernsey clocks).</summary>
internal sealed partial class ServeApp
{
    /// <summary>The id of the incident the breach browser test works on.</summary>
    public long BreachIncidentId { get; private set; }

    private async Task SeedBreachIncidentAsync(IVigilStore store, DateTimeOffset now)
        => BreachIncidentId = (await store.Incidents.CreateAsync(new NewIncident("Compromised reception mailbox", "high", now.AddHours(-2), ["uk-gdpr", "gg-dpl"]), "seed", CancellationToken.None)).Id;
}
