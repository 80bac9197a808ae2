using System.Buffers;

namespace Vigil.Ingestion.Sources;

/// <summary>Searches a byte sequence segment by segment.</summary>
internal static class SequenceExtensions
{
    /// <summary>The position of the first <paramref name="a"/> or <paramref name="b"/>, or null.</summary>
    public static SequencePosition? PositionOfAny(this in ReadOnlySequence<byte> sequence, byte a, byte b)
    {
        if (sequence.IsSingleSegment)
        {
            var index = sequence.FirstSpan.IndexOfAny(a, b);
            return index < 0 ? null : sequence.GetPosition(index);
        }

        var position = sequence.Start;
        var origin = position;
        while (sequence.TryGet(ref position, out var memory))
        {
            var index = memory.Span.IndexOfAny(a, b);
            if (index >= 0)
            {
                return sequence.GetPosition(index, origin);
            }

            origin = position;
        }

        return null;
    }
}
