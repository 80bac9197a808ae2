using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Vigil.Response.Documents;

/// <summary>
/// Writes Markdown-ish documents as one DOCX: each document starts on a new page. Direct formatting only (no styles
/// part), so that Word, LibreOffice and mail-merge tools all open it the same way.
/// </summary>
public static class DocxWriter
{
    /// <summary>Writes the documents to <paramref name="output"/>, a page break between each.</summary>
    public static void Write(Stream output, IReadOnlyList<IReadOnlyList<Block>> documents)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(documents);
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = package.AddMainDocumentPart();
        var body = new Body();
        for (var d = 0; d < documents.Count; d++)
        {
            if (d > 0)
            {
                body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
            }

            foreach (var block in documents[d])
            {
                body.Append(Paragraph(block));
            }
        }

        body.Append(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 708U, Footer = 708U, Gutter = 0U }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static Paragraph Paragraph(Block block)
    {
        var (size, bold, prefix) = block.Kind switch
        {
            BlockKind.Title => ("32", true, ""),
            BlockKind.Heading => ("26", true, ""),
            BlockKind.Bullet => ("22", false, "\u2022 "),
            _ => ("22", false, ""),
        };
        var runProperties = new RunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial" }, new FontSize { Val = size });
        if (bold)
        {
            runProperties.PrependChild(new Bold());
        }

        var paragraphProperties = new ParagraphProperties(new SpacingBetweenLines { After = block.Kind == BlockKind.Blank ? "0" : "80" });
        if (block.Kind == BlockKind.Bullet)
        {
            paragraphProperties.Append(new Indentation { Left = "360", Hanging = "240" });
        }

        return new Paragraph(paragraphProperties, new Run(runProperties, new Text(prefix + block.Text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
