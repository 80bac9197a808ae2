using System.Text.Json;
using Vigil.Vulnerabilities.Feeds.Formats;

namespace Vigil.Vulnerabilities.Feeds;

/// <summary>Reads one NVD <c>configurations[]</c> item: operator, negate, nodes and their <c>cpeMatch</c> criteria.</summary>
internal static class NvdConfigurationParser
{
    public static CpeConfiguration? Parse(JsonElement configuration, out string? reason)
    {
        reason = null;
        var nodes = new List<CpeNode>();
        var index = 0;
        foreach (var node in JsonValues.Items(configuration, "nodes"))
        {
            var matches = new List<CpeMatch>();
            foreach (var match in JsonValues.Items(node, "cpeMatch"))
            {
                var criteria = JsonValues.String(match, "criteria");
                if (criteria is null || !criteria.StartsWith("cpe:2.3:", StringComparison.Ordinal))
                {
                    reason = $"nodes[{index}] has a cpeMatch without a CPE 2.3 criteria";
                    return null;
                }

                matches.Add(new CpeMatch(
                    criteria,
                    JsonValues.Get(match, "vulnerable") is { ValueKind: JsonValueKind.True },
                    JsonValues.String(match, "versionStartIncluding"),
                    JsonValues.String(match, "versionStartExcluding"),
                    JsonValues.String(match, "versionEndIncluding"),
                    JsonValues.String(match, "versionEndExcluding")));
            }

            nodes.Add(new CpeNode(Operator(node), Negate(node), matches));
            index++;
        }

        if (nodes.Count == 0)
        {
            reason = "has no nodes";
            return null;
        }

        return new CpeConfiguration(Operator(configuration), Negate(configuration), nodes);
    }

    private static string Operator(JsonElement element) =>
        string.Equals(JsonValues.String(element, "operator"), "AND", StringComparison.OrdinalIgnoreCase) ? "AND" : "OR";

    private static bool Negate(JsonElement element) => JsonValues.Get(element, "negate") is { ValueKind: JsonValueKind.True };
}
