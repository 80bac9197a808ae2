using Vigil.Response.Incidents;
using Vigil.Storage.Incidents;

namespace Vigil.Web.Api;

/// <summary>Open incidents by status (counts only: titles may name patients).</summary>
/// <param name="ByStatus">Every status but closed, in workflow order, with its count.</param>
internal sealed record OverviewIncidents(IReadOnlyDictionary<string, int> ByStatus)
{
    public int Open => ByStatus.Values.Sum();

    public static async Task<OverviewIncidents> LoadAsync(IIncidentStore store, CancellationToken ct)
    {
        var counts = await store.CountByStatusAsync(ct).ConfigureAwait(false);
        var byStatus = Enum.GetValues<IncidentStatus>().Where(static s => s != IncidentStatus.Closed)
            .ToDictionary(static s => s.ToString().ToLowerInvariant(), s => counts.GetValueOrDefault(s), StringComparer.Ordinal);
        return new OverviewIncidents(byStatus);
    }
}
