using System.Text.Encodings.Web;

namespace Vigil.Discovery.Reports;

/// <summary>Markup written as is, text always encoded.</summary>
internal sealed class HtmlWriter(TextWriter output, HtmlEncoder encoder)
{
    public HtmlWriter Raw(string markup)
    {
        output.Write(markup);
        return this;
    }

    public HtmlWriter Text(string text)
    {
        encoder.Encode(output, text);
        return this;
    }

    public void Row(string label, string value) => Raw("<tr><td>").Text(label).Raw("</td><td>").Text(value).Raw("</td></tr>\n");
}
