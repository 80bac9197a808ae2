using Vigil.Response.Incidents;
using Vigil.Storage.Incidents;

namespace Vigil.Web.Api;

/// <summary>Open incidents by status (counts only: titles may name patients).</summary>
/// <param name="ByStatus">Every status but closed, in workflow order, with its count.</param>
/// <param name="AtLeast">True when there were more open incidents than were counted (<see cref="Cap"/>).</param>
internal sealed record OverviewIncidents(IReadOnlyDictionary<string, int> ByStatus, bool AtLeast)
{
    /// <summary>The most open incidents counted.</summary>
    public const int Cap = 1000;

    public int Open => ByStatus.Values.Sum();

    public static async Task<OverviewIncidents> LoadAsync(IIncidentStore store, CancellationToken ct)
    {
        var open = await store.ListAsync(new IncidentQuery(OpenOnly: true, Limit: Cap + 1), ct).ConfigureAwait(false);
        var counted = open.Take(Cap).ToList();
        var byStatus = Enum.GetValues<IncidentStatus>().Where(static s => s != IncidentStatus.Closed)
            .ToDictionary(static s => s.ToString().ToLowerInvariant(), s => counted.Count(i => i.Status == s), StringComparer.Ordinal);
        return new OverviewIncidents(byStatus, open.Count > Cap);
    }
}
