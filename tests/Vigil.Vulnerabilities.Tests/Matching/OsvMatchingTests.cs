using Vigil.Vulnerabilities.Feeds;
using Vigil.Vulnerabilities.Inventory;
using Vigil.Vulnerabilities.Matching;
using Vigil.Vulnerabilities.Tests.Support;

namespace Vigil.Vulnerabilities.Tests.Matching;

public sealed class OsvMatchingTests
{
    [Theory]
    [InlineData("1.4", "0", "2.0", null, true, "2.0")]
    [InlineData("2.0", "0", "2.0", null, false, null)]
    [InlineData("0.9", "1.0", "2.0", null, false, null)]
    [InlineData("1.0", "1.0", "2.0", null, true, "2.0")]
    [InlineData("1.5", null, null, "1.5", true, null)]
    [InlineData("1.6", null, null, "1.5", false, null)]
    [InlineData("9.9", "1.0", null, null, true, null)]
    public void Ranges_follow_osv_introduced_fixed_and_last_affected(string installed, string? introduced, string? fixedAt, string? last, bool affected, string? expectedFixed)
    {
        var index = FeedIndex.Build([Make.Advisory("OSV-1", "npm", "left-pad", introduced, fixedAt, lastAffected: last)], [], [], []);

        var result = new VulnerabilityMatcher(index, DottedScheme.For).Match([Make.Component("web1", "npm", "left-pad", installed)]);

        Assert.Equal(affected, result.Findings.Count == 1);
        Assert.Equal(expectedFixed, result.Findings.SingleOrDefault()?.FixedVersion);
    }

    [Fact]
    public void A_listed_version_is_affected_even_without_a_range()
    {
        var index = FeedIndex.Build([Make.Advisory("OSV-2", "npm", "x", null, null, versions: ["1.2.3"])], [], [], []);

        var result = new VulnerabilityMatcher(index, DottedScheme.For).Match([Make.Component("a", "npm", "x", "1.2.3"), Make.Component("b", "npm", "x", "1.2.4")]);

        Assert.Equal("a", Assert.Single(result.Findings).Asset);
    }

    [Theory]
    [InlineData("Debian:12", "Debian:12", true)]
    [InlineData("Debian:12", "Debian:11", false)]
    [InlineData("Debian", "Debian:11", true)]
    [InlineData("Debian:12", "Debian", true)]
    [InlineData("AlmaLinux:9", "Debian:9", false)]
    public void Releases_match_exactly_and_an_unknown_release_matches_every_release(string component, string advisory, bool matches)
    {
        var index = FeedIndex.Build([Make.Advisory("DSA-1", advisory, "openssl", "0", "3.0")], [], [], []);

        var result = new VulnerabilityMatcher(index, DottedScheme.For).Match([Make.Component("h", component, "openssl", "1.1")]);

        Assert.Equal(matches, result.Findings.Count == 1);
    }

    [Fact]
    public void Unknown_ecosystems_and_unparseable_versions_are_reported_per_component_and_the_rest_is_matched()
    {
        var index = FeedIndex.Build([Make.Advisory("OSV-3", "npm", "x", "0", "2")], [], [], []);
        Component[] components =
        [
            Make.Component("a", "Hackage", "x", "1"),
            Make.Component("b", "npm", "x", "not-a-version"),
            Make.Component("c", "npm", "x", "1"),
        ];

        var result = new VulnerabilityMatcher(index, DottedScheme.For).Match(components);

        Assert.Equal("c", Assert.Single(result.Findings).Asset);
        Assert.Equal(2, result.Problems.Count);
        Assert.Contains("unknown ecosystem", result.Problems[0].Reason, StringComparison.Ordinal);
        Assert.Equal("inventory.csv:a/x", result.Problems[0].Origin);
        Assert.Contains("not valid", result.Problems[1].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-version", result.Problems[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_component_listed_twice_gives_one_finding()
    {
        var index = FeedIndex.Build([Make.Advisory("OSV-4", "npm", "x", "0", "2")], [], [], []);

        var result = new VulnerabilityMatcher(index, DottedScheme.For).Match([Make.Component("a", "npm", "x", "1"), Make.Component("a", "npm", "x", "1.1")]);

        Assert.Single(result.Findings);
    }

    [Fact]
    public void Kev_epss_and_nvd_severity_are_found_through_the_cve_alias()
    {
        var nvd = new NvdRecord("CVE-2024-0001", null, 9.8, "critical", null, []);
        var index = FeedIndex.Build(
            [Make.Advisory("ALSA-2024:1", "AlmaLinux:9", "openssl", "0", "3.0.7", aliases: ["CVE-2024-0001"])],
            [Make.Kev("CVE-2024-0001", new DateOnly(2024, 3, 1), ransomware: true)],
            [new EpssScore("CVE-2024-0001", 0.5, 0.9, new DateOnly(2024, 1, 1)), new EpssScore("CVE-2024-0001", 0.7, 0.95, new DateOnly(2024, 2, 1))],
            [nvd]);

        var finding = Assert.Single(new VulnerabilityMatcher(index, DottedScheme.For).Match([Make.Component("db1", "AlmaLinux:9", "openssl", "3.0.1")]).Findings);

        Assert.True(finding.Kev);
        Assert.True(finding.KnownRansomware);
        Assert.Equal(new DateOnly(2024, 3, 1), finding.KevDueDate);
        Assert.Equal(0.7, finding.Epss);
        Assert.Equal(0.95, finding.EpssPercentile);
        Assert.Equal(9.8, finding.Cvss);
        Assert.Equal("critical", finding.Severity);
        Assert.Equal("3.0.7", finding.FixedVersion);
    }
}
