using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Vigil.Discovery.Extraction;

/// <summary>A PDF's text in content order, page by page (PdfPig), up to <see cref="ContentLimits.MaxPdfPages"/>.</summary>
internal static class PdfText
{
    public static void Extract(ItemText item, string name, Stream pdf)
    {
        var text = new StringBuilder();
        try
        {
            using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            var pages = Math.Min(document.NumberOfPages, item.Limits.MaxPdfPages);
            for (var number = 1; number <= pages; number++)
            {
                item.CancellationToken.ThrowIfCancellationRequested();
                text.Append(ContentOrderTextExtractor.GetText(document.GetPage(number))).Append('\n');
                if (text.Length > item.Limits.MaxTextCharsPerItem)
                {
                    break;
                }
            }

            if (document.NumberOfPages > pages)
            {
                item.Problem(name, $"PDF has {document.NumberOfPages} pages: only the first {pages} were read");
            }
        }
        catch (PdfDocumentEncryptedException)
        {
            item.Problem(name, "encrypted PDF: not read");
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // PdfPig signals malformed input with several exception types (format, tokenizer, IO, invalid cast...).
            item.Problem(name, $"malformed PDF ({e.GetType().Name}): {(text.Length > 0 ? "read in part" : "not read")}");
        }

        item.Add(name, text.ToString());
    }
}
