using System.Text.Json.Serialization;
using Vigil.Vulnerabilities.Feeds;

namespace Vigil.Vulnerabilities.Matching;

/// <summary>Source-generated JSON for the records the store keeps (compact: camelCase, nulls left out).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Advisory))]
[JsonSerializable(typeof(KevEntry))]
[JsonSerializable(typeof(EpssScore))]
[JsonSerializable(typeof(NvdRecord))]
[JsonSerializable(typeof(Finding))]
internal sealed partial class VulnJsonContext : JsonSerializerContext;
