namespace Vigil.Detection.Matching;

/// <summary>
/// The fewest characters any match of a regular expression consumes, so that shorter values are rejected without
/// running the regex (the SNAKE installer rule's <c>\s[a-fA-F0-9]{64}\s[a-fA-F0-9]{16}</c> needs 82, on every
/// process creation). Conservative: anything not understood counts as possibly empty, and a construct this parser
/// does not follow (a conditional, <c>x</c> mode) gives 0 for the whole pattern.
/// </summary>
/// <remarks>
/// .NET matches one UTF-16 unit per character of the pattern, case-insensitively too (case equivalence maps a
/// character to characters, never to sequences), so a literal, a class, <c>.</c> or an escape consumes exactly one
/// unit; anchors, lookarounds and backreferences (which may refer to an empty group) consume none.
/// </remarks>
internal static class RegexMinLength
{
    public static int Of(string pattern)
    {
        try
        {
            var at = 0;
            var length = Alternation(pattern, ref at);
            return at == pattern.Length ? (int)Math.Min(length, int.MaxValue) : 0;
        }
        catch (NotSupportedException)
        {
            return 0;
        }
    }

    private static long Alternation(string p, ref int at)
    {
        var best = Sequence(p, ref at);
        while (at < p.Length && p[at] == '|')
        {
            at++;
            best = Math.Min(best, Sequence(p, ref at));
        }

        return best;
    }

    private static long Sequence(string p, ref int at)
    {
        long total = 0;
        while (at < p.Length && p[at] is not '|' and not ')')
        {
            var atom = Atom(p, ref at);
            total = Math.Min(total + (atom * Repeats(p, ref at)), int.MaxValue);
        }

        return total;
    }

    private static long Atom(string p, ref int at)
    {
        var c = p[at++];
        switch (c)
        {
            case '^' or '$':
                return 0;
            case '[':
                SkipClass(p, ref at);
                return 1;
            case '\\':
                return Escape(p, ref at);
            case '(':
                return Group(p, ref at);
            case '*' or '+' or '?':
                // A quantifier with nothing before it: not a pattern this parser follows.
                throw new NotSupportedException();
            default:
                return 1;
        }
    }

    private static long Group(string p, ref int at)
    {
        var consumes = true;
        if (at < p.Length && p[at] == '?')
        {
            at++;
            var next = at < p.Length ? p[at] : '\0';
            if (next is '=' or '!')
            {
                consumes = false;
                at++;
            }
            else if (next == '<' && at + 1 < p.Length && p[at + 1] is '=' or '!')
            {
                consumes = false;
                at += 2;
            }
            else if (next is '<' or '\'' || (next == 'P' && at + 1 < p.Length && p[at + 1] == '<'))
            {
                var close = p.IndexOf(next == '\'' ? '\'' : '>', at + 1);
                at = close < 0 ? throw new NotSupportedException() : close + 1;
            }
            else if (next is ':' or '>')
            {
                at++;
            }
            else if (next == '#')
            {
                var close = p.IndexOf(')', at);
                at = close < 0 ? throw new NotSupportedException() : close + 1;
                return 0;
            }
            else
            {
                // Inline options, alone (?i) or scoping a group (?i:...); x mode changes what whitespace means.
                while (at < p.Length && p[at] is 'i' or 'm' or 's' or 'n' or '-')
                {
                    at++;
                }

                if (at >= p.Length || p[at] is not (')' or ':'))
                {
                    throw new NotSupportedException();
                }

                if (p[at++] == ')')
                {
                    return 0;
                }
            }
        }

        var inner = Alternation(p, ref at);
        if (at >= p.Length || p[at] != ')')
        {
            throw new NotSupportedException();
        }

        at++;
        return consumes ? inner : 0;
    }

    private static long Escape(string p, ref int at)
    {
        if (at >= p.Length)
        {
            throw new NotSupportedException();
        }

        var c = p[at++];
        switch (c)
        {
            case 'b' or 'B' or 'A' or 'z' or 'Z' or 'G':
                return 0;
            case >= '1' and <= '9' or 'k':
                // A backreference may stand for an empty group.
                throw new NotSupportedException();
            case 'p' or 'P':
                var close = p.IndexOf('}', at);
                at = close < 0 ? throw new NotSupportedException() : close + 1;
                return 1;
            case 'x':
                at += 2;
                return 1;
            case 'u':
                at += 4;
                return 1;
            case 'c':
                at += 1;
                return 1;
            case '0':
                while (at < p.Length && p[at] is >= '0' and <= '7')
                {
                    at++;
                }

                return 1;
            default:
                return 1;
        }
    }

    private static void SkipClass(string p, ref int at)
    {
        // A ']' first (after an optional '^') is a member; a '[' inside starts a subtraction's class.
        if (at < p.Length && p[at] == '^')
        {
            at++;
        }

        if (at < p.Length && p[at] == ']')
        {
            at++;
        }

        while (at < p.Length && p[at] != ']')
        {
            if (p[at] == '\\')
            {
                at++;
            }
            else if (p[at] == '[')
            {
                at++;
                SkipClass(p, ref at);
                continue;
            }

            at++;
        }

        if (at >= p.Length)
        {
            throw new NotSupportedException();
        }

        at++;
    }

    /// <summary>The fewest times the quantifier at <paramref name="at"/> (if any) repeats its atom.</summary>
    private static long Repeats(string p, ref int at)
    {
        if (at >= p.Length)
        {
            return 1;
        }

        long min;
        switch (p[at])
        {
            case '*' or '?':
                at++;
                min = 0;
                break;
            case '+':
                at++;
                min = 1;
                break;
            case '{' when Braces(p, at) is { } braces:
                (min, at) = braces;
                break;
            default:
                return 1;
        }

        if (at < p.Length && p[at] == '?')
        {
            at++;
        }

        return min;
    }

    /// <summary><c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c> at <paramref name="at"/>: its n and the index after it; else null (a literal brace).</summary>
    private static (long Min, int Next)? Braces(string p, int at)
    {
        var i = at + 1;
        long n = 0;
        var digits = 0;
        while (i < p.Length && char.IsAsciiDigit(p[i]))
        {
            n = Math.Min((n * 10) + (p[i++] - '0'), int.MaxValue);
            digits++;
        }

        if (digits == 0)
        {
            return null;
        }

        if (i < p.Length && p[i] == ',')
        {
            i++;
            while (i < p.Length && char.IsAsciiDigit(p[i]))
            {
                i++;
            }
        }

        return i < p.Length && p[i] == '}' ? (n, i + 1) : null;
    }
}
