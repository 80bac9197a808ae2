using System.Text.RegularExpressions;
using Vigil.Vulnerabilities.Feeds;
using Vigil.Vulnerabilities.Inventory;
using Vigil.Vulnerabilities.Matching;
using Vigil.Vulnerabilities.Tests.Versions;
using Vigil.Vulnerabilities.Versions;

namespace Vigil.Vulnerabilities.Tests.Matching;

/// <summary>
/// osv-scanner's SBOM fixtures and its recorded output. None of the advisories it names (GO-, GHSA-, ALPINE-, DLA-)
/// is in the staged data (only AlmaLinux is staged in bulk), which the first test checks; the second gives the matcher
/// advisories carrying exactly the recorded package, ecosystem and fixed version and checks that the fixtures'
/// packages produce exactly the recorded rows wherever Vigil has the ecosystem's version scheme (Alpine has none:
/// those components are reported as unknown ecosystem).
/// </summary>
public sealed partial class OsvScannerFixtureTests
{
    private static readonly string Folder = VulnData.Path("sbom/osv-scanner-fixtures");

    private sealed record Row(string Id, string Ecosystem, string Package, string Version, string Fixed, string File);

    [Fact]
    public void The_staged_data_holds_none_of_the_advisories_osv_scanner_recorded()
    {
        var staged = RealFeeds.AlmaLinux.Advisories.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);

        var rows = Recorded();

        Assert.Equal(26, rows.Count);
        Assert.DoesNotContain(rows, r => staged.Contains(r.Id));
    }

    [Fact]
    public void Fixture_packages_match_the_recorded_advisories_where_vigil_has_the_version_scheme()
    {
        var rows = Recorded();
        var advisories = rows.GroupBy(r => (r.Id, r.Ecosystem, r.Package))
            .Select(g => new Advisory(g.Key.Id, [], null, null, null, null, [new AffectedPackage(g.Key.Ecosystem, g.Key.Package, [new VersionRange("0", g.First().Fixed, null)], [])]))
            .ToList();
        var matcher = new VulnerabilityMatcher(FeedIndex.Build(advisories, [], [], []), VersionSchemes.ForEcosystem);
        foreach (var file in rows.Select(r => r.File).Distinct())
        {
            var inventory = InventoryReader.Read([Path.Combine(Folder, file)]);
            var result = matcher.Match(inventory.Components);

            var expected = rows.Where(r => r.File == file && VersionSchemes.ForEcosystem(r.Ecosystem) is not null)
                .Select(r => (r.Id, r.Package, r.Version.TrimStart('v'), r.Fixed)).Order().ToList();
            var actual = result.Findings.Select(f => (f.Advisory, f.Package, f.Version.TrimStart('v'), f.FixedVersion ?? "")).Order().ToList();
            Assert.Equal(expected, actual);
        }
    }

    private static List<Row> Recorded()
    {
        var rows = new List<Row>();
        foreach (var line in File.ReadLines(Path.Combine(Folder, "EXPECTED-folder_of_supported_sbom_with_vulns.txt")))
        {
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length < 8 || !cells[1].StartsWith("https://osv.dev/", StringComparison.Ordinal) || cells[3].Length == 0)
            {
                continue;
            }

            var file = SourceFile().Match(cells[7]).Groups[1].Value;
            rows.Add(new Row(cells[1]["https://osv.dev/".Length..], cells[3], cells[4], cells[5], cells[6], file));
        }

        return rows;
    }

    [GeneratedRegex(@"testdata/sbom-insecure/([^:]+)")]
    private static partial Regex SourceFile();
}
