using System.Text.Json;
using Vigil.Vulnerabilities.Matching;

namespace Vigil.Cli.Vulns;

/// <summary>The fields that say which finding it is, written the same way in jsonl output and in overdue alerts.</summary>
internal static class FindingJson
{
    public static void WriteIdentity(Utf8JsonWriter json, Finding f)
    {
        json.WriteString("asset", f.Asset);
        json.WriteString("package", f.Package);
        json.WriteString("version", f.Version);
        json.WriteString("ecosystem", f.Ecosystem);
        json.WriteString("advisory", f.Advisory);
        json.WriteStartArray("aliases");
        foreach (var alias in f.Aliases)
        {
            json.WriteStringValue(alias);
        }

        json.WriteEndArray();
        json.WriteString("fixed_version", f.FixedVersion);
    }
}
