using System.Text.Json;
using Vigil.Vulnerabilities.Feeds.Cvss;

namespace Vigil.Vulnerabilities.Tests.Feeds;

public sealed class CvssTests
{
    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0)]
    [InlineData("CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0)]
    [InlineData("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.6)]
    public void V3_base_scores_follow_the_specification(string vector, double score) => Assert.Equal(score, CvssV3.BaseScore(vector));

    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H")]
    [InlineData("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")]
    [InlineData("CVSS:2.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")]
    [InlineData("AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")]
    [InlineData("garbage")]
    [InlineData("")]
    public void Incomplete_or_unknown_v3_vectors_give_no_score(string vector) => Assert.Null(CvssV3.BaseScore(vector));

    [Fact]
    public void Every_score_in_the_NVD_records_is_what_the_calculators_compute_from_its_vector()
    {
        var checkedScores = 0;
        foreach (var file in Directory.GetFiles(VulnData.Path("nvd"), "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var family in document.RootElement.GetProperty("metrics").EnumerateObject())
            {
                foreach (var metric in family.Value.EnumerateArray())
                {
                    var data = metric.GetProperty("cvssData");
                    var vector = data.GetProperty("vectorString").GetString()!;
                    var computed = family.Name == "cvssMetricV2" ? CvssV2.BaseScore(vector) : CvssV3.BaseScore(vector);
                    Assert.True(computed == data.GetProperty("baseScore").GetDouble(), $"{Path.GetFileName(file)} {vector}: computed {computed}");
                    checkedScores++;
                }
            }
        }

        Assert.True(checkedScores >= 10, $"only {checkedScores} scores checked");
    }
}
