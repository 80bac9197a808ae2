using Vigil.Response.Incidents;
using Vigil.Storage;
using Vigil.Storage.Incidents;

namespace Vigil.Bench.Web;

/// <summary>Incidents as a busy practice accumulates them: each opened from three alerts (timeline, observables), with a comment.</summary>
internal static class IncidentSeeder
{
    private static readonly string[] Severities = ["low", "medium", "high", "critical"];

    /// <summary>Opens <paramref name="count"/> incidents over the seeded alerts; returns the id of one in the middle.</summary>
    public static async Task<long> SeedAsync(IVigilStore store, DateTimeOffset now, int count, int alerts)
    {
        long middle = 0;
        for (var i = 0; i < count; i++)
        {
            var first = 1 + ((long)i * 3 % Math.Max(alerts - 3, 1));
            var incident = new NewIncident($"Bench incident {i}", Severities[i % Severities.Length], now.AddHours(-i), ["uk-gdpr"]);
            var opened = await IncidentOpening.OpenAsync(store, incident, [first, first + 1, first + 2], null, "bench", CancellationToken.None);
            await store.Incidents.AddCommentAsync(opened.Incident!.Id, "bench", "Checked the sign-in logs; nothing further.", CancellationToken.None);
            if (i == count / 2)
            {
                middle = opened.Incident!.Id;
            }
        }

        return middle;
    }
}
