using System.IO.Compression;
using System.Text;
using Vigil.Vulnerabilities.Feeds;

namespace Vigil.Vulnerabilities.Tests.Feeds;

public sealed class OsvZipTests
{
    [Fact]
    public void A_corrupt_or_malformed_entry_is_reported_by_name_and_the_rest_of_the_zip_is_read()
    {
        using var temp = new TempFiles();
        var zip = Path.Combine(temp.Folder, "all.zip");
        var good = """{"id":"ALSA-1","affected":[{"package":{"ecosystem":"AlmaLinux:9","name":"bash"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"5.1-1.el9"}]}]}]}""";
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            Add(archive, "ALSA-1.json", good);
            Add(archive, "corrupt.json", string.Concat(Enumerable.Repeat(good, 200)));
            Add(archive, "malformed.json", "{\"id\":");
            Add(archive, "README.txt", "not a record");
            Add(archive, "ALSA-2.json", good.Replace("ALSA-1", "ALSA-2", StringComparison.Ordinal));
        }

        Corrupt(zip, "corrupt.json");
        var result = FeedReader.Read([zip]);
        Assert.Equal(["ALSA-1", "ALSA-2"], result.Advisories.Select(a => a.Id));
        Assert.Equal(["corrupt.json", "malformed.json"], result.Problems.Select(p => p.Item));
        Assert.All(result.Problems, p => Assert.Equal(zip, p.File));
    }

    private static void Add(ZipArchive archive, string name, string text)
    {
        using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Overwrites the middle of an entry's compressed data, leaving the zip's directory intact.</summary>
    private static void Corrupt(string zip, string entry)
    {
        var bytes = File.ReadAllBytes(zip);
        var name = Encoding.ASCII.GetBytes(entry);
        var header = bytes.AsSpan().IndexOf(name) - 30;
        var compressed = BitConverter.ToInt32(bytes, header + 18);
        var start = header + 30 + name.Length + BitConverter.ToUInt16(bytes, header + 28);
        bytes.AsSpan(start + (compressed / 4), compressed / 2).Fill(0xFF);
        File.WriteAllBytes(zip, bytes);
    }
}
