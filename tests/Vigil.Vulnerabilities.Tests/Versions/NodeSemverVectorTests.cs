using System.Text.Json;
using Vigil.Vulnerabilities.Versions;

namespace Vigil.Vulnerabilities.Tests.Versions;

/// <summary>
/// node-semver's own fixtures, restricted by rule to what SemVer 2.0 defines: every comparison, equality and
/// valid-version fixture that runs in node-semver's default (strict) mode. Excluded, by rule: fixtures whose options
/// turn on <c>loose</c> (node-semver's own extension that accepts <c>=1.2.3</c>, <c>v 1.2.3</c>, <c>1.2.3pre</c>), and
/// the range-include/range-exclude files (npm range syntax such as <c>^1.2</c> or <c>1.0.0 - 2.0.0</c>, not an
/// ordering of versions; OSV encodes ranges as explicit introduced/fixed events instead).
/// </summary>
public sealed class NodeSemverVectorTests
{
    [Fact]
    public void SemVer_agrees_with_node_semver_strict_comparisons()
    {
        var vectors = Strict("comparisons.json")
            .Select((v, i) => new VersionVector("comparisons.json", i + 1, v[0].GetString()!, v[1].GetString()!, 1))
            .ToList();

        var failures = VersionVector.Disagreements(VersionSchemes.SemVer, vectors);

        Assert.Equal(19, vectors.Count); // of 31; the other 12 use loose mode
        Assert.True(failures.Count == 0, VectorAgreementTests.Report("comparisons.json", failures, vectors.Count));
    }

    [Fact]
    public void SemVer_agrees_with_node_semver_strict_equalities()
    {
        var vectors = Strict("equality.json")
            .Select((v, i) => new VersionVector("equality.json", i + 1, v[0].GetString()!, v[1].GetString()!, 0))
            .ToList();

        var failures = VersionVector.Disagreements(VersionSchemes.SemVer, vectors);

        Assert.Equal(3, vectors.Count); // of 37; the other 34 use loose mode
        Assert.True(failures.Count == 0, VectorAgreementTests.Report("equality.json", failures, vectors.Count));
    }

    [Fact]
    public void SemVer_accepts_every_node_semver_valid_version_and_reads_its_parts()
    {
        var failures = new List<string>();
        var fixtures = Strict("valid-versions.json").ToList();
        foreach (var v in fixtures)
        {
            var version = v[0].GetString()!;
            var prerelease = string.Join('.', v[4].EnumerateArray().Select(p => p.ToString()));
            var canonical = $"{v[1]}.{v[2]}.{v[3]}" + (prerelease.Length > 0 ? "-" + prerelease : string.Empty);
            if (!VersionSchemes.SemVer.IsValid(version, out var reason))
            {
                failures.Add($"{version}: rejected ({reason})");
            }
            else if (VersionSchemes.SemVer.Compare(version, canonical) != 0
                || VersionSchemes.SemVer.Compare(version, canonical + (prerelease.Length > 0 ? ".0" : "-0")) != (prerelease.Length > 0 ? -1 : 1))
            {
                // Equal to the canonical form, below it with one more prerelease identifier (so the list was read
                // whole), or above its first prerelease when it has none (so no prerelease was invented).
                failures.Add($"{version}: does not order as {canonical}");
            }
        }

        Assert.Equal(22, fixtures.Count);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static IEnumerable<JsonElement[]> Strict(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(VulnData.Path($"vectors/node-semver/{file}")));
        return document.RootElement.EnumerateArray()
            .Select(e => e.EnumerateArray().Select(x => x.Clone()).ToArray())
            .Where(e => !IsLoose(e))
            .ToList();
    }

    /// <summary>node-semver treats <c>true</c> or an object whose <c>loose</c> is truthy as loose mode.</summary>
    private static bool IsLoose(JsonElement[] fixture)
    {
        var options = fixture.Length > 2 && fixture[^1].ValueKind is JsonValueKind.True or JsonValueKind.Object ? fixture[^1] : default;
        return options.ValueKind == JsonValueKind.True
            || (options.ValueKind == JsonValueKind.Object && options.TryGetProperty("loose", out var loose) && Truthy(loose));
    }

    private static bool Truthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.Number => value.GetDouble() != 0,
        JsonValueKind.String => value.GetString()!.Length > 0,
        JsonValueKind.Object or JsonValueKind.Array => true,
        _ => false,
    };
}
