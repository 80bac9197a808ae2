namespace Vigil.Discovery.Recognition;

/// <summary>BS7666 postcode letter-position rules (phi.md §4.5), including GY, JE and IM.</summary>
internal static class PostcodeRules
{
    private const string NotFirst = "QVX";
    private const string NotSecond = "IJZ";
    private const string ThirdAllowed = "ABCDEFGHJKSTUW";
    private const string FourthAllowed = "ABEHMNPRVWXY";
    private const string InwardNever = "CIKMOV";

    /// <summary>Outward code: A9, A99, AA9, AA99, A9A, AA9A (upper case).</summary>
    public static bool IsOutward(ReadOnlySpan<char> s)
    {
        if (s.Length is < 2 or > 4 || !CharClass.IsAsciiUpper(s[0]) || NotFirst.Contains(s[0]))
        {
            return false;
        }

        if (CharClass.IsDigit(s[1]))
        {
            // A9, A99, A9A
            return s.Length switch
            {
                2 => true,
                3 => CharClass.IsDigit(s[2]) || ThirdAllowed.Contains(s[2]),
                _ => false,
            };
        }

        if (!CharClass.IsAsciiUpper(s[1]) || NotSecond.Contains(s[1]) || s.Length < 3 || !CharClass.IsDigit(s[2]))
        {
            return false;
        }

        // AA9, AA99, AA9A
        return s.Length == 3 || CharClass.IsDigit(s[3]) || FourthAllowed.Contains(s[3]);
    }

    /// <summary>Inward code: 9AA with letters never C I K M O V.</summary>
    public static bool IsInward(ReadOnlySpan<char> s) =>
        s.Length == 3 && CharClass.IsDigit(s[0]) && IsInwardLetter(s[1]) && IsInwardLetter(s[2]);

    /// <summary>A compact postcode without the space (e.g. GY12AB).</summary>
    public static bool IsCompact(ReadOnlySpan<char> s) =>
        s.Length is >= 5 and <= 7 && IsInward(s[^3..]) && IsOutward(s[..^3]);

    private static bool IsInwardLetter(char c) => CharClass.IsAsciiUpper(c) && !InwardNever.Contains(c);
}
