using System.Buffers;
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
        var encodedLength = part.Content?.Stream is { CanSeek: true } content ? (int)Math.Min(content.Length, int.MaxValue) : 0;
        var buffer = new CappedBuffer(capacity, encodedLength);
        if (part.Content is null)
        {
            return buffer;
        }

        if (part.Content.Encoding != ContentEncoding.Base64)
        {
            using var decoded = part.Content.Open();
            buffer.CopyFrom(decoded, cancellationToken);
            return buffer;
        }

        var decoder = new Base64Decoder();
        var input = ArrayPool<byte>.Shared.Rent(16384);
        var output = ArrayPool<byte>.Shared.Rent(decoder.EstimateOutputLength(input.Length));
        long symbols = 0;
        // The raw (still encoded) content: Open() would decode it. It belongs to the part, so it is not disposed here.
        if (part.Content.Stream is not { } raw)
        {
            return buffer;
        }

        raw.Position = 0;
        int read;
        while ((read = raw.Read(input, 0, input.Length)) > 0 && !buffer.Overflowed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            symbols += CountSymbols(input.AsSpan(0, read));
            var decoded = decoder.Decode(input, 0, read, output);
            buffer.Write(output, 0, decoded);
        }

        ArrayPool<byte>.Shared.Return(input);
        ArrayPool<byte>.Shared.Return(output);
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
