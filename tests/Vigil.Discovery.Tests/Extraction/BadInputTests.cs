using System.Text;
using MimeKit;
using Vigil.Discovery.Extraction;

namespace Vigil.Discovery.Tests.Extraction;

public sealed class BadInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Encrypted_pdf_is_reported_and_the_message_still_read()
    {
        var path = _folder.Write("m.eml", Fixtures.Bytes(Fixtures.WithAttachments(
            "body text", Fixtures.Attachment("secret.pdf", "application/pdf", EncryptedPdf()))));

        var read = Extracted.Read(path);

        Assert.Equal("attachment[1]:secret.pdf", read.Problem("encrypted PDF").Part);
        Assert.Equal("body text", read.Text("body").TrimEnd());
    }

    [Theory]
    [InlineData("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF")]
    [InlineData("%PDF-1.4\n\u0001\u0002\u0003 garbage that is not a PDF at all")]
    public void Malformed_pdf_is_reported_not_thrown(string content)
    {
        var path = _folder.Write("broken.pdf", Encoding.Latin1.GetBytes(content));

        var read = Extracted.Read(path);

        Assert.Equal(path, Assert.Single(read.Problems).Location);
        Assert.Contains("PDF", read.Problems[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_base64_is_reported_and_what_was_decoded_is_kept()
    {
        var raw = "From: a@b.example\r\nSubject: s\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n" +
            "--XX\r\nContent-Type: text/plain\r\n\r\nbody\r\n" +
            "--XX\r\nContent-Type: text/plain; name=notes.txt\r\nContent-Disposition: attachment; filename=notes.txt\r\n" +
            "Content-Transfer-Encoding: base64\r\n\r\n" + Convert.ToBase64String(Encoding.ASCII.GetBytes("NHS 943 476 5919 more"))[..22] + "\r\n--XX--\r\n";
        var path = _folder.Write("cut.eml", Encoding.ASCII.GetBytes(raw));

        var read = Extracted.Read(path);

        Assert.Equal("attachment[1]:notes.txt", read.Problem("base64 content is truncated").Part);
        Assert.Equal("NHS 943 476 591", read.Text("attachment[1]:notes.txt"));
    }

    [Fact]
    public void Attachment_larger_than_the_part_limit_is_reported()
    {
        var big = Fixtures.Pdf("x").Concat(new byte[200_000]).ToArray();
        var path = _folder.Write("m.eml", Fixtures.Bytes(Fixtures.WithAttachments("body", Fixtures.Attachment("scan.pdf", "application/pdf", big))));

        var read = Extracted.Read(ContentLimits.Default with { MaxPartBytes = 100_000 }, path);

        Assert.Equal("attachment[1]:scan.pdf", read.Problem("larger than 100000 bytes").Part);
        Assert.Equal("body", read.Text("body").TrimEnd());
    }

    [Fact]
    public void Binary_file_named_txt_is_reported_not_scanned()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        var path = _folder.Write("notes.txt", bytes);

        var read = Extracted.Read(path);

        Assert.Empty(read.Single.Parts);
        Assert.Equal(new ScanProblem(path, "document", "binary content in a text file: not scanned"), Assert.Single(read.Problems));
    }

    [Fact]
    public void Broken_message_in_an_mbox_does_not_stop_the_rest()
    {
        var broken = "From: x@y.example\nContent-Type: multipart/mixed; boundary=\"never-closed\"\nContent-Transfer-Encoding: base64\n\n" +
            "--never-closed\nContent-Type: text/plain; charset=x-bogus\nContent-Transfer-Encoding: quoted-printable\n\nbroken =ZZ=\n=4";
        var mbox = new List<byte>(Fixtures.Mbox(Fixtures.Message("first")));
        mbox.AddRange(Encoding.ASCII.GetBytes("From MAILER-DAEMON Thu Mar  4 09:30:00 2026\n" + broken + "\n\n"));
        mbox.AddRange(Fixtures.Mbox(Fixtures.Message("third")));
        var path = _folder.Write("box.mbox", mbox.ToArray());

        var read = Extracted.Read(path);

        Assert.Equal(3, read.Items.Count);
        Assert.Contains("first", read.Items[0].Parts[1].Text, StringComparison.Ordinal);
        Assert.Contains("broken", read.Items[1].Parts[1].Text, StringComparison.Ordinal);
        Assert.Contains("third", read.Items[2].Parts[1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x.eml")]
    [InlineData("x.mbox")]
    [InlineData("x.pdf")]
    [InlineData("x.docx")]
    [InlineData("x.xlsx")]
    [InlineData("x.zip")]
    [InlineData("x.gz")]
    [InlineData("x.html")]
    [InlineData("x")]
    public void Random_bytes_under_any_name_never_throw(string name)
    {
        var bytes = new byte[20_000];
        new Random(name.Length).NextBytes(bytes);
        var path = _folder.Write(name, bytes);

        var read = Extracted.Read(path, _folder.Write("after.txt", "still read"));

        Assert.Equal("still read", read.Items[^1].Parts.Single().Text);
        Assert.All(read.Problems, p => Assert.StartsWith(path, p.Location, StringComparison.Ordinal));
    }

    [Fact]
    public void Text_beyond_the_per_item_limit_is_cut_and_reported_once()
    {
        var message = Fixtures.WithAttachments(new string('a', 600), Fixtures.Attachment("b.txt", "text/plain", Encoding.ASCII.GetBytes(new string('b', 600))));
        var path = _folder.Write("m.eml", Fixtures.Bytes(message));

        var read = Extracted.Read(ContentLimits.Default with { MaxTextCharsPerItem = 1000 }, path);

        Assert.Equal(1000, read.Single.Parts.Sum(p => p.Text.Length));
        Assert.Contains("1000 characters", Assert.Single(read.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_path_is_reported()
    {
        var missing = Path.Combine(_folder.Path, "nope.mbox");

        var read = Extracted.Read(missing);

        Assert.Empty(read.Items);
        Assert.Equal(new ScanProblem(missing, null, "no such file or folder"), Assert.Single(read.Problems));
    }

    [Fact]
    public void Problems_never_quote_content()
    {
        var secret = "Jane Smith 943 476 5919";
        var message = Fixtures.WithAttachments(secret, Fixtures.Attachment("n.txt", "text/plain", Encoding.ASCII.GetBytes(secret + "\0\0\0")));
        var path = _folder.Write("m.eml", Fixtures.Bytes(message));

        var read = Extracted.Read(ContentLimits.Default with { MaxTextCharsPerItem = 5 }, path);

        Assert.NotEmpty(read.Problems);
        Assert.All(read.Problems, p => Assert.DoesNotContain("943", p.Reason + p.Part + p.Location, StringComparison.Ordinal));
    }

    /// <summary>A generated PDF whose trailer points at a Standard security handler with a password nobody knows.</summary>
    private static byte[] EncryptedPdf()
    {
        var pdf = Encoding.Latin1.GetString(Fixtures.Pdf("secret"));
        var hex = new string('A', 64);
        var encrypt = $" /Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <{hex}> /U <{hex}> >>";
        var open = pdf.IndexOf("<<", pdf.LastIndexOf("trailer", StringComparison.Ordinal), StringComparison.Ordinal);
        pdf = pdf[..(open + 2)] + encrypt + pdf[(open + 2)..];
        return Encoding.Latin1.GetBytes(pdf);
    }
}
