using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Vigil.Vulnerabilities.Feeds;

namespace Vigil.Vulnerabilities.Matching;

/// <summary>
/// The JSON the store keeps for feed records and findings: one compact object per advisory, KEV entry, EPSS score, NVD
/// record or finding. Reading returns null for text that is not such an object (a damaged row is skipped, not fatal).
/// </summary>
public static class VulnJson
{
    /// <summary>Writes an advisory.</summary>
    public static string Write(Advisory value) => Serialize(value, VulnJsonContext.Default.Advisory);

    /// <summary>Writes a KEV entry.</summary>
    public static string Write(KevEntry value) => Serialize(value, VulnJsonContext.Default.KevEntry);

    /// <summary>Writes an EPSS score.</summary>
    public static string Write(EpssScore value) => Serialize(value, VulnJsonContext.Default.EpssScore);

    /// <summary>Writes an NVD record.</summary>
    public static string Write(NvdRecord value) => Serialize(value, VulnJsonContext.Default.NvdRecord);

    /// <summary>Writes a finding.</summary>
    public static string Write(Finding value) => Serialize(value, VulnJsonContext.Default.Finding);

    /// <summary>Reads an advisory, or null.</summary>
    public static Advisory? ReadAdvisory(string json) => Deserialize(json, VulnJsonContext.Default.Advisory);

    /// <summary>Reads a KEV entry, or null.</summary>
    public static KevEntry? ReadKev(string json) => Deserialize(json, VulnJsonContext.Default.KevEntry);

    /// <summary>Reads an EPSS score, or null.</summary>
    public static EpssScore? ReadEpss(string json) => Deserialize(json, VulnJsonContext.Default.EpssScore);

    /// <summary>Reads an NVD record, or null.</summary>
    public static NvdRecord? ReadNvd(string json) => Deserialize(json, VulnJsonContext.Default.NvdRecord);

    /// <summary>Reads a finding, or null.</summary>
    public static Finding? ReadFinding(string json) => Deserialize(json, VulnJsonContext.Default.Finding);

    private static string Serialize<T>(T value, JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonSerializer.Serialize(value, type);
    }

    private static T? Deserialize<T>(string json, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
