using System.Text.Json;
using Vigil.Vulnerabilities.Feeds.Cvss;
using Vigil.Vulnerabilities.Feeds.Formats;

namespace Vigil.Vulnerabilities.Feeds.Osv;

/// <summary>Reads one OSV record (schema 1.x) into an <see cref="Advisory"/>.</summary>
/// <remarks>
/// Strict where matching depends on it (id, package, range events), lenient elsewhere (an unreadable date is null).
/// <c>GIT</c> ranges are skipped (they name commits, not released versions); a withdrawn record is refused.
/// </remarks>
internal static class OsvRecordParser
{
    /// <summary>The advisory, or null with the reason (never record content) it was refused.</summary>
    public static Advisory? Parse(JsonElement root, StringPool strings, out string? reason)
    {
        reason = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            reason = "not a JSON object";
            return null;
        }

        var id = JsonValues.String(root, "id");
        if (string.IsNullOrWhiteSpace(id))
        {
            reason = "no id";
            return null;
        }

        if (JsonValues.Get(root, "withdrawn") is not null)
        {
            reason = $"{id}: withdrawn";
            return null;
        }

        var affected = new List<AffectedPackage>();
        var index = 0;
        double? score = Score(root);
        string? word = OsvSeverityWord.Of(root, null);
        foreach (var item in JsonValues.Items(root, "affected"))
        {
            if (!TryAffected(item, strings, out var package, out var why))
            {
                reason = $"{id}: affected[{index}] {why}";
                return null;
            }

            if (package is not null)
            {
                affected.Add(package);
            }

            score = Max(score, Score(item));
            word ??= OsvSeverityWord.Of(null, item);
            index++;
        }

        word ??= OsvSeverityWord.FromSummary(JsonValues.String(root, "summary"));
        return new Advisory(id, Aliases(root, id), JsonValues.String(root, "summary"), score, word, JsonValues.Timestamp(root, "published"), affected);
    }

    private static bool TryAffected(JsonElement item, StringPool strings, out AffectedPackage? package, out string? reason)
    {
        package = null;
        reason = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            reason = "is not an object";
            return false;
        }

        var pkg = JsonValues.Get(item, "package");
        if (pkg is null)
        {
            return true;
        }

        var ecosystem = JsonValues.String(pkg.Value, "ecosystem");
        var name = JsonValues.String(pkg.Value, "name");
        if (string.IsNullOrWhiteSpace(ecosystem) || string.IsNullOrWhiteSpace(name))
        {
            reason = "package has no ecosystem or name";
            return false;
        }

        var ranges = new List<VersionRange>();
        var index = 0;
        foreach (var range in JsonValues.Items(item, "ranges"))
        {
            var type = JsonValues.String(range, "type");
            if (type is "SEMVER" or "ECOSYSTEM")
            {
                if (JsonValues.Get(range, "events") is not { ValueKind: JsonValueKind.Array } events)
                {
                    reason = $"ranges[{index}] has no events";
                    return false;
                }

                var flat = OsvRangeFlattener.Flatten(events, out var why);
                if (flat is null)
                {
                    reason = $"ranges[{index}] {why}";
                    return false;
                }

                ranges.AddRange(flat.Select(r => new VersionRange(strings.Share(r.Introduced), strings.Share(r.Fixed), strings.Share(r.LastAffected))));
            }
            else if (type is not "GIT")
            {
                reason = $"ranges[{index}] has an unknown type";
                return false;
            }

            index++;
        }

        package = new AffectedPackage(strings.Share(ecosystem)!, strings.Share(name)!, ranges, JsonValues.Strings(item, "versions"));
        return true;
    }

    private static List<string> Aliases(JsonElement root, string id)
    {
        var aliases = JsonValues.Strings(root, "aliases");
        aliases.AddRange(JsonValues.Strings(root, "upstream"));
        if (aliases.Count == 0)
        {
            // AlmaLinux (and other distro errata) list the CVEs an advisory fixes under "related" and give no aliases.
            aliases.AddRange(JsonValues.Strings(root, "related").Where(r => r.StartsWith("CVE-", StringComparison.Ordinal)));
        }

        return aliases.Where(a => a != id).Distinct(StringComparer.Ordinal).ToList();
    }

    private static double? Score(JsonElement element)
    {
        double? best = null;
        foreach (var severity in JsonValues.Items(element, "severity"))
        {
            var vector = JsonValues.String(severity, "score");
            if (vector is null)
            {
                continue;
            }

            var value = JsonValues.String(severity, "type") switch
            {
                "CVSS_V3" => CvssV3.BaseScore(vector),
                "CVSS_V2" => CvssV2.BaseScore(vector),
                _ => null,
            };
            best = Max(best, value);
        }

        return best;
    }

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
