using Vigil.Discovery.Extraction;

namespace Vigil.Discovery.Tests.Extraction;

public sealed class ZipLimitTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void High_ratio_entry_is_reported_as_a_zip_bomb_and_not_expanded()
    {
        var bomb = Fixtures.Zip(("zeros.txt", new byte[8 * 1024 * 1024]), ("ok.txt", Fixtures.Utf8("fine")));
        var path = _folder.Write("m.eml", Fixtures.Bytes(Fixtures.WithAttachments("body", Fixtures.Attachment("bomb.zip", "application/zip", bomb))));
        Assert.True(bomb.Length < 80_000, "the fixture compresses more than 100 times");

        var read = Extracted.Read(path);

        Assert.Equal("attachment[1]:bomb.zip/zip[1]:zeros.txt", read.Problem("suspected ZIP bomb").Part);
        Assert.Equal("fine", read.Text("attachment[1]:bomb.zip/zip[2]:ok.txt"));
        Assert.DoesNotContain(read.Single.Parts, p => p.Name.Contains("zeros", StringComparison.Ordinal));
    }

    [Fact]
    public void Entry_that_lies_about_its_size_is_never_expanded_beyond_it()
    {
        var zip = Fixtures.Zip(("small.txt", Enumerable.Repeat((byte)'a', 2 * 1024 * 1024).ToArray()));
        DeclareUncompressedSize(zip, 1000);
        var path = _folder.Write("liar.zip", zip);

        var read = Extracted.Read(path);

        // System.IO.Compression already stops at the declared size; Vigil's own cap (declared + 1) reports the lie if not.
        var expanded = read.Items.SelectMany(i => i.Parts).Sum(p => p.Text.Length);
        Assert.True(expanded <= 1000 || read.Problems.Any(p => p.Reason.Contains("declared size", StringComparison.Ordinal)));
        Assert.True(expanded <= 1001, $"{expanded} characters expanded");
    }

    [Fact]
    public void Nested_archives_beyond_the_depth_limit_are_reported_not_opened()
    {
        var zip = Fixtures.Zip(("core.txt", Fixtures.Utf8("core")));
        for (var level = 0; level < 4; level++)
        {
            zip = Fixtures.Zip(($"level{level}.zip", zip));
        }

        var path = _folder.Write("nested.zip", zip);

        var read = Extracted.Read(path);

        Assert.DoesNotContain("core", read.AllText, StringComparison.Ordinal);
        Assert.Equal("zip[1]:level3.zip/zip[1]:level2.zip/zip[1]:level1.zip", read.Problem("nested deeper than 3").Part);
    }

    [Fact]
    public void Nested_bomb_stops_at_the_total_expansion_budget()
    {
        // 42.zip in small: many copies of an archive of highly compressible entries, under a generous ratio limit.
        var inner = Fixtures.Zip(("a.txt", new byte[300_000]), ("b.txt", new byte[300_000]));
        var outer = Fixtures.Zip([.. Enumerable.Range(1, 6).Select(i => ($"copy{i}.zip", inner))]);
        var path = _folder.Write("m.eml", Fixtures.Bytes(Fixtures.WithAttachments("body", Fixtures.Attachment("r.zip", "application/zip", outer))));
        var limits = ContentLimits.Default with { MaxZipExpansionRatio = 100_000, MaxZipTotalBytes = 1_000_000 };

        var read = Extracted.Read(limits, path);

        Assert.Contains(read.Problems, p => p.Reason.Contains("beyond 1000000 bytes in all", StringComparison.Ordinal));
        Assert.Equal("body", read.Text("body").TrimEnd());
    }

    [Fact]
    public void Entries_beyond_the_entry_limit_are_reported()
    {
        var zip = Fixtures.Zip([.. Enumerable.Range(1, 5).Select(i => ($"{i}.txt", Fixtures.Utf8($"entry {i}")))]);
        var path = _folder.Write("many.zip", zip);

        var read = Extracted.Read(ContentLimits.Default with { MaxZipEntries = 3 }, path);

        Assert.Equal(3, read.Items.Count);
        Assert.Equal(new ScanProblem(path, null, "more than 3 entries: the rest not read"), Assert.Single(read.Problems));
    }

    [Fact]
    public void Docx_that_is_a_zip_bomb_is_reported_before_openxml_opens_it()
    {
        var docx = Fixtures.Zip(("[Content_Types].xml", new byte[8 * 1024 * 1024]));
        var path = _folder.Write("bomb.docx", docx);

        var read = Extracted.Read(path);

        Assert.Equal("document", read.Problem("suspected ZIP bomb").Part);
    }

    [Fact]
    public void Gzip_mailbox_that_expands_beyond_the_ratio_is_cut_and_reported()
    {
        using var gz = new MemoryStream();
        using (var zip = new System.IO.Compression.GZipStream(gz, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zip.Write(Fixtures.Mbox(Fixtures.Message("first")));
            zip.Write(new byte[4 * 1024 * 1024]);
        }

        var path = _folder.Write("box.mbox.gz", gz.ToArray());

        var read = Extracted.Read(path);

        Assert.Contains("first", read.Items[0].Parts[1].Text, StringComparison.Ordinal);
        Assert.Contains(read.Problems, p => p.Location == path && p.Reason.Contains("suspected gzip bomb", StringComparison.Ordinal));
    }

    /// <summary>Rewrites the uncompressed size in the local and central headers: a ZIP that lies about its size.</summary>
    private static void DeclareUncompressedSize(byte[] zip, int size)
    {
        var local = zip.AsSpan().IndexOf("PK\x03\x04"u8);
        var central = zip.AsSpan().IndexOf("PK\x01\x02"u8);
        BitConverter.TryWriteBytes(zip.AsSpan(local + 22, 4), size);
        BitConverter.TryWriteBytes(zip.AsSpan(central + 24, 4), size);
    }
}
