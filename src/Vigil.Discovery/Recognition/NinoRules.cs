namespace Vigil.Discovery.Recognition;

/// <summary>National Insurance number prefix rules (HMRC NIM39110, phi.md §4.4).</summary>
internal static class NinoRules
{
    private const string NeverFirst = "DFIQUV";
    private const string NeverSecond = "DFIQUVO";

    /// <summary>True for a two-letter prefix HMRC could issue (includes the Channel Islands' GY and JY).</summary>
    public static bool IsValidPrefix(char first, char second)
    {
        if (!CharClass.IsAsciiUpper(first) || !CharClass.IsAsciiUpper(second)
            || NeverFirst.Contains(first) || NeverSecond.Contains(second))
        {
            return false;
        }

        return (first, second) switch
        {
            ('B', 'G') or ('G', 'B') or ('K', 'N') or ('N', 'K') or ('N', 'T') or ('T', 'N') or ('Z', 'Z') => false,
            _ => true,
        };
    }

    /// <summary>True for a suffix letter A-D.</summary>
    public static bool IsSuffix(char c) => c is 'A' or 'B' or 'C' or 'D';
}
