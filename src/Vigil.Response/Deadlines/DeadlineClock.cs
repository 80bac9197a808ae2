using Vigil.Response.Incidents;

namespace Vigil.Response.Deadlines;

/// <summary>Computes an incident's deadline clocks from its awareness time and jurisdictions.</summary>
public sealed class DeadlineClock
{
    private readonly TimeProvider _time;

    /// <summary>Creates a clock reading <paramref name="time"/>.</summary>
    public DeadlineClock(TimeProvider time) => _time = time ?? throw new ArgumentNullException(nameof(time));

    /// <summary>
    /// The clocks of <paramref name="incident"/>, soonest first, for <paramref name="affected"/> people (null when not
    /// yet known). Unknown jurisdiction ids are skipped (see <see cref="Jurisdictions.Find"/>).
    /// </summary>
    public IReadOnlyList<Clock> For(Incident incident, int? affected = null)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var now = _time.GetUtcNow();
        var clocks = new List<Clock>();
        foreach (var id in incident.Jurisdictions)
        {
            if (Jurisdictions.Find(id) is not { } profile)
            {
                continue;
            }

            foreach (var rule in profile.Deadlines.Where(r => r.AppliesTo(affected)))
            {
                var due = rule.DueFrom(incident.AwareAt);
                clocks.Add(new Clock(profile.Id, rule, due, due - now, affected is null && rule.MinimumAffected is not null));
            }
        }

        return [.. clocks.OrderBy(c => c.Due).ThenBy(c => c.Key, StringComparer.Ordinal)];
    }
}
