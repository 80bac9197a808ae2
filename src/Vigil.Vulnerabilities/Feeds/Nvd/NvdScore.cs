using System.Text.Json;
using Vigil.Vulnerabilities.Feeds.Cvss;
using Vigil.Vulnerabilities.Feeds.Formats;

namespace Vigil.Vulnerabilities.Feeds;

/// <summary>
/// Picks an NVD record's CVSS score: from the newest version family present (v3.1, then v3.0, then v2), the highest
/// base score any source gives. NVD and the CNA can disagree (CVE-2021-34473: NVD 9.8, Microsoft 9.1); a patch
/// priority should not take the lower one.
/// </summary>
internal static class NvdScore
{
    private static readonly string[] Families = ["cvssMetricV31", "cvssMetricV30", "cvssMetricV2"];

    public static (double? Score, string? Severity) Best(JsonElement cve)
    {
        if (JsonValues.Get(cve, "metrics") is not { } metrics)
        {
            return (null, null);
        }

        foreach (var family in Families)
        {
            double? best = null;
            string? severity = null;
            foreach (var metric in JsonValues.Items(metrics, family))
            {
                if (JsonValues.Get(metric, "cvssData") is not { } data)
                {
                    continue;
                }

                var score = Given(data) ?? Computed(data, family);
                if (score is not null && (best is null || score > best))
                {
                    best = score;
                    severity = JsonValues.String(data, "baseSeverity") ?? JsonValues.String(metric, "baseSeverity");
                }
            }

            if (best is not null)
            {
                return (best, severity?.ToLowerInvariant());
            }
        }

        return (null, null);
    }

    private static double? Given(JsonElement data) =>
        JsonValues.Get(data, "baseScore") is { ValueKind: JsonValueKind.Number } value && value.TryGetDouble(out var score) ? score : null;

    private static double? Computed(JsonElement data, string family) => JsonValues.String(data, "vectorString") is { } vector
        ? family == "cvssMetricV2" ? CvssV2.BaseScore(vector) : CvssV3.BaseScore(vector)
        : null;
}
