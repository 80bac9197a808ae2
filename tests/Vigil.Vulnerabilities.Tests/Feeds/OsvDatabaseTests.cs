using Vigil.Vulnerabilities.Feeds;

namespace Vigil.Vulnerabilities.Tests.Feeds;

public sealed class OsvDatabaseTests(AlmaLinuxDatabase alma) : IClassFixture<AlmaLinuxDatabase>
{
    [Fact]
    public void Complete_AlmaLinux_database_imports_every_record_without_problems()
    {
        Assert.Empty(alma.Result.Problems);
        Assert.Equal(alma.EntryCount(), alma.Result.Advisories.Count);
        Assert.Equal(5680, alma.Result.Advisories.Count);
    }

    [Fact]
    public void AlmaLinux_ranges_become_one_interval_each_from_the_beginning_to_the_fix()
    {
        var ranges = alma.Result.Advisories.SelectMany(a => a.Affected).SelectMany(p => p.Ranges).ToList();
        Assert.Equal(71329, ranges.Count);
        Assert.All(ranges, r =>
        {
            Assert.Null(r.Introduced);
            Assert.NotNull(r.Fixed);
            Assert.Null(r.LastAffected);
        });
        Assert.All(alma.Result.Advisories.SelectMany(a => a.Affected), p => Assert.Matches("^AlmaLinux:(8|9|10)$", p.Ecosystem));
    }

    [Fact]
    public void AlmaLinux_advisories_carry_their_related_CVEs_as_aliases_and_their_summary_severity()
    {
        var withCves = alma.Result.Advisories.Where(a => a.Aliases.Any(x => x.StartsWith("CVE-", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(withCves);
        Assert.All(withCves, a => Assert.DoesNotContain(a.Id, a.Aliases));
        var words = alma.Result.Advisories.GroupBy(a => a.Severity).ToDictionary(g => g.Key ?? "(none)", g => g.Count());
        Assert.Equal(2386, words["important"]);
        Assert.Equal(34, words["critical"]);
        Assert.All(alma.Result.Advisories, a => Assert.NotNull(a.Published));
    }
}
