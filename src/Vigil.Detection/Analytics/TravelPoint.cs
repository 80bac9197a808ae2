using System.Text.Json.Serialization;
using Vigil.Events;

namespace Vigil.Detection.Analytics;

/// <summary>One located successful sign-in of a user.</summary>
/// <param name="Time">Its event time.</param>
/// <param name="Ip">The client address.</param>
/// <param name="Location">Where GeoIP puts it.</param>
internal sealed record TravelPoint(DateTimeOffset Time, string Ip, GeoLocation Location)
{
    /// <summary>The event, while in memory (not saved with the state).</summary>
    [JsonIgnore]
    public LogEvent? Event { get; init; }
}
