using UglyToad.PdfPig;
using Vigil.Response.Documents;

namespace Vigil.Response.Tests.Documents;

/// <summary>PDF letters print names as written with DejaVu Sans (Debian's fonts-dejavu-core), and fall back to plain letters without it.</summary>
public sealed class PdfFontTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Names = "Dear Siân Öztürk, Zoë Brontë and Łukasz Żółć,";

    [Fact]
    public void Accented_names_are_written_as_they_are_with_the_embedded_font()
    {
        Assert.True(File.Exists(PdfFonts.DejaVuSans), $"{PdfFonts.DejaVuSans} is missing: install Debian's fonts-dejavu-core (apt-get install fonts-dejavu-core)");
        var fonts = PdfFonts.Load(PdfFonts.DejaVuSans);
        Assert.Null(fonts.Note);

        var bytes = PdfWriter.Write([Block.Parse($"# Letter to Zoë\n{Names}\n- Siân's data: NHS number")], fonts);
        output.WriteLine($"one-page letter with DejaVu Sans embedded: {bytes.Length} bytes; with Helvetica: {PdfWriter.Write([Block.Parse(Names)], PdfFonts.None).Length} bytes");
        using var pdf = PdfDocument.Open(bytes);

        var text = string.Join(" ", pdf.GetPages().SelectMany(static p => p.GetWords()).Select(static w => w.Text));
        Assert.Contains("Letter to Zoë", text, StringComparison.Ordinal);
        Assert.Contains(Names, text, StringComparison.Ordinal);
        Assert.Contains("Siân's data", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_font_accents_are_dropped_and_a_note_says_why()
    {
        var fonts = PdfFonts.Load(Path.Combine(Path.GetTempPath(), "no-such-font.ttf"));
        Assert.Contains("fonts-dejavu-core", fonts.Note, StringComparison.Ordinal);

        using var pdf = PdfDocument.Open(PdfWriter.Write([Block.Parse(Names)], fonts));

        var text = string.Join(" ", pdf.GetPages().SelectMany(static p => p.GetWords()).Select(static w => w.Text));
        Assert.Equal("Dear Sian Ozturk, Zoe Bronte and Lukasz Zolc,", text);
    }

    [Fact]
    public void A_character_the_font_lacks_becomes_a_question_mark_instead_of_failing()
    {
        using var pdf = PdfDocument.Open(PdfWriter.Write([Block.Parse("Name: 王小明 \U0001F600 end")], PdfFonts.Load(PdfFonts.DejaVuSans)));

        var text = string.Join(" ", pdf.GetPages().SelectMany(static p => p.GetWords()).Select(static w => w.Text));
        Assert.StartsWith("Name:", text, StringComparison.Ordinal);
        Assert.EndsWith("end", text, StringComparison.Ordinal);
    }
}
