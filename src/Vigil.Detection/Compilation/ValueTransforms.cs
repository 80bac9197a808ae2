using System.Text;
using Vigil.Detection.Matching;

namespace Vigil.Detection.Compilation;

/// <summary>
/// The value-rewriting modifiers: <c>windash</c>, <c>base64</c>, <c>base64offset</c>, <c>utf16le</c>/<c>wide</c>,
/// <c>utf16be</c>, <c>utf16</c>. Each turns one value into one or more values, applied in the order written.
/// </summary>
internal static class ValueTransforms
{
    private static readonly char[] Dashes = ['-', '/', '\u2013', '\u2014', '\u2015'];

    /// <summary>Permutations per value beyond which windash replaces every dash position with the same dash.</summary>
    private const int MaxWindashPositions = 4;

    public static bool IsTransform(string modifier) =>
        modifier is "windash" or "base64" or "base64offset" or "utf16le" or "wide" or "utf16be" or "utf16";

    /// <summary>A value in transit: text with wildcards, or bytes after an encoding step.</summary>
    public readonly record struct Piece(SigmaString? Text, byte[]? Bytes);

    public static List<Piece> Apply(string modifier, List<Piece> input, out string? error)
    {
        error = null;
        var output = new List<Piece>(input.Count);
        foreach (var piece in input)
        {
            if (modifier == "windash")
            {
                if (piece.Text is null)
                {
                    error = "windash applies to text, not to encoded bytes";
                    return output;
                }

                foreach (var variant in Windash(piece.Text.Runs))
                {
                    output.Add(new Piece(new SigmaString(variant), null));
                }

                continue;
            }

            byte[] bytes;
            if (piece.Bytes is not null)
            {
                bytes = piece.Bytes;
            }
            else if (piece.Text!.HasWildcards)
            {
                error = $"{modifier} cannot encode a value with wildcards ('{piece.Text}')";
                return output;
            }
            else
            {
                bytes = modifier switch
                {
                    "utf16le" or "wide" => Encoding.Unicode.GetBytes(piece.Text.Text),
                    "utf16be" => Encoding.BigEndianUnicode.GetBytes(piece.Text.Text),
                    "utf16" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(piece.Text.Text)],
                    _ => Encoding.UTF8.GetBytes(piece.Text.Text),
                };
            }

            switch (modifier)
            {
                case "base64":
                    output.Add(new Piece(SigmaString.Literal(Convert.ToBase64String(bytes)), null));
                    break;
                case "base64offset":
                    foreach (var variant in Base64Offsets(bytes))
                    {
                        output.Add(new Piece(SigmaString.Literal(variant), null));
                    }

                    break;
                default:
                    output.Add(new Piece(null, bytes));
                    break;
            }
        }

        return output;
    }

    /// <summary>Bytes left after the last encoding step are matched as Latin-1 text, one character per byte.</summary>
    public static SigmaString ToText(Piece piece) => piece.Text ?? SigmaString.Literal(Encoding.Latin1.GetString(piece.Bytes!));

    /// <summary>
    /// The three base64 forms a value takes at byte offsets 0, 1 and 2 of a longer encoded string, trimmed to the
    /// characters that do not depend on the neighbouring bytes.
    /// </summary>
    internal static IEnumerable<string> Base64Offsets(byte[] value)
    {
        int[] startTrim = [0, 2, 3];
        for (var shift = 0; shift < 3; shift++)
        {
            var padded = new byte[shift + value.Length];
            value.CopyTo(padded, shift);
            var encoded = Convert.ToBase64String(padded);
            var endTrim = ((value.Length + shift) % 3) switch { 1 => 3, 2 => 2, _ => 0 };
            var length = encoded.Length - startTrim[shift] - endTrim;
            if (length > 0)
            {
                yield return encoded.Substring(startTrim[shift], length);
            }
        }
    }

    /// <summary>
    /// Every combination of dash characters at the positions where a command-line flag starts: a dash or slash
    /// at the start or after a non-word character, followed by a word character.
    /// </summary>
    internal static IEnumerable<string> Windash(string runs)
    {
        var positions = new List<int>();
        for (var i = 0; i < runs.Length; i++)
        {
            if (Array.IndexOf(Dashes, runs[i]) >= 0
                && (i == 0 || !IsWordChar(runs[i - 1]))
                && i + 1 < runs.Length && IsWordChar(runs[i + 1]))
            {
                positions.Add(i);
            }
        }

        if (positions.Count == 0)
        {
            yield return runs;
            yield break;
        }

        if (positions.Count > MaxWindashPositions)
        {
            foreach (var dash in Dashes)
            {
                var chars = runs.ToCharArray();
                foreach (var p in positions)
                {
                    chars[p] = dash;
                }

                yield return new string(chars);
            }

            yield break;
        }

        var total = (int)Math.Pow(Dashes.Length, positions.Count);
        for (var combination = 0; combination < total; combination++)
        {
            var chars = runs.ToCharArray();
            var rest = combination;
            foreach (var p in positions)
            {
                chars[p] = Dashes[rest % Dashes.Length];
                rest /= Dashes.Length;
            }

            yield return new string(chars);
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
