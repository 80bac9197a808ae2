using System.Text;
using MimeKit;
using Vigil.Discovery.Extraction;

namespace Vigil.Discovery.Tests.Extraction;

public sealed class MessageExtractionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Eml_gives_a_headers_part_with_decoded_names_and_no_message_id()
    {
        var message = Fixtures.Message("Patient NHS number 943 476 5919.");
        message.Cc.Add(new MailboxAddress("Ann Other", "ann@practice.example"));
        message.ReplyTo.Add(new MailboxAddress("Reception", "reception@practice.example"));
        message.Headers.Add("Received", "from relay.example by mx.example");
        message.References.Add("older@practice.example");
        var path = _folder.Write("referral.eml", Fixtures.Bytes(message));

        var read = Extracted.Read(path);

        var headers = read.Text("headers");
        Assert.Contains("From: Dr Zoë Brontë <zoe.bronte@practice.example>", headers, StringComparison.Ordinal);
        Assert.Contains("To: Clinic <clinic@hospital.example>", headers, StringComparison.Ordinal);
        Assert.Contains("Cc: Ann Other <ann@practice.example>", headers, StringComparison.Ordinal);
        Assert.Contains("Reply-To: Reception <reception@practice.example>", headers, StringComparison.Ordinal);
        Assert.Contains("Subject: Referral", headers, StringComparison.Ordinal);
        Assert.Contains("Date: Wed, 04 Mar 2026 09:30:00 +0000", headers, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123", headers, StringComparison.Ordinal);
        Assert.DoesNotContain("relay", headers, StringComparison.Ordinal);
        Assert.DoesNotContain("older@", headers, StringComparison.Ordinal);
        Assert.Equal("Patient NHS number 943 476 5919.\n", read.Text("body"));
        Assert.Equal(ScanItemKind.Message, read.Single.Kind);
        Assert.Empty(read.Problems);
    }

    [Fact]
    public void Item_id_is_the_path_and_a_hash_of_the_message_id_not_the_id_itself()
    {
        var path = _folder.Write("a.eml", Fixtures.Bytes(Fixtures.Message("x", messageId: "jane.doe.1980@practice.example")));

        var id = Extracted.Read(path).Single.Id;

        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(path)} mid=[0-9a-f]{{12}}$", id);
        Assert.DoesNotContain("jane", id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-8", ContentEncoding.Base64)]
    [InlineData("utf-8", ContentEncoding.QuotedPrintable)]
    [InlineData("utf-8", ContentEncoding.EightBit)]
    [InlineData("iso-8859-1", ContentEncoding.QuotedPrintable)]
    [InlineData("iso-8859-1", ContentEncoding.Base64)]
    [InlineData("windows-1252", ContentEncoding.EightBit)]
    [InlineData("utf-16", ContentEncoding.Base64)]
    [InlineData("utf-8", ContentEncoding.UUEncode)]
    public void Every_transfer_encoding_and_charset_is_decoded(string charset, ContentEncoding encoding)
    {
        var message = Fixtures.Message(string.Empty);
        var body = new MimeKit.TextPart("plain") { ContentTransferEncoding = encoding };
        body.SetText(charset, "Mrs Zoë Brontë, née Łucja? no: Zoë, DOB 01/02/1980");
        message.Body = body;
        var path = _folder.Write("m.eml", Fixtures.Bytes(message));

        var text = Extracted.Read(path).Text("body");

        var expected = charset == "utf-8" || charset == "utf-16" ? "née Łucja" : "Zoë Brontë";
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Contains("DOB 01/02/1980", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us-ascii", "latin1")]
    [InlineData("utf-8", "latin1")]
    [InlineData("iso-8859-1", "utf8")]
    [InlineData("x-no-such-charset", "utf8")]
    [InlineData("x-no-such-charset", "latin1")]
    public void Lying_charsets_fall_back_to_what_the_bytes_are(string declared, string actual)
    {
        var bytes = actual == "utf8" ? Encoding.UTF8.GetBytes("Zoë Brontë") : Encoding.Latin1.GetBytes("Zoë Brontë");
        var raw = Encoding.ASCII.GetBytes(
            $"From: a@b.example\r\nSubject: s\r\nContent-Type: text/plain; charset={declared}\r\n" +
            "Content-Transfer-Encoding: 8bit\r\n\r\n").Concat(bytes).ToArray();
        var path = _folder.Write("lying.eml", raw);

        var read = Extracted.Read(path);

        Assert.Equal("Zoë Brontë", read.Text("body"));
    }

    [Fact]
    public void Html_body_becomes_text_without_scripts_styles_or_entities()
    {
        var message = Fixtures.Message(string.Empty);
        message.Body = new MimeKit.TextPart("html")
        {
            Text = "<html><head><title>t</title><style>p{color:red}</style></head><body><script>var nhs='000';</script>" +
                "<p>Dear&nbsp;Mr&#32;O&apos;Brien &amp; family,</p><div>NHS&nbsp;no<br>943&nbsp;476&nbsp;5919</div>" +
                "<table><tr><td>DOB</td><td>01/02/1980</td></tr></table><!-- hidden --></body></html>",
        };
        var path = _folder.Write("h.eml", Fixtures.Bytes(message));

        var text = Extracted.Read(path).Text("body.html");

        // Non-breaking spaces become plain spaces, so "943&nbsp;476&nbsp;5919" reads as a spaced NHS number.
        Assert.Equal("Dear Mr O'Brien & family,\nNHS no\n943 476 5919\nDOB\t01/02/1980", text);
    }

    [Fact]
    public void Alternative_bodies_give_the_plain_version_only()
    {
        var message = Fixtures.Message(string.Empty);
        message.Body = new MultipartAlternative
        {
            new MimeKit.TextPart("plain") { Text = "plain words" },
            new MimeKit.TextPart("html") { Text = "<p>html words</p>" },
        };
        var path = _folder.Write("alt.eml", Fixtures.Bytes(message));

        var parts = Extracted.Read(path).Single.Parts;

        Assert.Equal(["headers", "body"], parts.Select(p => p.Name));
        Assert.Equal("plain words", parts[1].Text.TrimEnd());
    }

    [Fact]
    public void Html_alternative_is_read_too_when_the_plain_part_is_a_stub()
    {
        var message = Fixtures.Message(string.Empty);
        message.Body = new MultipartAlternative
        {
            new MimeKit.TextPart("plain") { Text = "Please view this message in HTML." },
            new MimeKit.TextPart("html") { Text = "<p>Patient Jane Smith, NHS number 943 476 5919, was seen today in clinic and discharged home with a follow-up in six weeks.</p>" },
        };
        var path = _folder.Write("stub.eml", Fixtures.Bytes(message));

        var read = Extracted.Read(path);

        Assert.Equal(["headers", "body", "body.html"], read.Single.Parts.Select(p => p.Name));
        Assert.Contains("943 476 5919", read.Text("body.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_tnef_attachment_is_reported_and_the_body_kept()
    {
        var garbage = new byte[3000];
        new Random(3).NextBytes(garbage);
        var tnef = Fixtures.Attachment("winmail.dat", "application/ms-tnef", [0x78, 0x9F, 0x3E, 0x22, .. garbage]);
        var path = _folder.Write("tnef.eml", Fixtures.Bytes(Fixtures.WithAttachments("outlook body", tnef)));

        var read = Extracted.Read(path);

        Assert.Equal("outlook body", read.Text("body").TrimEnd());
        Assert.All(read.Problems, p => Assert.StartsWith("attachment[1]:winmail.dat", p.Part, StringComparison.Ordinal));
    }

    [Fact]
    public void Forwarded_messages_are_read_recursively_with_their_own_parts()
    {
        var inner = Fixtures.WithAttachments("inner body", Fixtures.Attachment("notes.txt", "text/plain", Fixtures.Utf8("inner notes")));
        var outer = Fixtures.WithAttachments("outer body", new MessagePart { Message = inner });
        var path = _folder.Write("fwd.eml", Fixtures.Bytes(outer));

        var parts = Extracted.Read(path).Single.Parts;

        Assert.Equal(
            ["headers", "body", "attachment[1]/headers", "attachment[1]/body", "attachment[1]/attachment[1]:notes.txt"],
            parts.Select(p => p.Name));
        Assert.Equal("inner notes", parts[^1].Text.TrimEnd());
    }

    [Fact]
    public void Forwarded_messages_deeper_than_the_limit_are_reported()
    {
        var message = Fixtures.Message("level 0");
        for (var level = 1; level <= 3; level++)
        {
            message = Fixtures.WithAttachments($"level {level}", new MessagePart { Message = message });
        }

        var path = _folder.Write("deep.eml", Fixtures.Bytes(message));

        var read = Extracted.Read(ContentLimits.Default with { MaxMessageDepth = 2 }, path);

        Assert.Contains("level 1", read.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("level 0", read.AllText, StringComparison.Ordinal);
        Assert.Equal("attachment[1]/attachment[1]/attachment[1]/", read.Problem("nested deeper than 2").Part);
    }
}
