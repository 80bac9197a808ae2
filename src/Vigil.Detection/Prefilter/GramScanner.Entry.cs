namespace Vigil.Detection.Prefilter;

/// <content>The entry of one literal.</content>
internal sealed partial class GramScanner
{
    /// <summary>
    /// One distinct folded literal: its anchor key, where the anchor ends in it, its first payload and the others
    /// (<c>_payloads[PayloadStart..PayloadEnd]</c>), its first <see cref="Inline"/> characters as bytes, and the scan
    /// it was last found in, kept together so that a probe touches one place.
    /// </summary>
    private struct Entry(uint key, int anchorEnd, int payload, int payloadStart, int payloadEnd, string literal)
    {
        /// <summary>How many of a literal's characters are copied into its entry.</summary>
        public const int Inline = 2 * sizeof(ulong);

        public readonly ulong Head = Word(literal, 0, mask: false);
        public readonly ulong HeadMask = Word(literal, 0, mask: true);
        public readonly ulong Head2 = Word(literal, sizeof(ulong), mask: false);
        public readonly ulong Head2Mask = Word(literal, sizeof(ulong), mask: true);
        public readonly uint Key = key;
        public readonly int AnchorEnd = anchorEnd;
        public readonly int Length = literal.Length;
        public readonly int Payload = payload;
        public readonly int PayloadStart = payloadStart;
        public readonly int PayloadEnd = payloadEnd;
        public readonly bool Ascii = System.Text.Ascii.IsValid(literal);
        public readonly string Literal = literal;
        public long Seen;

        /// <summary>The literal's byte at <paramref name="index"/> (below <see cref="Inline"/>), from the copy.</summary>
        public readonly byte InlineAt(int index) =>
            (byte)((index < sizeof(ulong) ? Head : Head2) >> (8 * (index % sizeof(ulong))));

        /// <summary>8 characters of an ASCII literal from <paramref name="from"/> as little-endian bytes, or their mask.</summary>
        private static ulong Word(string literal, int from, bool mask)
        {
            ulong value = 0;
            for (var i = from; i < Math.Min(literal.Length, from + sizeof(ulong)); i++)
            {
                value |= (mask ? 0xFFUL : (byte)literal[i]) << (8 * (i - from));
            }

            return value;
        }
    }
}
