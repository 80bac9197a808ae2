namespace Vigil.Discovery.Recognition;

/// <summary>Fast character tests for the scanner's hot loop (ASCII fast path, Unicode fallback).</summary>
internal static class CharClass
{
    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    public static bool IsAsciiUpper(char c) => (uint)(c - 'A') <= 'Z' - 'A';

    public static bool IsAsciiLower(char c) => (uint)(c - 'a') <= 'z' - 'a';

    public static bool IsLetter(char c) => c < 128 ? IsAsciiUpper(c) || IsAsciiLower(c) : char.IsLetter(c);

    public static bool IsAlnum(char c) => c < 128 ? IsDigit(c) || IsAsciiUpper(c) || IsAsciiLower(c) : char.IsLetterOrDigit(c);

    public static bool IsUpper(char c) => c < 128 ? IsAsciiUpper(c) : char.IsUpper(c);

    public static bool IsEmailLocal(char c) => IsAlnum(c) || c is '.' or '_' or '%' or '+' or '-' or '\'';

    public static bool IsDomain(char c) => c < 128 && (IsDigit(c) || IsAsciiUpper(c) || IsAsciiLower(c) || c == '-');

    /// <summary>True when <paramref name="i"/> is outside the text or not a letter or digit.</summary>
    public static bool BoundaryAt(ReadOnlySpan<char> text, int i) => i < 0 || i >= text.Length || !IsAlnum(text[i]);
}
