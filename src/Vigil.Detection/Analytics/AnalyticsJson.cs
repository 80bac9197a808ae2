using System.Text.Json.Serialization;

namespace Vigil.Detection.Analytics;

/// <summary>Source-generated JSON for the analytics' saved state (works in trimmed and AOT hosts too).</summary>
[JsonSerializable(typeof(Dictionary<string, FirstSeenUser>))]
[JsonSerializable(typeof(Dictionary<string, List<TravelPoint>>))]
[JsonSerializable(typeof(BulkMailAccessState))]
[JsonSerializable(typeof(Dictionary<string, Dictionary<long, int>>))]
[JsonSerializable(typeof(Dictionary<string, Dictionary<string, DateTimeOffset>>))]
internal sealed partial class AnalyticsJson : JsonSerializerContext;
