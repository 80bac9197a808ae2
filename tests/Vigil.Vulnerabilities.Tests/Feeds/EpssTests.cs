using System.IO.Compression;
using System.Text;
using Vigil.Vulnerabilities.Feeds;

namespace Vigil.Vulnerabilities.Tests.Feeds;

public sealed class EpssTests
{
    private const string Daily = "#model_version:v2025.03.14,score_date:2025-08-15T00:00:00+0000\ncve,epss,percentile\nCVE-2021-34473,0.94257,0.99924\nCVE-2021-26855,0.94337,0.99944\nCVE-2021-0001,1.5,0.2\nnot-a-cve,0.1,0.1\n";

    [Fact]
    public void A_time_series_excerpt_reads_every_row_and_v1_rows_have_no_percentile()
    {
        var file = VulnData.Path("epss/CVE-2021-34473.epss.excerpt.csv");
        var lines = File.ReadAllLines(file).Skip(1).Where(l => l.Length > 0).ToList();
        var result = FeedReader.Read([file]);
        Assert.Equal(lines.Count, result.Epss.Count);
        Assert.Empty(result.Problems);
        Assert.Equal(lines.Count(l => l.Split(',').Length == 3 || l.EndsWith(',')), result.Epss.Count(s => s.Percentile is null));
        Assert.All(result.Epss, s => Assert.Equal("CVE-2021-34473", s.CveId));
        var latest = result.Epss.MaxBy(s => s.Date)!;
        Assert.Equal((new DateOnly(2025, 8, 15), 0.94257, 0.99924), (latest.Date!.Value, latest.Score, latest.Percentile));
    }

    [Fact]
    public void The_daily_file_takes_its_date_from_the_comment_line_plain_or_gzipped()
    {
        using var temp = new TempFiles();
        var plain = temp.Write("epss_scores-2025-08-15.csv", Daily);
        var gz = Path.Combine(temp.Folder, "epss_scores-2025-08-15.csv.gz");
        using (var stream = new GZipStream(File.Create(gz), CompressionLevel.Fastest))
        {
            stream.Write(Encoding.UTF8.GetBytes(Daily));
        }

        foreach (var file in new[] { plain, gz })
        {
            var result = FeedReader.Read([file]);
            Assert.Equal(
                [new EpssScore("CVE-2021-34473", 0.94257, 0.99924, new DateOnly(2025, 8, 15)), new EpssScore("CVE-2021-26855", 0.94337, 0.99944, new DateOnly(2025, 8, 15))],
                result.Epss);
            Assert.Equal(
                [new FeedProblem(file, "line 5", "epss or percentile is not a number between 0 and 1"), new FeedProblem(file, "line 6", "the first field is not a CVE id")],
                result.Problems);
        }
    }
}
