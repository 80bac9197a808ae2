using Vigil.Vulnerabilities.Exchange;
using Vigil.Vulnerabilities.Feeds;
using Vigil.Vulnerabilities.Tests.Versions;

namespace Vigil.Vulnerabilities.Tests.Exchange;

public sealed class ExchangeCatalogTests
{
    [Theory]
    [InlineData("15.01.2176.009", "15.1.2176.9")]
    [InlineData(" 15.2.1748.43 ", "15.2.1748.43")]
    [InlineData("15.00.1497.048 (built by: xyz)", "15.0.1497.48")]
    [InlineData("15.1.2176", null)]
    [InlineData("15.1.2176.9.1", null)]
    [InlineData("fifteen", null)]
    [InlineData("", null)]
    [InlineData("15.1.-2176.9", null)]
    public void File_versions_become_normalised_builds(string fileVersion, string? expected)
    {
        Assert.Equal(expected, ExchangeCatalog.BuildFromFileVersion(fileVersion));
    }

    [Fact]
    public void ExSetup_file_version_with_leading_zeros_assesses_like_the_build()
    {
        var catalog = ExchangeCatalog.Load(VulnData.Path("exchange"), new List<FeedProblem>());

        var assessment = catalog.Assess("15.01.2176.009");

        Assert.Equal("15.1.2176.9", assessment.Build);
        Assert.Equal("Exchange Server 2016 CU19", assessment.Product);
    }

    [Fact]
    public void Only_the_CUs_that_received_the_newest_update_count_as_supported()
    {
        var catalog = ExchangeCatalog.Load(VulnData.Path("exchange"), new List<FeedProblem>());

        Assert.True(catalog.Assess("15.1.2507.66").UpdateLevelSupported); // 2016 CU23 Feb26SU
        Assert.True(catalog.Assess("15.2.1544.4").UpdateLevelSupported); // 2019 CU14 base: its CU got Feb26SU
        Assert.False(catalog.Assess("15.2.1118.9").UpdateLevelSupported); // 2019 CU12 May22SU
        Assert.True(catalog.Assess("15.0.1497.48").UpdateLevelSupported); // 2013 CU23: the last 2013 update
        Assert.False(catalog.Assess("15.0.1473.6").UpdateLevelSupported); // 2013 CU22
    }

    [Fact]
    public void Builds_outside_the_table_get_no_product_but_their_line_still_decides_exposure()
    {
        var catalog = ExchangeCatalog.Load(VulnData.Path("exchange"), new List<FeedProblem>());

        var rtm2016 = catalog.Assess("15.1.225.42");
        var garbage = catalog.Assess("not a build");
        var exchange2010 = catalog.Assess("14.3.513.0");

        Assert.Null(rtm2016.Product);
        Assert.Equal(ExchangeStatus.UpdateLevelOutOfSupport, rtm2016.Exposures.Single(e => e.CveId == "CVE-2021-26855").Status);
        Assert.Empty(garbage.Exposures);
        Assert.Null(garbage.Product);
        Assert.Empty(exchange2010.Exposures);
    }

    [Fact]
    public void Overrides_fill_in_ProxyShell_only_where_the_tables_are_silent()
    {
        var catalog = ExchangeCatalog.Load(VulnData.Path("exchange"), new List<FeedProblem>());

        var cu20Base = catalog.Assess("15.1.2242.4");

        // The CSV lists CVE-2021-31207 itself (May21SU); the override adds the two CVEs the CSV omits.
        Assert.Equal(ExchangeStatus.Vulnerable, cu20Base.Exposures.Single(e => e.CveId == "CVE-2021-34473").Status);
        Assert.Equal("15.1.2242.8", cu20Base.Exposures.Single(e => e.CveId == "CVE-2021-34523").FixedByBuild);
        Assert.Equal("15.1.2242.10", cu20Base.Exposures.Single(e => e.CveId == "CVE-2021-31207").FixedByBuild);
    }

    [Fact]
    public void Real_tables_load_with_one_problem_the_hotfix_update_without_a_build_in_2016_and_2019()
    {
        var problems = new List<FeedProblem>();

        var catalog = ExchangeCatalog.Load(VulnData.Path("exchange"), problems);

        Assert.Equal((62, 106), catalog.Counts); // 105 CVEs in the CSV + 2 ProxyShell overrides - the unassessable one
        Assert.True(problems.Count == 2, string.Join("\n", problems));
        Assert.All(problems, p => Assert.Equal(("exchange-su-fixed-cves.csv", "CVE-2025-53786"), (p.File, p.Item)));
    }

    [Fact]
    public void Malformed_rows_and_missing_files_are_reported_and_skipped()
    {
        var folder = Directory.CreateTempSubdirectory("vigil-exchange-").FullName;
        try
        {
            File.WriteAllLines(Path.Combine(folder, "exchange-build-numbers.csv"),
            [
                "product,cu,cu_build,su_name,su_build",
                "Exchange2016,CU19,15.1.2176.2,,",
                "Exchange2016,CU19,15.1.2176.2,Apr21SU,15.1.2176.12",
                "Exchange2016,CU19,15.1.2176.2,Apr21SU",
                "Exchange2016,CU19,15.1.2176.x,Apr21SU,15.1.2176.12",
                "Exchange2016,CU19,15.1.2176.2,April,15.1.2176.12",
                "Exchange2016,CU19,15.1.2176.2,May21SU,15.1.2999.14",
            ]);
            var problems = new List<FeedProblem>();

            var catalog = ExchangeCatalog.Load(folder, problems);

            Assert.Equal(
                [
                    ("exchange-build-numbers.csv", "line 4"), ("exchange-build-numbers.csv", "line 5"),
                    ("exchange-build-numbers.csv", "line 6"), ("exchange-build-numbers.csv", "line 7"),
                    ("exchange-su-fixed-cves.csv", "file"),
                ],
                problems.Where(p => p.File != "overrides").Select(p => (p.File, p.Item)));
            // Overrides whose update has no build here (2013 and 2019 are absent, May21SU and Mar21SU rows too) are reported.
            Assert.Equal(
                ["CVE-2021-26855", "CVE-2021-26857", "CVE-2021-26858", "CVE-2021-27065", "CVE-2021-31207"],
                problems.Where(p => p.File == "overrides" && p.Reason.Contains("Exchange2016", StringComparison.Ordinal)).Select(p => p.Item).Order());
            Assert.Equal(ExchangeStatus.Vulnerable, catalog.Assess("15.1.2176.2").Exposures.Single(e => e.CveId == "CVE-2021-34473").Status);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
