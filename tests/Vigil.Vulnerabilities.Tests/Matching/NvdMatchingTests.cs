using Vigil.Vulnerabilities.Feeds;
using Vigil.Vulnerabilities.Matching;
using Vigil.Vulnerabilities.Tests.Support;

namespace Vigil.Vulnerabilities.Tests.Matching;

public sealed class NvdMatchingTests
{
    private static readonly NvdRecord RunningOn = new(
        "CVE-2099-0001",
        null,
        7.5,
        "high",
        null,
        [
            new CpeConfiguration("AND", false,
            [
                new CpeNode("OR", false, [new CpeMatch("cpe:2.3:a:acme:viewer:*:*:*:*:*:*:*:*", true, "2.0", null, null, "2.4.1")]),
                new CpeNode("OR", false, [new CpeMatch("cpe:2.3:o:acme:pacs_os:-:*:*:*:*:*:*:*", false, null, null, null, null)]),
            ]),
        ]);

    private static readonly NvdRecord Plain = new(
        "CVE-2099-0002",
        null,
        null,
        null,
        null,
        [new CpeConfiguration("OR", false, [new CpeNode("OR", false, [new CpeMatch("cpe:2.3:a:sudo_project:sudo:1.9.5:patch1:*:*:*:*:*:*", true, null, null, null, null)])])]);

    [Theory]
    [InlineData("2.3", true, true)]
    [InlineData("2.3", false, false)]
    [InlineData("2.4.1", true, false)]
    [InlineData("1.9", true, false)]
    public void A_running_on_node_holds_only_when_the_asset_has_that_platform(string version, bool hasPlatform, bool expected)
    {
        var index = FeedIndex.Build([], [], [], [RunningOn]);
        var components = new List<Vigil.Vulnerabilities.Inventory.Component> { Make.Component("ws1", "cpe", "viewer", version, cpe: "cpe:2.3:a:acme:viewer:*:*:*:*:*:*:*:*") };
        if (hasPlatform)
        {
            components.Add(Make.Component("ws1", "cpe", "pacs_os", "-", cpe: "cpe:2.3:o:acme:pacs_os:-:*:*:*:*:*:*:*"));
        }

        var findings = new VulnerabilityMatcher(index, DottedScheme.For).Match(components).Findings;

        Assert.Equal(expected, findings.Any(f => f.Advisory == "CVE-2099-0001"));
        if (expected)
        {
            Assert.Equal("2.4.1", findings.Single(f => f.Advisory == "CVE-2099-0001").FixedVersion);
        }
    }

    [Theory]
    [InlineData("cpe:2.3:a:sudo_project:sudo:1.9.5:patch1:*:*:*:*:*:*", true)]
    [InlineData("cpe:2.3:a:sudo_project:sudo:1.9.5:patch2:*:*:*:*:*:*", false)]
    [InlineData("cpe:2.3:a:sudo_project:sudo:1.9.6:patch1:*:*:*:*:*:*", false)]
    public void An_exact_cpe_matches_version_and_update(string cpe, bool expected)
    {
        var index = FeedIndex.Build([], [], [], [Plain]);

        var findings = new VulnerabilityMatcher(index, DottedScheme.For).Match([Make.Component("h", "cpe", "sudo", "*", cpe: cpe)]).Findings;

        Assert.Equal(expected, findings.Count == 1);
    }

    [Theory]
    [InlineData("1.9.5", "1.9.5p1", -1)]
    [InlineData("1.10", "1.9", 1)]
    [InlineData("2.0", "2.0.0", -1)]
    [InlineData("15.01.2176.002", "15.1.2176.2", 0)]
    public void Cpe_versions_compare_numbers_as_numbers(string a, string b, int expected)
    {
        Assert.Equal(expected, Math.Sign(CpeVersion.Compare(a, b)));
    }
}
