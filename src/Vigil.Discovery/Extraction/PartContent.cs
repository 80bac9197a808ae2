using MimeKit;
using MimeKit.Encodings;

namespace Vigil.Discovery.Extraction;

/// <summary>Decodes a MIME part's transfer encoding into a bounded buffer.</summary>
internal static class PartContent
{
    private static readonly bool[] Base64Alphabet = BuildAlphabet();

    /// <summary>
    /// The decoded bytes (at most <paramref name="capacity"/>); <paramref name="truncatedBase64"/> tells whether base64
    /// content ended part-way through a 4-character group, the mark of a cut-off attachment.
    /// </summary>
    public static CappedBuffer Decode(MimePart part, long capacity, CancellationToken cancellationToken, out bool truncatedBase64)
    {
        truncatedBase64 = false;
        var buffer = new CappedBuffer(capacity);
        if (part.Content is null)
        {
            return buffer;
        }

        if (part.Content.Encoding != ContentEncoding.Base64)
        {
            part.Content.DecodeTo(buffer, cancellationToken);
            return buffer;
        }

        var decoder = new Base64Decoder();
        var input = new byte[16384];
        var output = new byte[decoder.EstimateOutputLength(input.Length)];
        long symbols = 0;
        using var raw = part.Content.Open();
        int read;
        while ((read = raw.Read(input, 0, input.Length)) > 0 && !buffer.Overflowed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            symbols += CountSymbols(input.AsSpan(0, read));
            var decoded = decoder.Decode(input, 0, read, output);
            buffer.Write(output, 0, decoded);
        }

        truncatedBase64 = !buffer.Overflowed && symbols % 4 != 0;
        return buffer;
    }

    private static int CountSymbols(ReadOnlySpan<byte> input)
    {
        var count = 0;
        foreach (var b in input)
        {
            if (Base64Alphabet[b])
            {
                count++;
            }
        }

        return count;
    }

    private static bool[] BuildAlphabet()
    {
        var table = new bool[256];
        foreach (var c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
        {
            table[c] = true;
        }

        return table;
    }
}
