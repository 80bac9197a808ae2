using Vigil.Vulnerabilities.Feeds;
using Vigil.Vulnerabilities.Matching;
using Vigil.Vulnerabilities.Priority;
using Vigil.Vulnerabilities.Tests.Support;

namespace Vigil.Vulnerabilities.Tests.Matching;

public sealed class PriorityTests
{
    [Fact]
    public void Actively_exploited_ranks_above_everything_then_epss_and_severity_and_patient_data_raises()
    {
        var index = FeedIndex.Build(
            [
                Make.Advisory("KEV-LOW", "npm", "a", "0", "9", cvss: 3.0, aliases: ["CVE-1"]),
                Make.Advisory("EPSS-HIGH", "npm", "b", "0", "9", cvss: 10.0, aliases: ["CVE-2"]),
                Make.Advisory("PLAIN-CRIT", "npm", "c", "0", "9", cvss: 9.8, aliases: ["CVE-3"]),
                Make.Advisory("PLAIN-MED", "npm", "d", "0", "9", cvss: 5.0, aliases: ["CVE-4"]),
            ],
            [Make.Kev("CVE-1", new DateOnly(2025, 1, 1))],
            [new EpssScore("CVE-2", 0.97, 0.999, null)],
            []);
        var matcher = new VulnerabilityMatcher(index, DottedScheme.For);

        var findings = matcher.Match(
        [
            Make.Component("h", "npm", "d", "1"),
            Make.Component("h", "npm", "c", "1"),
            Make.Component("h", "npm", "b", "1"),
            Make.Component("h", "npm", "a", "1"),
            Make.Component("pacs", "npm", "c", "1", criticality: "high", patientData: true),
        ]).Findings;

        Assert.Equal(["KEV-LOW", "EPSS-HIGH", "PLAIN-CRIT", "PLAIN-CRIT", "PLAIN-MED"], findings.Select(f => f.Advisory));
        Assert.Equal("pacs", findings[2].Asset);
        Assert.True(findings[0].Priority >= PriorityModel.KevBand);
    }

    [Theory]
    [InlineData(false, false, 0.05, 10.0, null, false, 50.0)]
    [InlineData(false, false, 0.5, 8.0, "critical", true, 700.0)]
    [InlineData(true, false, null, 5.0, null, false, 2500.0)]
    [InlineData(true, true, null, 10.0, null, false, 3100.0)]
    public void The_formula_gives_the_documented_numbers(bool kev, bool ransomware, double? epss, double cvss, string? criticality, bool patient, double expected)
    {
        Assert.Equal(expected, PriorityModel.Compute(kev, ransomware, epss, cvss, "high", criticality, patient), 1);
    }
}
