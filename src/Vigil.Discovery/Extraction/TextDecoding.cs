using System.Text;
using System.Text.Unicode;

namespace Vigil.Discovery.Extraction;

/// <summary>
/// Bytes to text without trusting the declared charset: a BOM wins; UTF-8 is used when the bytes are valid UTF-8 and
/// the declared charset is missing, unknown, ASCII, UTF-8 or a single-byte charset (a common lie); invalid UTF-8
/// declared as UTF-8 falls back to Windows-1252. Never throws: undecodable bytes become U+FFFD.
/// </summary>
internal static class TextDecoding
{
    private static readonly Encoding Windows1252;

    static TextDecoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252);
    }

    public static string Decode(ReadOnlySpan<byte> bytes, string? declaredCharset)
    {
        if (bytes.IsEmpty)
        {
            return string.Empty;
        }

        // Fast path for the common case; NUL bytes mean UTF-16/32 text, which is ASCII-valid but not ASCII.
        if (Ascii.IsValid(bytes) && !bytes.Contains((byte)0))
        {
            return Encoding.Latin1.GetString(bytes);
        }

        if (TryBom(bytes, out var bomEncoding, out var bomLength))
        {
            return bomEncoding.GetString(bytes[bomLength..]);
        }

        // Non-ASCII bytes prove a declared US-ASCII wrong: treat it as undeclared.
        var declared = Lookup(declaredCharset) is { CodePage: not 20127 } known ? known : null;
        if (declared is not null && !declared.IsSingleByte && declared.CodePage != Encoding.UTF8.CodePage)
        {
            return declared.GetString(bytes);
        }

        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        return (declared is { IsSingleByte: true } ? declared : Windows1252).GetString(bytes);
    }

    /// <summary>Whether bytes look like a binary file: a NUL byte, or more than 10 % control characters.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        if (TryBom(bytes, out _, out _))
        {
            return false;
        }

        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        if (sample.Contains((byte)0))
        {
            return true;
        }

        var control = 0;
        foreach (var b in sample)
        {
            if ((b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x1A)) || b == 0x7F)
            {
                control++;
            }
        }

        return control * 10 > sample.Length;
    }

    private static bool TryBom(ReadOnlySpan<byte> bytes, out Encoding encoding, out int length)
    {
        (encoding, length) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
            [0xFF, 0xFE, 0, 0, ..] => (Encoding.UTF32, 4),
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            _ => (Encoding.UTF8, 0),
        };
        return length > 0;
    }

    private static Encoding? Lookup(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(charset.Trim().Trim('"'));
        }
        catch (ArgumentException)
        {
            // An unknown or misspelt charset name: decode by looking at the bytes instead.
            return null;
        }
    }
}
