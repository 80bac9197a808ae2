using System.Text;
using MimeKit.Text;

namespace Vigil.Discovery.Extraction;

/// <summary>
/// HTML to plain text with MimeKit's HTML5 tokenizer: character references decoded, script, style and head content
/// dropped, block elements and line breaks become new lines, runs of white space collapse to one space.
/// </summary>
internal static class HtmlText
{
    public static string ToText(string html)
    {
        using var reader = new StringReader(html);
        var tokenizer = new HtmlTokenizer(reader) { DecodeCharacterReferences = true };
        var text = new StringBuilder(html.Length / 2);
        var skipUntil = HtmlTagId.Unknown;
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when skipUntil != HtmlTagId.Unknown:
                    // A head left open ends where the body starts.
                    if ((tag.IsEndTag && tag.Id == skipUntil) || (skipUntil == HtmlTagId.Head && tag.Id == HtmlTagId.Body))
                    {
                        skipUntil = HtmlTagId.Unknown;
                    }

                    break;
                case HtmlTagToken tag:
                    if (!tag.IsEndTag && !tag.IsEmptyElement && IsSkipped(tag.Id))
                    {
                        skipUntil = tag.Id;
                    }
                    else if (IsBreak(tag.Id))
                    {
                        NewLine(text);
                    }
                    else if (tag.Id is HtmlTagId.TD or HtmlTagId.TH && !tag.IsEndTag)
                    {
                        Space(text, '\t');
                    }

                    break;
                case HtmlDataToken data when skipUntil == HtmlTagId.Unknown && token.Kind == HtmlTokenKind.Data:
                    AppendCollapsed(text, data.Data);
                    break;
                default:
                    break;
            }
        }

        return text.ToString().Trim();
    }

    private static bool IsSkipped(HtmlTagId id) =>
        id is HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Head or HtmlTagId.Title or HtmlTagId.NoScript
            or HtmlTagId.IFrame or HtmlTagId.Object;

    private static bool IsBreak(HtmlTagId id) =>
        id is HtmlTagId.Br or HtmlTagId.P or HtmlTagId.Div or HtmlTagId.TR or HtmlTagId.LI or HtmlTagId.H1
            or HtmlTagId.H2 or HtmlTagId.H3 or HtmlTagId.H4 or HtmlTagId.H5 or HtmlTagId.H6 or HtmlTagId.Table
            or HtmlTagId.BlockQuote or HtmlTagId.Pre or HtmlTagId.HR or HtmlTagId.UL or HtmlTagId.OL
            or HtmlTagId.DL or HtmlTagId.DT or HtmlTagId.DD or HtmlTagId.Address or HtmlTagId.Caption;

    private static void AppendCollapsed(StringBuilder text, string data)
    {
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                Space(text, ' ');
            }
            else
            {
                text.Append(c);
            }
        }
    }

    private static void Space(StringBuilder text, char space)
    {
        if (text.Length > 0 && !char.IsWhiteSpace(text[^1]))
        {
            text.Append(space);
        }
    }

    private static void NewLine(StringBuilder text)
    {
        while (text.Length > 0 && text[^1] is ' ' or '\t')
        {
            text.Length--;
        }

        if (text.Length > 0 && text[^1] != '\n')
        {
            text.Append('\n');
        }
    }
}
