using System.Globalization;
using Vigil.Vulnerabilities.Exchange;
using Vigil.Vulnerabilities.Feeds;
using Vigil.Vulnerabilities.Tests.Versions;

namespace Vigil.Vulnerabilities.Tests.Exchange;

/// <summary>
/// Every build in the staged table, classified for ProxyShell and ProxyLogon, against expectations this test derives
/// on its own from the table's update months (not from the catalogue's build comparisons):
/// on a CU that received the fixing month's update, rows from that month on are fixed and earlier rows (the CU's
/// base build, older updates) vulnerable; a CU whose first update is dated after the fixing month was released after
/// the fix and is fixed throughout; any other CU never got the fix (update level out of support).
/// Subscription Edition postdates both and is not affected by them.
/// </summary>
public sealed class ExchangeTableClassificationTests
{
    public static TheoryData<string, int, int> Cves => new()
    {
        { "CVE-2021-34473", 2021, 4 },
        { "CVE-2021-34523", 2021, 4 },
        { "CVE-2021-31207", 2021, 5 },
        { "CVE-2021-26855", 2021, 3 },
        { "CVE-2021-26857", 2021, 3 },
        { "CVE-2021-26858", 2021, 3 },
        { "CVE-2021-27065", 2021, 3 },
    };

    [Theory]
    [MemberData(nameof(Cves))]
    public void Every_build_in_the_table_is_classified_as_the_update_months_imply(string cve, int year, int month)
    {
        var folder = VulnData.Path("exchange");
        var catalog = ExchangeCatalog.Load(folder, new List<FeedProblem>());
        var fixMonth = new DateOnly(year, month, 1);
        var rows = File.ReadAllLines(Path.Combine(folder, "exchange-build-numbers.csv")).Skip(1)
            .Select(l => l.Split(','))
            .ToList();
        var failures = new List<string>();
        var seen = new HashSet<ExchangeStatus?>();

        foreach (var cu in rows.GroupBy(r => (Product: r[0], Cu: r[1])))
        {
            var updates = cu.Where(r => r[3].Length > 0).Select(r => (Build: r[4], Month: Month(r[3]))).ToList();
            var cuBuild = cu.First()[2];
            var gotFix = updates.Any(u => u.Month == fixMonth);
            var releasedAfterFix = updates.Count > 0 && updates.Min(u => u.Month) > fixMonth;
            foreach (var (build, updateMonth) in updates.Select(u => (u.Build, (DateOnly?)u.Month)).Prepend((cuBuild, null)))
            {
                ExchangeStatus? expected = cu.Key.Product == "ExchangeSE" ? null
                    : gotFix ? (updateMonth >= fixMonth ? ExchangeStatus.Fixed : ExchangeStatus.Vulnerable)
                    : releasedAfterFix ? ExchangeStatus.Fixed
                    : ExchangeStatus.UpdateLevelOutOfSupport;
                seen.Add(expected);
                var actual = catalog.Assess(build).Exposures.SingleOrDefault(e => e.CveId == cve)?.Status;
                if (actual != expected && !(updateMonth is null && SameBuildAsAnUpdate(updates, build)))
                {
                    failures.Add($"{cu.Key.Product} {cu.Key.Cu} {build}: expected {expected?.ToString() ?? "not applicable"}, got {actual?.ToString() ?? "not applicable"}");
                }
            }
        }

        Assert.Equal(4, seen.Count); // vulnerable, fixed, out of support and not applicable all occur
        Assert.True(failures.Count == 0, $"{failures.Count} builds misclassified for {cve}:\n" + string.Join('\n', failures));
    }

    [Fact]
    public void Exchange_2016_CU19_without_the_April_2021_update_is_vulnerable_to_ProxyShell()
    {
        var catalog = ExchangeCatalog.Load(VulnData.Path("exchange"), new List<FeedProblem>());

        var march = catalog.Assess("15.1.2176.9");
        var april = catalog.Assess("15.1.2176.12");

        Assert.Equal("Exchange Server 2016 CU19", march.Product);
        Assert.Equal(new DateOnly(2021, 3, 1), march.ReleaseDate);
        Assert.Equal(new ExchangeExposure("CVE-2021-34473", ExchangeStatus.Vulnerable, "15.1.2176.12"), march.Exposures.Single(e => e.CveId == "CVE-2021-34473"));
        Assert.Equal(ExchangeStatus.Fixed, march.Exposures.Single(e => e.CveId == "CVE-2021-26855").Status);
        Assert.Equal(ExchangeStatus.Fixed, april.Exposures.Single(e => e.CveId == "CVE-2021-34473").Status);
        Assert.Equal(ExchangeStatus.Vulnerable, april.Exposures.Single(e => e.CveId == "CVE-2021-31207").Status);
        Assert.False(march.UpdateLevelSupported);
    }

    private static DateOnly Month(string name) =>
        DateOnly.ParseExact("01" + name[..5], "ddMMMyy", CultureInfo.InvariantCulture);

    // A CU whose base build equals one of its updates' builds (2013 CU22 Feb19SU) is one build: the update's row decides.
    private static bool SameBuildAsAnUpdate(List<(string Build, DateOnly Month)> updates, string build) =>
        updates.Any(u => u.Build == build);
}
