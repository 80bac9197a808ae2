using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Vigil.Response.Documents;

/// <summary>
/// Writes Markdown-ish documents as one PDF with PdfPig's document builder: A4, text wrapped to the margins here, each
/// document starting on a new page. With a TrueType font (<see cref="PdfFonts"/>: DejaVu Sans on Debian) it is
/// embedded and every character it has is written as is (a character it lacks becomes <c>?</c>); without one,
/// Helvetica (a standard 14 font) and each character's closest ASCII form (accents dropped) or <c>?</c>.
/// </summary>
public static class PdfWriter
{
    private const double Margin = 56.7;

    // The plain letter of each accented letter of Latin-1 (U+00C0-U+00FF) and Latin Extended-A (U+0100-U+017F), '?' for
    // those without one. A table: the app runs with invariant globalization, where string.Normalize leaves them as they are.
    private const string Latin1Folded = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUY?saaaaaaaceeeeiiiidnooooo?ouuuuy?y";
    private const string LatinAFolded = "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi??JjKk?LlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
    private const double PageWidth = 595.0;
    private const double PageHeight = 842.0;

    /// <summary>Writes the documents with <see cref="PdfFonts.Default"/>; returns the PDF's bytes.</summary>
    public static byte[] Write(IReadOnlyList<IReadOnlyList<Block>> documents) => Write(documents, PdfFonts.Default);

    /// <summary>Writes the documents with <paramref name="fonts"/>; returns the PDF's bytes.</summary>
    public static byte[] Write(IReadOnlyList<IReadOnlyList<Block>> documents, PdfFonts fonts)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(fonts);
        var builder = new PdfDocumentBuilder();
        var trueType = fonts.Regular is not null;
        var regular = fonts.Regular is { } r ? builder.AddTrueTypeFont(r) : builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = fonts.Bold is { } b ? builder.AddTrueTypeFont(b) : builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var widths = new Dictionary<(bool, double, char), double>();
        foreach (var document in documents)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = PageHeight - Margin;
            foreach (var block in document)
            {
                var (size, isBold, indent, prefix) = block.Kind switch
                {
                    BlockKind.Title => (16.0, true, 0.0, ""),
                    BlockKind.Heading => (13.0, true, 0.0, ""),
                    BlockKind.Bullet => (11.0, false, 14.0, "- "),
                    _ => (11.0, false, 0.0, ""),
                };
                var font = isBold ? bold : regular;
                double Width(string s) => s.Sum(c => CharWidth(page, font, isBold, size, c, widths));
                var text = trueType ? Printable(prefix + block.Text, c => CharWidth(page, font, isBold, size, c, widths) >= 0) : Latin(prefix + block.Text);
                var lines = Wrap(text, PageWidth - (2 * Margin) - indent, Width);
                foreach (var line in lines)
                {
                    if (y < Margin + size)
                    {
                        page = builder.AddPage(PageSize.A4);
                        y = PageHeight - Margin;
                    }

                    y -= size * 1.3;
                    if (line.Length > 0)
                    {
                        page.AddText(line, size, new PdfPoint(Margin + indent, y), font);
                    }
                }

                y -= block.Kind is BlockKind.Title or BlockKind.Heading ? 4 : 2;
            }
        }

        return builder.Build();
    }

    private static double CharWidth(PdfPageBuilder page, PdfDocumentBuilder.AddedFont font, bool bold, double size, char c, Dictionary<(bool, double, char), double> cache)
    {
        if (!cache.TryGetValue((bold, size, c), out var width))
        {
            try
            {
                var letters = page.MeasureText(c.ToString(), size, new PdfPoint(0, 0), font);
                width = letters.Count == 0 ? size * 0.5 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
            }
            catch (InvalidOperationException)
            {
                // The font has no glyph for it: Printable writes '?' instead.
                width = -1;
            }

            cache[(bold, size, c)] = width;
        }

        return width;
    }

    /// <summary>Greedy word wrap; a word longer than a line is cut.</summary>
    internal static List<string> Wrap(string text, double maxWidth, Func<string, double> width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (width(candidate) <= maxWidth)
            {
                line.Clear().Append(candidate);
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            var rest = word;
            while (rest.Length > 1 && width(rest) > maxWidth)
            {
                var cut = rest.Length - 1;
                while (cut > 1 && width(rest[..cut]) > maxWidth)
                {
                    cut--;
                }

                lines.Add(rest[..cut]);
                rest = rest[cut..];
            }

            line.Append(rest);
        }

        lines.Add(line.ToString());
        return lines;
    }

    /// <summary>Tabs as spaces, control characters dropped, characters the font cannot draw as <c>?</c>.</summary>
    internal static string Printable(string text, Func<char, bool> drawable)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\t')
            {
                sb.Append(' ');
            }
            else if (!char.IsControl(c))
            {
                sb.Append(!char.IsSurrogate(c) && drawable(c) ? c : '?');
            }
        }

        return sb.ToString();
    }

    /// <summary>Characters the standard fonts can draw: printable ASCII, accents dropped (Ö is O), common typographic marks replaced.</summary>
    internal static string Latin(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                >= '\u00C0' and <= '\u00FF' => Latin1Folded[c - 0xC0].ToString(),
                >= '\u0100' and <= '\u017F' => LatinAFolded[c - 0x100].ToString(),
                '\u2018' or '\u2019' => "'",
                '\u201C' or '\u201D' => "\"",
                '\u2013' or '\u2014' or '\u2022' => "-",
                '\u2026' => "...",
                '\t' => " ",
                >= ' ' and <= '~' => c.ToString(),
                _ => "?",
            });
        }

        return sb.ToString();
    }
}
