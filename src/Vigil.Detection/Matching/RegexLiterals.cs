using System.Text;

namespace Vigil.Detection.Matching;

/// <summary>
/// Finds a literal that every match of a regular expression must contain, so that the prefilter can skip regex
/// rules too. Conservative: only runs of plain characters at the top level of the pattern count (nothing inside
/// groups or classes, nothing before an optional quantifier), and a top-level alternation gives no literal.
/// </summary>
internal static class RegexLiterals
{
    private const string Special = ".^$[](){}|*+?\\";

    /// <summary>The index of the last character of the escape that starts at <paramref name="at"/>.</summary>
    private static int SkipEscape(string pattern, int at)
    {
        var i = at + 1;
        if (i >= pattern.Length)
        {
            return i;
        }

        switch (pattern[i])
        {
            case 'x':
                return Math.Min(i + 2, pattern.Length - 1);
            case 'u':
                return Math.Min(i + 4, pattern.Length - 1);
            case 'c':
                return Math.Min(i + 1, pattern.Length - 1);
            case 'p' or 'P' or 'k':
                var end = pattern.IndexOfAny(['}', '>'], i);
                return end < 0 ? pattern.Length - 1 : end;
            case >= '0' and <= '9':
                while (i + 1 < pattern.Length && char.IsDigit(pattern[i + 1]))
                {
                    i++;
                }

                return i;
            default:
                return i;
        }
    }

    /// <summary>
    /// The longest required literal, or null: of at least three characters, or shorter (a backtick, <c>${</c>, <c>-f</c>)
    /// when case cannot matter, that is when the pattern is case-sensitive or the literal has no cased character.
    /// Shorter literals of case-insensitive patterns are left out, as before: .NET's case-insensitive matching
    /// knows equivalences that the prefilter's folding does not.
    /// </summary>
    public static string? Required(string pattern, bool ignoreCase)
    {
        var best = Longest(pattern);
        if (best.Length >= 3)
        {
            return best;
        }

        var cased = !best.Equals(best.ToUpperInvariant(), StringComparison.Ordinal) || !best.Equals(best.ToLowerInvariant(), StringComparison.Ordinal);
        return best.Length > 0 && (!cased || !(ignoreCase || InlineIgnoreCase(pattern))) ? best : null;
    }

    /// <summary>Whether an inline option group anywhere in the pattern turns on <c>i</c>.</summary>
    private static bool InlineIgnoreCase(string pattern)
    {
        for (var at = pattern.IndexOf("(?", StringComparison.Ordinal); at >= 0; at = pattern.IndexOf("(?", at + 2, StringComparison.Ordinal))
        {
            for (var i = at + 2; i < pattern.Length && pattern[i] is 'i' or 'm' or 's' or 'x' or 'n' or '-'; i++)
            {
                if (pattern[i] == 'i')
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The control character a letter escape stands for (<c>\n</c>, <c>\t</c>, ...), or null for any other letter.</summary>
    private static char? ControlEscape(char letter) => letter switch
    {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        'f' => '\f',
        'v' => '\v',
        'e' => '\u001B',
        'a' => '\a',
        _ => null,
    };

    /// <summary>The longest run of plain characters every match contains (empty when none is known).</summary>
    private static string Longest(string pattern)
    {
        var best = "";
        var run = new StringBuilder();
        var depth = 0;
        var i = 0;
        if (pattern.StartsWith("(?", StringComparison.Ordinal) && pattern.IndexOf(')') is var close and > 0
            && pattern[2..close].All(static c => c is 'i' or 'm' or 's' or 'x' or 'n' or '-'))
        {
            if (pattern[2..close].Contains('x', StringComparison.Ordinal))
            {
                return "";
            }

            i = close + 1;
        }

        void Flush()
        {
            if (run.Length > best.Length)
            {
                best = run.ToString();
            }

            run.Clear();
        }

        for (; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (depth > 0)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '(')
                {
                    depth++;
                }
                else if (c == ')')
                {
                    depth--;
                }

                continue;
            }

            char? literal = null;
            var width = 1;
            if (c == '\\' && i + 1 < pattern.Length && !char.IsLetterOrDigit(pattern[i + 1]))
            {
                literal = pattern[i + 1];
                width = 2;
            }
            else if (c == '\\' && i + 1 < pattern.Length && ControlEscape(pattern[i + 1]) is { } control)
            {
                // \n, \t, \r...: one control character, as plain as any other (a rule looking for six newlines in a
                // command line gives the prefilter "\n\n\n\n\n\n" instead of nothing).
                literal = control;
                width = 2;
            }
            else if (Special.IndexOf(c) < 0)
            {
                literal = c;
            }

            if (literal is null)
            {
                Flush();
                switch (c)
                {
                    case '|':
                        return "";
                    case '(':
                        depth++;
                        break;
                    case '[':
                        // Skip the class, honouring escapes and a leading ']'.
                        i++;
                        if (i < pattern.Length && pattern[i] == '^')
                        {
                            i++;
                        }

                        if (i < pattern.Length && pattern[i] == ']')
                        {
                            i++;
                        }

                        while (i < pattern.Length && pattern[i] != ']')
                        {
                            i += pattern[i] == '\\' ? 2 : 1;
                        }

                        break;
                    case '{':
                        while (i < pattern.Length && pattern[i] != '}')
                        {
                            i++;
                        }

                        break;
                    case '\\':
                        i = SkipEscape(pattern, i);
                        break;
                }

                continue;
            }

            var next = i + width < pattern.Length ? pattern[i + width] : '\0';
            if (next is '?' or '*' || (next == '{' && i + width + 1 < pattern.Length && pattern[i + width + 1] == '0'))
            {
                // This character may be absent: the run ends before it.
                Flush();
            }
            else
            {
                run.Append(literal.Value);
                if (next is '+' or '{')
                {
                    Flush();
                }
            }

            i += width - 1;
        }

        Flush();
        return best;
    }
}
