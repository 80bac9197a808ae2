using System.Text.Json;
using Vigil.Vulnerabilities.Feeds;

namespace Vigil.Vulnerabilities.Tests.Feeds;

public sealed class KevTests
{
    [Fact]
    public void KEV_JSON_imports_as_many_entries_as_the_catalogue_says()
    {
        var file = VulnData.Path("kev/known_exploited_vulnerabilities.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        var result = FeedReader.Read([file]);
        Assert.Empty(result.Problems);
        Assert.Equal(document.RootElement.GetProperty("count").GetInt32(), result.Kev.Count);
        Assert.Equal(1404, result.Kev.Count);
        Assert.Equal(293, result.Kev.Count(k => k.KnownRansomwareUse));
    }

    [Fact]
    public void KEV_CSV_gives_the_same_entries_as_the_JSON()
    {
        var json = FeedReader.Read([VulnData.Path("kev/known_exploited_vulnerabilities.json")]).Kev;
        var csv = FeedReader.Read([VulnData.Path("kev/known_exploited_vulnerabilities.csv")]);
        Assert.Empty(csv.Problems);
        Assert.Equal(json.OrderBy(k => k.CveId, StringComparer.Ordinal), csv.Kev.OrderBy(k => k.CveId, StringComparer.Ordinal));
    }

    [Fact]
    public void ProxyLogon_keeps_its_due_date_before_the_date_it_was_added()
    {
        var kev = FeedReader.Read([VulnData.Path("kev/known_exploited_vulnerabilities.json")]).Kev;
        var proxyLogon = Assert.Single(kev, k => k.CveId == "CVE-2021-26855");
        Assert.Equal(new DateOnly(2021, 11, 3), proxyLogon.DateAdded);
        Assert.Equal(new DateOnly(2021, 4, 16), proxyLogon.DueDate);
        Assert.Equal(15, kev.Count(k => k.DueDate < k.DateAdded));
    }

    [Fact]
    public void A_bad_KEV_entry_is_reported_by_index_and_the_others_kept()
    {
        using var temp = new TempFiles();
        var file = temp.Write("kev.json", """
            {"title":"t","catalogVersion":"1","dateReleased":"2025-01-01","count":3,"vulnerabilities":[
              {"cveID":"CVE-2021-0001","vendorProject":"v","product":"p","vulnerabilityName":"n","dateAdded":"2021-01-01","dueDate":"2021-01-15","knownRansomwareCampaignUse":"Known"},
              {"cveID":"CVE-2021-0002","vendorProject":"v","product":"p","vulnerabilityName":"n","dateAdded":"01/01/2021","dueDate":"2021-01-15"},
              {"cveID":"not-a-cve","vendorProject":"v","product":"p","vulnerabilityName":"n","dateAdded":"2021-01-01","dueDate":"2021-01-15"}]}
            """);
        var result = FeedReader.Read([file]);
        Assert.Equal(["CVE-2021-0001"], result.Kev.Select(k => k.CveId));
        Assert.Equal(
            [new FeedProblem(file, "vulnerabilities[1] (CVE-2021-0002)", "dateAdded or dueDate is not a YYYY-MM-DD date"), new FeedProblem(file, "vulnerabilities[2]", "cveID is not a CVE id")],
            result.Problems);
    }
}
