using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Vigil.Ingestion.Text;

/// <summary>Decides whether the start of a file reads as plain text, for files that are neither JSON nor CSV.</summary>
/// <remarks>
/// <para>
/// Text is valid UTF-8 (the caller has skipped a byte order mark) with no NUL byte, in which control characters other
/// than tab, LF and CR (C0 controls and DEL) make up at most <see cref="MaxControlPercent"/> percent of the bytes.
/// </para>
/// <para>
/// The share is a trade-off: real logs carry the odd escape (terminal colours), form feed or bell, a few per line at
/// most, while bytes that are not text are either invalid UTF-8 (almost every random or binary buffer fails within a
/// few bytes) or, when they are 7-bit, about a quarter controls. A NUL is never text: it marks binary data and UTF-16,
/// which this module does not decode.
/// </para>
/// </remarks>
internal static class PlainText
{
    /// <summary>The most control characters (other than tab, LF and CR) a text window may hold, as a percentage.</summary>
    public const int MaxControlPercent = 5;

    // C0 controls but tab, LF and CR, and DEL. NUL is among them but rejected before they are counted.
    private static readonly SearchValues<byte> Controls = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(b => b is not ('\t' or '\n' or '\r')).Select(b => (byte)b), 0x7F]);

    /// <summary>Whether <paramref name="window"/>, the start of a file, reads as text.</summary>
    /// <param name="window">The first bytes of the content, after any byte order mark.</param>
    /// <param name="isWhole">
    /// Whether the window holds the whole content; when it does not, a UTF-8 sequence cut by its end is not held
    /// against it.
    /// </param>
    public static bool LooksLikeText(ReadOnlySpan<byte> window, bool isWhole)
    {
        if (window.IsEmpty || window.Contains((byte)0))
        {
            return false;
        }

        if (!isWhole)
        {
            window = WithoutCutSequence(window);
        }

        var controls = 0;
        for (var rest = window; ; controls++)
        {
            var next = rest.IndexOfAny(Controls);
            if (next < 0)
            {
                break;
            }

            rest = rest[(next + 1)..];
        }

        return controls * 100L <= window.Length * (long)MaxControlPercent && Utf8.IsValid(window);
    }

    // Drops the last UTF-8 sequence when it is the valid start of a character whose remaining bytes lie past the window.
    private static ReadOnlySpan<byte> WithoutCutSequence(ReadOnlySpan<byte> window)
    {
        var lead = window.LastIndexOfAnyExceptInRange((byte)0x80, (byte)0xBF);
        if (lead >= 0 && window.Length - lead < 4
            && Rune.DecodeFromUtf8(window[lead..], out _, out _) == OperationStatus.NeedMoreData)
        {
            return window[..lead];
        }

        return window;
    }
}
