using System.Runtime.CompilerServices;

namespace Vigil.Vulnerabilities.Versions;

/// <summary>Span helpers shared by the schemes: numeric comparison of digit runs of any length, without parsing.</summary>
/// <remarks>
/// AggressiveOptimization: unoptimised (tier-0) code calls the generic span searches through a path that boxes,
/// about 800 bytes per Debian comparison until the JIT tiers up, which a busy process may delay for a long time.
/// </remarks>
internal static class Digits
{
    /// <summary>Compares two runs of ASCII digits as unbounded non-negative integers (leading zeros ignored).</summary>
    /// <remarks>Never overflows: 30-digit components (seen in the NuGet and SemVer vectors) compare exactly.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int CompareNumeric(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        left = TrimZeros(left);
        right = TrimZeros(right);
        if (left.Length != right.Length)
        {
            return left.Length < right.Length ? -1 : 1;
        }

        return Math.Sign(left.SequenceCompareTo(right));
    }

    /// <summary>Whether every character is an ASCII digit (false for an empty span).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool AllDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');

    /// <summary>Length of the leading run of ASCII digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int LeadingDigits(ReadOnlySpan<char> text)
    {
        var i = text.IndexOfAnyExceptInRange('0', '9');
        return i < 0 ? text.Length : i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReadOnlySpan<char> TrimZeros(ReadOnlySpan<char> digits)
    {
        var i = digits.IndexOfAnyExcept('0');
        return i < 0 ? [] : digits[i..];
    }
}
