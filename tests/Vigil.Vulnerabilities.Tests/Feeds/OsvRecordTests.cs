using Vigil.Vulnerabilities.Feeds;

namespace Vigil.Vulnerabilities.Tests.Feeds;

public sealed class OsvRecordTests
{
    private const string Ghsa = """
        {"schema_version":"1.6.0","id":"GHSA-test-0001","modified":"2024-01-02T00:00:00Z","published":"2024-01-01T00:00:00Z",
         "aliases":["CVE-2024-0001"],"upstream":["CVE-2024-0002"],"summary":"A test",
         "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
         "database_specific":{"severity":"HIGH"},
         "affected":[
           {"package":{"ecosystem":"npm","name":"left-pad"},
            "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.3.0"}]},
                      {"type":"GIT","repo":"https://example.org/x","events":[{"introduced":"abc"}]}],
            "versions":["1.0.0","1.2.0"]},
           {"ranges":[{"type":"GIT","repo":"https://example.org/y","events":[{"introduced":"0"}]}]}]}
        """;

    [Fact]
    public void A_real_Debian_record_reads_with_its_ecosystem_fix_and_CVE()
    {
        var result = FeedReader.Read([VulnData.Path("osv/debian-samples/DSA-3029-1.json")]);
        Assert.Empty(result.Problems);
        var advisory = Assert.Single(result.Advisories);
        Assert.Equal("DSA-3029-1", advisory.Id);
        Assert.Equal(["CVE-2014-3616"], advisory.Aliases);
        var package = Assert.Single(advisory.Affected);
        Assert.Equal(("Debian:7", "nginx"), (package.Ecosystem, package.Name));
        Assert.Equal(new VersionRange(null, "1.2.1-2.2+wheezy3", null), Assert.Single(package.Ranges));
    }

    [Fact]
    public void Severity_aliases_upstream_and_versions_are_kept_and_GIT_ranges_skipped()
    {
        using var temp = new TempFiles();
        var result = FeedReader.Read([temp.Write("GHSA-test-0001.json", Ghsa)]);
        Assert.Empty(result.Problems);
        var advisory = Assert.Single(result.Advisories);
        Assert.Equal(["CVE-2024-0001", "CVE-2024-0002"], advisory.Aliases);
        Assert.Equal(9.8, advisory.CvssScore);
        Assert.Equal("high", advisory.Severity);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), advisory.Published);
        var package = Assert.Single(advisory.Affected);
        Assert.Equal(new VersionRange(null, "1.3.0", null), Assert.Single(package.Ranges));
        Assert.Equal(["1.0.0", "1.2.0"], package.Versions);
    }

    [Theory]
    [InlineData("""{"id":"X-1","withdrawn":"2024-01-01T00:00:00Z","affected":[]}""", "record", "X-1: withdrawn")]
    [InlineData("""{"modified":"2024-01-01T00:00:00Z","affected":[]}""", "record", "no id")]
    [InlineData("""{"id":"X-2","affected":[{"package":{"ecosystem":"npm"}}]}""", "record", "X-2: affected[0] package has no ecosystem or name")]
    [InlineData("""{"id":"X-3","affected":[{"package":{"ecosystem":"npm","name":"a"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":2}]}]}]}""", "record", "X-3: affected[0] ranges[0] event 1 is not one of introduced, fixed, last_affected or limit with a version string")]
    [InlineData("""{"id":"X-4","affected":[{"package":{"ecosystem":"npm","name":"a"},"ranges":[{"type":"RANGE","events":[]}]}]}""", "record", "X-4: affected[0] ranges[0] has an unknown type")]
    [InlineData("""{"id":"X-5","affected":[{"package":{"ecosy""", "record", "malformed JSON at line 1")]
    public void A_bad_record_is_reported_with_file_item_and_reason(string json, string item, string reason)
    {
        using var temp = new TempFiles();
        var file = temp.Write("bad.json", json);
        var result = FeedReader.Read([file]);
        Assert.Empty(result.Advisories);
        Assert.Equal(new FeedProblem(file, item, reason), Assert.Single(result.Problems));
    }

    [Fact]
    public void A_folder_of_records_keeps_the_good_ones_beside_a_truncated_one()
    {
        using var temp = new TempFiles();
        temp.Write("a/GHSA-test-0001.json", Ghsa);
        temp.Write("b/truncated.json", Ghsa[..200]);
        var result = FeedReader.Read([temp.Folder]);
        Assert.Single(result.Advisories);
        var problem = Assert.Single(result.Problems);
        Assert.EndsWith("truncated.json", problem.File, StringComparison.Ordinal);
    }
}
