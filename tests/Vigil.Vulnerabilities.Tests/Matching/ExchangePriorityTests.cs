using Vigil.Vulnerabilities.Exchange;
using Vigil.Vulnerabilities.Feeds;
using Vigil.Vulnerabilities.Inventory;
using Vigil.Vulnerabilities.Matching;
using Vigil.Vulnerabilities.Tests.Versions;
using Vigil.Vulnerabilities.Versions;

namespace Vigil.Vulnerabilities.Tests.Matching;

/// <summary>An Exchange 2016 CU19 server without the April 2021 update among other real findings.</summary>
public sealed class ExchangePriorityTests
{
    /// <remarks>
    /// Every asset has the same criticality and holds patient data, so the order compares the vulnerabilities (a higher
    /// asset weight can lift another asset's KEV finding above it, by design).
    /// </remarks>
    [Fact]
    public void A_2016_cu19_server_without_the_april_2021_update_is_the_top_kev_priority()
    {
        var alma = RealFeeds.AlmaLinux;
        var others = RealFeeds.KevNvdEpss;
        var index = FeedIndex.Build(alma.Advisories, others.Kev, others.Epss, others.Nvd);
        var exchange = ExchangeCatalog.Load(VulnData.Path("exchange"), new List<FeedProblem>());
        Component[] components =
        [
            new("pacs-db", "openssl", "1:3.0.1-41.el9_0", "AlmaLinux:9", null, null, "high", true, "t:1"),
            new("pacs-db", "kernel", "5.14.0-70.13.1.el9_0", "AlmaLinux:9", null, null, "high", true, "t:2"),
            new("ws1", "sudo", "1.8.20", "cpe", null, "cpe:2.3:a:sudo_project:sudo:1.8.20:*:*:*:*:*:*:*", "high", true, "t:3"),
            new("mail1", "Exchange Server", "15.1.2176.9", "Exchange", null, null, "high", true, "t:4"),
        ];

        var result = new VulnerabilityMatcher(index, VersionSchemes.ForEcosystem, exchange).Match(components);

        var top = result.Findings[0];
        Assert.Equal("mail1", top.Asset);
        Assert.True(top.Kev);
        Assert.Contains(result.Findings, f => f.Asset == "ws1" && f.Kev);
        Assert.Contains(result.Findings, f => f.Asset == "pacs-db");
        var proxyShell = result.Findings.Where(f => f.Asset == "mail1" && f.Advisory is "CVE-2021-34473" or "CVE-2021-34523").ToList();
        Assert.Equal(2, proxyShell.Count);
        Assert.All(proxyShell, f => Assert.Equal("15.1.2176.12", f.FixedVersion));
        Assert.All(proxyShell, f => Assert.Equal(top.Priority, f.Priority));
        Assert.DoesNotContain(result.Findings, f => f.Asset == "mail1" && f.Advisory == "CVE-2021-26855");
        Assert.All(result.Findings.Where(f => f.Asset != "mail1"), f => Assert.True(f.Priority < top.Priority));
    }
}
