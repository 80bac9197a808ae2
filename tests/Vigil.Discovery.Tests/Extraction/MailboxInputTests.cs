using System.IO.Compression;
using Vigil.Discovery.Extraction;

namespace Vigil.Discovery.Tests.Extraction;

public sealed class MailboxInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Mbox_messages_are_numbered_and_hashed_in_order()
    {
        var mbox = Fixtures.Mbox(Fixtures.Message("one", messageId: "1@x"), Fixtures.Message("two", messageId: "2@x"), Fixtures.Message("three", messageId: "3@x"));
        var path = _folder.Write("box.mbox", mbox);

        var read = Extracted.Read(path);

        Assert.Equal(3, read.Items.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.StartsWith($"{path}#{i + 1} mid=", read.Items[i].Id, StringComparison.Ordinal);
            Assert.Equal(path, read.Items[i].Location);
        }

        Assert.Equal(3, read.Items.Select(i => i.Id).Distinct().Count());
        Assert.Empty(read.Problems);
    }

    [Fact]
    public void Eml_saved_with_its_mbox_from_line_is_read_as_one_message()
    {
        var path = _folder.Write("saved.eml", Fixtures.Mbox(Fixtures.Message("the body")));

        var read = Extracted.Read(path);

        Assert.Equal("the body", read.Text("body").TrimEnd());
        Assert.StartsWith($"{path}#1 mid=", read.Single.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancellation_stops_the_read_with_operation_canceled()
    {
        var path = _folder.Write("box.mbox", Fixtures.Mbox(Fixtures.Message("one"), Fixtures.Message("two")));
        using var cancel = new CancellationTokenSource();
        var reader = new ContentReader(ContentLimits.Default);

        using var items = reader.Read([path], _ => { }, cancel.Token).GetEnumerator();
        Assert.True(items.MoveNext());
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => items.MoveNext());
    }

    [Fact]
    public void Gzip_mbox_reads_like_the_plain_one()
    {
        var mbox = Fixtures.Mbox(Fixtures.Message("one"), Fixtures.Message("two"));
        var plain = _folder.Write("box", mbox);
        using var gz = new MemoryStream();
        using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(mbox);
        }

        var compressed = _folder.Write("box.mbox.gz", gz.ToArray());

        var fromPlain = Extracted.Read(plain);
        var fromGzip = Extracted.Read(compressed);

        Assert.Equal(fromPlain.Items.Select(i => i.Parts), fromGzip.Items.Select(i => i.Parts));
        Assert.Equal(2, fromGzip.Items.Count);
    }

    [Fact]
    public void Maildir_messages_are_read_from_cur_and_new_and_bookkeeping_is_skipped()
    {
        _folder.Write("Maildir/cur/1700000000.1.host:2,S", Fixtures.Bytes(Fixtures.Message("seen message")));
        _folder.Write("Maildir/new/1700000001.2.host", Fixtures.Bytes(Fixtures.Message("new message")));
        _folder.Write("Maildir/tmp/.keep", []);
        _folder.Write("Maildir/dovecot.index.log", new byte[] { 1, 2, 3, 0 });
        _folder.Write("Maildir/subscriptions", "INBOX\n");

        var read = Extracted.Read(Path.Combine(_folder.Path, "Maildir"));

        Assert.Equal(["seen message", "new message"], read.Items.Select(i => i.Parts[1].Text.TrimEnd()));
        Assert.All(read.Items, i => Assert.Equal(ScanItemKind.Message, i.Kind));
    }

    [Fact]
    public void Pst_without_readpst_is_reported_as_needing_it()
    {
        var path = _folder.Write("archive.pst", "!BDN not really a pst");
        var problems = new List<ScanProblem>();

        var items = PstReader.Read(path, readpst: null, ContentLimits.Default, problems.Add, CancellationToken.None).ToList();

        Assert.Empty(items);
        Assert.Equal(new ScanProblem(path, null, "PST file needs readpst (Debian package pst-utils): not scanned"), Assert.Single(problems));
    }

    [Fact]
    public void Corrupt_pst_is_reported_whether_or_not_readpst_is_installed()
    {
        var path = _folder.Write("archive.pst", "!BDN not really a pst");

        var read = Extracted.Read(path);

        Assert.Empty(read.Items);
        var problem = Assert.Single(read.Problems);
        Assert.Equal(path, problem.Location);
        Assert.Contains("readpst", problem.Reason, StringComparison.Ordinal);
    }
}
