using Vigil.Vulnerabilities.Feeds;

namespace Vigil.Vulnerabilities.Tests.Feeds;

public sealed class FeedReaderTests
{
    [Fact]
    public void Unknown_files_and_missing_paths_are_reported_and_the_rest_read()
    {
        using var temp = new TempFiles();
        var unknown = temp.Write("notes.txt", "hello");
        var array = temp.Write("array.json", "[1,2]");
        var missing = Path.Combine(temp.Folder, "missing.json");
        var result = FeedReader.Read([unknown, array, missing, VulnData.Path("nvd/CVE-2021-31207.json")]);
        Assert.Single(result.Nvd);
        Assert.Equal([unknown, array, missing], result.Problems.Select(p => p.File));
        Assert.All(result.Problems, p => Assert.Equal("file", p.Item));
    }
}
