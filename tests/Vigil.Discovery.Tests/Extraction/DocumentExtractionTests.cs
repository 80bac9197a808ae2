using System.Text;
using Vigil.Discovery.Extraction;

namespace Vigil.Discovery.Tests.Extraction;

public sealed class DocumentExtractionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Pdf_attachment_text_is_extracted_page_by_page()
    {
        var pdf = Fixtures.Pdf("Patient: Jane Smith", "NHS number 943 476 5919");
        var path = _folder.Write("m.eml", Fixtures.Bytes(Fixtures.WithAttachments("see letter", Fixtures.Attachment("letter.pdf", "application/pdf", pdf))));

        var read = Extracted.Read(path);

        var text = read.Text("attachment[1]:letter.pdf");
        Assert.Contains("Patient: Jane Smith", text, StringComparison.Ordinal);
        Assert.Contains("NHS number 943 476 5919", text, StringComparison.Ordinal);
        Assert.Empty(read.Problems);
    }

    [Fact]
    public void Pdf_pages_beyond_the_limit_are_reported()
    {
        var path = _folder.Write("long.pdf", Fixtures.Pdf("page one", "page two", "page three"));

        var read = Extracted.Read(ContentLimits.Default with { MaxPdfPages = 2 }, path);

        Assert.Contains("page two", read.Text("document"), StringComparison.Ordinal);
        Assert.DoesNotContain("page three", read.Text("document"), StringComparison.Ordinal);
        Assert.Equal("document", read.Problem("only the first 2 were read").Part);
    }

    [Fact]
    public void Docx_paragraphs_and_table_cells_are_extracted()
    {
        var docx = Fixtures.Docx("Dear Mr Jones,", "DOB", "01/02/1980", "CHI 0101801234");
        var path = _folder.Write("letter.docx", docx);

        var read = Extracted.Read(path);

        Assert.Equal("Dear Mr Jones,\nDOB\t01/02/1980\tCHI 0101801234\n", read.Text("document"));
        Assert.Equal(ScanItemKind.Document, read.Single.Kind);
        Assert.Empty(read.Problems);
    }

    [Fact]
    public void Xlsx_cells_resolve_shared_and_inline_strings_and_dates()
    {
        var path = _folder.Write("m.eml", Fixtures.Bytes(Fixtures.WithAttachments(
            "list attached",
            Fixtures.Attachment("list.xlsx", "application/octet-stream", Fixtures.Xlsx("Jane Smith", "NHS 943 476 5919")))));

        var read = Extracted.Read(path);

        Assert.Equal("Patients\nJane Smith\t01/01/1980\tNHS 943 476 5919\n", read.Text("attachment[1]:list.xlsx"));
    }

    [Theory]
    [InlineData("utf8-bom", "Zoë,01/02/1980")]
    [InlineData("utf8", "Zoë,01/02/1980")]
    [InlineData("latin1", "Zoë,01/02/1980")]
    [InlineData("utf16-bom", "Zoë,01/02/1980")]
    public void Csv_and_text_charsets_are_detected(string encoding, string text)
    {
        byte[] bytes = encoding switch
        {
            "utf8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf8" => Encoding.UTF8.GetBytes(text),
            "latin1" => Encoding.Latin1.GetBytes(text),
            _ => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        };
        var path = _folder.Write("patients.csv", bytes);

        Assert.Equal(text, Extracted.Read(path).Text("document"));
    }

    [Fact]
    public void Html_document_becomes_text()
    {
        var path = _folder.Write("page.htm", "<html><body><h1>Clinic list</h1><p>Jane&nbsp;Smith</p></body></html>");

        Assert.Equal("Clinic list\nJane Smith", Extracted.Read(path).Text("document"));
    }

    [Fact]
    public void Folder_of_documents_is_read_recursively_in_name_order()
    {
        _folder.Write("b/2.txt", "second");
        _folder.Write("a.txt", "first");
        _folder.Write("b/c/3.docx", Fixtures.Docx("third"));

        var read = Extracted.Read(_folder.Path);

        Assert.Equal(["first", "second", "third\n"], read.Items.Select(i => i.Parts.Single().Text));
        Assert.All(read.Items, i => Assert.Equal(i.Id, i.Location));
    }

    [Fact]
    public void Zip_file_gives_one_item_per_entry_and_nested_archives_inside_it()
    {
        var inner = Fixtures.Zip(("deep.txt", Fixtures.Utf8("deep text")));
        var path = _folder.Write("export.zip", Fixtures.Zip(
            ("notes.txt", Fixtures.Utf8("notes text")),
            ("folder/letter.docx", Fixtures.Docx("letter text")),
            ("inner.zip", inner)));

        var read = Extracted.Read(path);

        Assert.Equal([$"{path}#1", $"{path}#2", $"{path}#3"], read.Items.Select(i => i.Id));
        Assert.Equal("notes text", read.Items[0].Parts.Single(p => p.Name == "zip[1]:notes.txt").Text);
        Assert.Equal("letter text\n", read.Items[1].Parts.Single(p => p.Name == "zip[2]:letter.docx").Text);
        Assert.Equal("deep text", read.Items[2].Parts.Single(p => p.Name == "zip[3]:inner.zip/zip[1]:deep.txt").Text);
        Assert.Empty(read.Problems);
    }

    [Fact]
    public void Zip_attachment_entries_become_parts_of_the_message()
    {
        var zip = Fixtures.Zip(("a.txt", Fixtures.Utf8("alpha")), ("b.pdf", Fixtures.Pdf("bravo")));
        var path = _folder.Write("m.eml", Fixtures.Bytes(Fixtures.WithAttachments("x", Fixtures.Attachment("records.zip", "application/zip", zip))));

        var read = Extracted.Read(path);

        Assert.Equal("alpha", read.Text("attachment[1]:records.zip/zip[1]:a.txt"));
        Assert.Contains("bravo", read.Text("attachment[1]:records.zip/zip[2]:b.pdf"), StringComparison.Ordinal);
    }

    [Fact]
    public void Attached_eml_file_is_read_as_a_forwarded_message()
    {
        var inner = Fixtures.Bytes(Fixtures.Message("forwarded body"));
        var path = _folder.Write("m.eml", Fixtures.Bytes(Fixtures.WithAttachments("x", Fixtures.Attachment("fwd.eml", "application/octet-stream", inner))));

        var read = Extracted.Read(path);

        Assert.Equal("forwarded body", read.Text("attachment[1]:fwd.eml/body").TrimEnd());
        Assert.Contains("Dr Zoë Brontë", read.Text("attachment[1]:fwd.eml/headers"), StringComparison.Ordinal);
    }
}
