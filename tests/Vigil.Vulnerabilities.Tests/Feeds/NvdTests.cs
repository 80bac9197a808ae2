using System.Text;
using System.Text.Json;
using Vigil.Vulnerabilities.Feeds;

namespace Vigil.Vulnerabilities.Tests.Feeds;

public sealed class NvdTests
{
    [Fact]
    public void NVD_records_read_with_the_highest_v31_score_and_their_configurations()
    {
        var result = FeedReader.Read([VulnData.Path("nvd")]);
        Assert.Empty(result.Problems);
        Assert.Equal(5, result.Nvd.Count);
        var proxyShell = Assert.Single(result.Nvd, r => r.CveId == "CVE-2021-34473");
        Assert.Equal(9.8, proxyShell.CvssScore);
        Assert.Equal("critical", proxyShell.CvssSeverity);
        Assert.StartsWith("Microsoft Exchange Server Remote Code Execution", proxyShell.Description, StringComparison.Ordinal);
        var matches = proxyShell.Configurations.SelectMany(c => c.Nodes).SelectMany(n => n.Matches).ToList();
        Assert.Contains(matches, m => m.Criteria == "cpe:2.3:a:microsoft:exchange_server:2016:cumulative_update_19:*:*:*:*:*:*" && m.Vulnerable);
    }

    [Fact]
    public void AND_configurations_keep_their_platform_CPEs_as_not_vulnerable_and_the_version_bounds()
    {
        var sudo = Assert.Single(FeedReader.Read([VulnData.Path("nvd/CVE-2021-3156.excerpt.json")]).Nvd);
        var and = sudo.Configurations.Where(c => c.Operator == "AND").ToList();
        Assert.NotEmpty(and);
        Assert.All(and, c => Assert.Contains(c.Nodes.SelectMany(n => n.Matches), m => !m.Vulnerable));
        var matches = sudo.Configurations.SelectMany(c => c.Nodes).SelectMany(n => n.Matches).ToList();
        Assert.Contains(matches, m => m.VersionStartIncluding is not null && m.VersionEndExcluding is not null);
        Assert.Contains(matches, m => m.VersionEndIncluding is not null);
        Assert.Contains(matches, m => m.Criteria.Contains("1.9.5:patch1", StringComparison.Ordinal));
    }

    [Fact]
    public void An_API_response_larger_than_the_read_buffer_streams_every_record()
    {
        using var temp = new TempFiles();
        var records = Directory.GetFiles(VulnData.Path("nvd"), "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var items = Enumerable.Range(0, 30).SelectMany(_ => records).Select(r => $"{{\"cve\":{r}}}");
        var file = temp.Write("nvd-page.json", $"{{\"resultsPerPage\":150,\"startIndex\":0,\"totalResults\":150,\"format\":\"NVD_CVE\",\"version\":\"2.0\",\"vulnerabilities\":[{string.Join(',', items)}]}}");
        Assert.True(new FileInfo(file).Length > 256 * 1024);
        var result = FeedReader.Read([file]);
        Assert.Empty(result.Problems);
        Assert.Equal(150, result.Nvd.Count);
        Assert.Equal(30, result.Nvd.Count(r => r.CveId == "CVE-2021-26855"));
    }

    [Fact]
    public void A_record_larger_than_the_read_buffer_is_read_whole()
    {
        using var temp = new TempFiles();
        var description = new string('x', 300 * 1024);
        var file = temp.Write("big.json", $"{{\"vulnerabilities\":[{{\"cve\":{{\"id\":\"CVE-2021-0001\",\"descriptions\":[{{\"lang\":\"en\",\"value\":\"{description}\"}}]}}}},{{\"cve\":{{\"id\":\"CVE-2021-0002\"}}}}]}}");
        var result = FeedReader.Read([file]);
        Assert.Empty(result.Problems);
        Assert.Equal(["CVE-2021-0001", "CVE-2021-0002"], result.Nvd.Select(r => r.CveId));
        Assert.Equal(description.Length, result.Nvd[0].Description!.Length);
    }

    [Fact]
    public void A_yearly_mirror_file_of_cve_items_reads_like_a_response()
    {
        using var temp = new TempFiles();
        var records = Directory.GetFiles(VulnData.Path("nvd"), "*.json").Select(File.ReadAllText);
        var file = temp.Write("CVE-2021.json", $"{{\"timestamp\":\"2025-01-01T00:00:00\",\"cve_count\":5,\"cve_items\":[{string.Join(',', records)}]}}");
        var result = FeedReader.Read([file]);
        Assert.Empty(result.Problems);
        Assert.Equal(5, result.Nvd.Count);
    }

    [Fact]
    public void A_truncated_response_keeps_the_records_before_the_cut_and_says_where_it_stopped()
    {
        using var temp = new TempFiles();
        var record = File.ReadAllText(VulnData.Path("nvd/CVE-2021-34523.json"));
        var text = $"{{\"resultsPerPage\":3,\"vulnerabilities\":[{{\"cve\":{record}}},{{\"cve\":{record}}},{{\"cve\":{record}}}]}}";
        var file = temp.Write("cut.json", text[..(text.Length - (record.Length / 2))]);
        var result = FeedReader.Read([file]);
        Assert.Equal(2, result.Nvd.Count);
        Assert.Equal(new FeedProblem(file, "vulnerabilities", "the file ends inside the array (truncated)"), Assert.Single(result.Problems));
    }

    [Fact]
    public void Malformed_JSON_inside_a_response_is_reported_with_its_line()
    {
        using var temp = new TempFiles();
        var file = temp.Write("bad.json", "{\"resultsPerPage\":1,\n\"vulnerabilities\":[{\"cve\":{\"id\":\"CVE-2021-0001\"}},\n{\"cve\":{\"id\":]}");
        var result = FeedReader.Read([file]);
        Assert.Equal(["CVE-2021-0001"], result.Nvd.Select(r => r.CveId));
        Assert.Equal(new FeedProblem(file, "vulnerabilities", "malformed JSON at line 3"), Assert.Single(result.Problems));
    }
}
