using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Vigil.Discovery.Extraction;

/// <summary>A DOCX's text (OpenXml): body paragraphs and tables (cells tab-separated), headers, footers and notes.</summary>
internal static class WordText
{
    public static void Extract(ItemText item, string name, Stream docx)
    {
        if (!OfficePackage.IsSafe(item, name, docx))
        {
            return;
        }

        var text = new StringBuilder();
        try
        {
            using var document = WordprocessingDocument.Open(docx, false, OfficePackage.Settings(item.Limits));
            var main = document.MainDocumentPart;
            if (main is not null)
            {
                Append(text, main.Document?.Body);
                foreach (var header in main.HeaderParts)
                {
                    Append(text, header.Header);
                }

                foreach (var footer in main.FooterParts)
                {
                    Append(text, footer.Footer);
                }

                Append(text, main.FootnotesPart?.Footnotes);
                Append(text, main.EndnotesPart?.Endnotes);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            item.Problem(name, $"malformed DOCX ({e.GetType().Name}): {(text.Length > 0 ? "read in part" : "not read")}");
        }

        item.Add(name, text.ToString());
    }

    private static void Append(StringBuilder text, OpenXmlElement? root)
    {
        if (root is null)
        {
            return;
        }

        foreach (var paragraph in root.Descendants<Paragraph>())
        {
            foreach (var run in paragraph.Descendants())
            {
                switch (run)
                {
                    case Text t:
                        text.Append(t.Text);
                        break;
                    case TabChar:
                        text.Append('\t');
                        break;
                    case Break or CarriageReturn:
                        text.Append('\n');
                        break;
                    default:
                        break;
                }
            }

            // The last paragraph of a table cell is followed by a tab when another cell follows in the row.
            var separator = paragraph.Parent is TableCell cell && ReferenceEquals(cell.LastChild, paragraph)
                && cell.NextSibling<TableCell>() is not null ? '\t' : '\n';
            text.Append(separator);
        }
    }
}
