using System.Xml;

namespace Vigil.Cli.Convert;

/// <summary>Makes text writable in XML 1.0, which cannot hold most control characters nor lone surrogates.</summary>
internal static class XmlText
{
    /// <summary>The text, with each character XML 1.0 cannot hold replaced by U+FFFD; the same instance when none.</summary>
    public static string Clean(string text)
    {
        var bad = FirstInvalid(text, 0);
        if (bad < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        while (bad >= 0)
        {
            chars[bad] = '\uFFFD';
            bad = FirstInvalid(text, bad + 1);
        }

        return new string(chars);
    }

    private static int FirstInvalid(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                continue;
            }

            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }
}
