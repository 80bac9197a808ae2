using System.Text.Json;
using System.Xml.Linq;
using Vigil.Vulnerabilities.Inventory;
using Vigil.Vulnerabilities.Tests.Feeds;

namespace Vigil.Vulnerabilities.Tests.Inventory;

public sealed class SbomFixtureTests
{
    public static TheoryData<string> XmlFixtures => new() { "alpine.cdx.xml", "bad-purls.cdx.xml", "postgres-stretch.cdx.xml", "with-duplicates.cdx.xml" };

    [Theory]
    [MemberData(nameof(XmlFixtures))]
    public void Each_XML_fixture_gives_one_component_per_distinct_source_package_and_reports_every_other_purl(string name)
    {
        var file = VulnData.Path($"sbom/osv-scanner-fixtures/{name}");
        var components = XDocument.Load(file).Descendants().Where(e => e.Name.LocalName == "component").ToList();
        var purls = components.SelectMany(c => c.Elements().Where(e => e.Name.LocalName == "purl")).Select(e => e.Value).ToList();
        var cpeOnly = components.Count(c => !c.Elements().Any(e => e.Name.LocalName == "purl") && c.Elements().Any(e => e.Name.LocalName == "cpe"));
        var valid = purls.Where(IsComplete).ToList();
        var result = InventoryReader.Read([file]);

        // Independent count: binary packages of one source collapse into one component (matching is by source).
        // A component with a CPE and no purl is kept as a CPE component.
        Assert.Equal(valid.Select(SourceKey).Distinct().Count() + cpeOnly, result.Components.Count);
        Assert.Equal(purls.Count - valid.Count, result.Problems.Count(p => p.Reason.StartsWith("invalid purl", StringComparison.Ordinal)));
        Assert.Equal(valid.GroupBy(p => p).Count(g => g.Count() > 1), result.Problems.Count(p => p.Reason.StartsWith("duplicate", StringComparison.Ordinal)));
        Assert.All(result.Problems, p => Assert.Equal(file, p.File));
    }

    [Fact]
    public void Postgres_stretch_names_Debian_9_source_packages_Go_modules_and_a_CPE_application()
    {
        var result = InventoryReader.Read([VulnData.Path("sbom/osv-scanner-fixtures/postgres-stretch.cdx.xml")]);
        Assert.Empty(result.Problems);
        var components = result.Components.ToDictionary(c => (c.Ecosystem, c.Name));
        Assert.All(result.Components, c => Assert.Equal("postgres:11.15-stretch", c.Asset));
        Assert.Equal("1.18.25", components[("Debian:9", "dpkg")].Version);
        Assert.Equal("2.9.4+dfsg1-2.2+deb9u6", components[("Debian:9", "libxml2")].Version);
        Assert.Equal("1.1.0l-1~deb9u5", components[("Debian:9", "openssl")].Version);
        Assert.Equal("2021a-0+deb9u3", components[("Debian:9", "tzdata")].Version);
        Assert.Equal("1.0.1", components[("Go", "github.com/opencontainers/runc")].Version);
        Assert.Equal("cpe:2.3:a:postgresql:postgresql:11.15:*:*:*:*:*:*:*", components[("cpe", "postgresql")].Cpe);
    }

    [Fact]
    public void The_JSON_fixtures_read_Alpine_and_Ubuntu_purls_into_release_ecosystems()
    {
        var alpine = Assert.Single(InventoryReader.Read([VulnData.Path("sbom/osv-scanner-fixtures/alpine-zlib-16.cdx.json")]).Components);
        Assert.Equal(("Alpine:v3.22", "zlib", "1.2.12-r1", "alpine-zlib-16"), (alpine.Ecosystem, alpine.Name, alpine.Version, alpine.Asset));
        var spdx = InventoryReader.Read([VulnData.Path("sbom/osv-scanner-fixtures/only-unimportant.spdx.json")]);
        Assert.Empty(spdx.Problems);
        var ubuntu = Assert.Single(spdx.Components);
        Assert.Equal(("Ubuntu:20.04:LTS", "pcre3", "2:8.39-12ubuntu0.1"), (ubuntu.Ecosystem, ubuntu.Name, ubuntu.Version));
    }

    [Fact]
    public void Every_valid_CycloneDX_16_example_parses_and_each_component_with_a_purl_or_CPE_is_read()
    {
        var files = Directory.GetFiles(VulnData.Path("sbom/cyclonedx-valid-1.6"), "valid-*.json");
        Assert.True(files.Length >= 20);
        foreach (var file in files)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var identified = Components(document.RootElement).Count(c => c.TryGetProperty("purl", out _) || c.TryGetProperty("cpe", out _));
            var result = InventoryReader.Read([file]);
            Assert.True(identified == result.Components.Count, $"{Path.GetFileName(file)}: {identified} identified, {result.Components.Count} read");
            Assert.DoesNotContain(result.Problems, p => p.Item is "bom" or "file" or "components");
        }
    }

    [Fact]
    public void A_schema_invalid_CycloneDX_example_is_reported()
    {
        var file = VulnData.Path("sbom/cyclonedx-valid-1.6/invalid-bomformat-1.6.json");
        var problem = Assert.Single(InventoryReader.Read([file]).Problems);
        Assert.Equal((file, "bom"), (problem.File, problem.Item));
    }

    private static IEnumerable<JsonElement> Components(JsonElement parent)
    {
        if (parent.TryGetProperty("components", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var component in list.EnumerateArray())
            {
                yield return component;
                foreach (var nested in Components(component))
                {
                    yield return nested;
                }
            }
        }
    }

    private static bool IsComplete(string purl)
    {
        var path = purl.Split('?')[0];
        var segments = path.Split('/');
        return path.StartsWith("pkg:", StringComparison.Ordinal) && segments.Length >= 2 && segments[0].Length > 4
            && segments[^1].IndexOf('@', StringComparison.Ordinal) > 0 && !segments[^1].EndsWith('@');
    }

    private static string SourceKey(string purl)
    {
        var query = purl.Contains('?', StringComparison.Ordinal) ? purl[(purl.IndexOf('?', StringComparison.Ordinal) + 1)..] : string.Empty;
        var last = purl.Split('?')[0].Split('/')[^1];
        var name = last[..last.LastIndexOf('@')];
        var version = last[(last.LastIndexOf('@') + 1)..];
        var upstream = query.Split('&').FirstOrDefault(q => q.StartsWith("upstream=", StringComparison.Ordinal) || q.StartsWith("source=", StringComparison.Ordinal));
        if (upstream is not null)
        {
            var value = Uri.UnescapeDataString(upstream[(upstream.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            name = value.Split('@')[0];
            version = value.Contains('@', StringComparison.Ordinal) ? value.Split('@')[1] : version;
        }

        return $"{purl.Split('/')[0]}|{name}|{Uri.UnescapeDataString(version)}";
    }
}
