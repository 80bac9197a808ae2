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
    private static string Longest(string pattern) => Best(pattern, classes: false) is [var only] ? only : "";

    /// <summary>
    /// Several literals, one of which every match contains, when they prune better than <see cref="Required"/>'s one
    /// literal: a run of plain characters and small character classes (<c>\.[ "']</c> gives <c>. </c>, <c>."</c>,
    /// <c>.'</c> where the one literal would be <c>.</c>). Null when the single literal is as good, or when an
    /// alternative is too short to be safe under case-insensitive matching (the rule of <see cref="Required"/>).
    /// </summary>
    public static IReadOnlyList<string>? RequiredAny(string pattern, bool ignoreCase)
    {
        var single = Required(pattern, ignoreCase)?.Length ?? 0;
        var any = Best(pattern, classes: true);
        var caseless = !(ignoreCase || InlineIgnoreCase(pattern));
        return any.Count > 1 && any.Min(static a => a.Length) > single
            && any.All(a => a.Length >= 3 || caseless || a.Equals(a.ToUpperInvariant(), StringComparison.Ordinal) && a.Equals(a.ToLowerInvariant(), StringComparison.Ordinal))
            ? any
            : null;
    }

    /// <summary>
    /// The best run every match contains, as its alternatives (one string when the run has no class; empty when none
    /// is known): the run whose shortest alternative is longest. With <paramref name="classes"/>, a class of at most
    /// <see cref="MaxClass"/> plain characters that must occur once multiplies the run's alternatives, up to
    /// <see cref="MaxAlternatives"/>.
    /// </summary>
    private static List<string> Best(string pattern, bool classes)
    {
        List<string> best = [""];
        List<string> run = [""];
        var depth = 0;
        var i = 0;
        if (pattern.StartsWith("(?", StringComparison.Ordinal) && pattern.IndexOf(')') is var close and > 0
            && pattern[2..close].All(static c => c is 'i' or 'm' or 's' or 'x' or 'n' or '-'))
        {
            if (pattern[2..close].Contains('x', StringComparison.Ordinal))
            {
                return [""];
            }

            i = close + 1;
        }

        void Flush()
        {
            var shortest = run.Min(static r => r.Length);
            var bestShortest = best.Min(static r => r.Length);
            if (shortest > bestShortest || (shortest == bestShortest && shortest > 0 && run.Count < best.Count))
            {
                best = run;
            }

            run = [""];
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
                if (c == '[' && classes && SmallClass(pattern, i) is ({ } members, var classEnd)
                    && run.Count * members.Count <= MaxAlternatives)
                {
                    var after = classEnd + 1 < pattern.Length ? pattern[classEnd + 1] : '\0';
                    if (after is '?' or '*' || (after == '{' && classEnd + 2 < pattern.Length && pattern[classEnd + 2] == '0'))
                    {
                        Flush(); // the class may match nothing
                    }
                    else
                    {
                        run = [.. run.SelectMany(r => members.Select(m => r + m))];
                        if (after is '+' or '{')
                        {
                            Flush();
                        }
                    }

                    i = classEnd;
                    continue;
                }

                Flush();
                switch (c)
                {
                    case '|':
                        return [""];
                    case '(':
                        depth++;
                        break;
                    case '[':
                        i = ClassEnd(pattern, i);
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
                run = [.. run.Select(r => r + literal.Value)];
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

    private const int MaxClass = 4;
    private const int MaxAlternatives = 16;

    /// <summary>The index of the <c>]</c> closing the class that opens at <paramref name="at"/>, honouring escapes and a leading <c>]</c>.</summary>
    private static int ClassEnd(string pattern, int at)
    {
        var i = at + 1;
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

        return i;
    }

    /// <summary>
    /// The members of the class opening at <paramref name="at"/> when it is a short list of plain characters (no
    /// negation, no range, no escape but of punctuation), and the index of its <c>]</c>; null members otherwise.
    /// </summary>
    private static (List<char>? Members, int End) SmallClass(string pattern, int at)
    {
        var end = ClassEnd(pattern, at);
        if (end >= pattern.Length || at + 1 >= end || pattern[at + 1] is '^' or ']')
        {
            return (null, end);
        }

        var members = new List<char>();
        for (var i = at + 1; i < end; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 >= end || char.IsLetterOrDigit(pattern[i + 1]))
                {
                    return (null, end);
                }

                c = pattern[++i];
            }
            else if (c is '-' or '[')
            {
                return (null, end); // a range, or a class subtraction
            }

            if (!members.Contains(c))
            {
                members.Add(c);
            }
        }

        return members.Count is > 0 and <= MaxClass ? (members, end) : (null, end);
    }
}
