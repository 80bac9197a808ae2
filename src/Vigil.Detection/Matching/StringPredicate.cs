namespace Vigil.Detection.Matching;

/// <summary>
/// Compiles a <see cref="SigmaString"/> into the cheapest test that decides it: equality, prefix, suffix, substring
/// or a general wildcard match, case-insensitive unless <c>cased</c>.
/// </summary>
internal static class StringPredicate
{
    public static ValuePredicate Create(SigmaString pattern, bool cased)
    {
        var comparison = cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var runs = pattern.Runs;
        if (runs.AsSpan().IndexOf(SigmaString.One) < 0)
        {
            var inner = runs.AsSpan().Trim(SigmaString.Star);
            if (inner.IndexOf(SigmaString.Star) < 0)
            {
                var leading = runs.StartsWith(SigmaString.Star);
                var trailing = runs.EndsWith(SigmaString.Star);
                var literal = inner.ToString();
                if (literal.Length == 0 && (leading || trailing))
                {
                    return new AnyValue();
                }

                return (leading, trailing) switch
                {
                    (false, false) => new EqualsValue(literal, comparison),
                    (false, true) => new StartsWithValue(literal, comparison),
                    (true, false) => new EndsWithValue(literal, comparison),
                    _ => new ContainsValue(literal, comparison),
                };
            }
        }

        return new WildcardValue(runs, cased, pattern.LongestLiteral());
    }

    internal static Prefilter.AtomText? AtomOf(string literal, Prefilter.AtomKind kind) =>
        AtomOf(literal) is { } atom ? new Prefilter.AtomText(atom, kind) : null;

    /// <summary>
    /// The literal as a prefilter atom, or null when it cannot be one: empty, or holding a character outside the
    /// BMP that has a case (the prefilter folds case one UTF-16 unit at a time, which is exact for every other
    /// character, emoji included).
    /// </summary>
    internal static string? AtomOf(string literal)
    {
        if (literal.Length == 0)
        {
            return null;
        }

        if (literal.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0)
        {
            foreach (var rune in literal.EnumerateRunes())
            {
                if (rune.IsBmp)
                {
                    continue;
                }

                if (System.Text.Rune.ToUpperInvariant(rune) != rune || System.Text.Rune.ToLowerInvariant(rune) != rune)
                {
                    return null;
                }
            }
        }

        return literal.ToUpperInvariant();
    }
}

/// <summary>Any non-null value (a lone <c>*</c>).</summary>
internal sealed class AnyValue : ValuePredicate
{
    public override bool Test(string value, Vigil.Events.LogEvent e) => true;
}

/// <summary>The whole value equals the literal.</summary>
internal sealed class EqualsValue(string literal, StringComparison comparison) : ValuePredicate
{
    public string Literal => literal;

    public StringComparison Comparison => comparison;

    public override bool Test(string value, Vigil.Events.LogEvent e) => string.Equals(value, literal, comparison);

    public override Prefilter.AtomText? Atom => StringPredicate.AtomOf(literal, Prefilter.AtomKind.Whole);
}

/// <summary>The value starts with the literal.</summary>
internal sealed class StartsWithValue(string literal, StringComparison comparison) : ValuePredicate
{
    public string Literal => literal;

    public StringComparison Comparison => comparison;

    public override bool Test(string value, Vigil.Events.LogEvent e) => value.StartsWith(literal, comparison);

    public override Prefilter.AtomText? Atom => StringPredicate.AtomOf(literal, Prefilter.AtomKind.Prefix);
}

/// <summary>The value ends with the literal.</summary>
internal sealed class EndsWithValue(string literal, StringComparison comparison) : ValuePredicate
{
    public string Literal => literal;

    public StringComparison Comparison => comparison;

    public override bool Test(string value, Vigil.Events.LogEvent e) => value.EndsWith(literal, comparison);

    public override Prefilter.AtomText? Atom => StringPredicate.AtomOf(literal, Prefilter.AtomKind.Suffix);
}

/// <summary>The value contains the literal.</summary>
internal sealed class ContainsValue(string literal, StringComparison comparison) : ValuePredicate
{
    public string Literal => literal;

    public StringComparison Comparison => comparison;

    public override bool Test(string value, Vigil.Events.LogEvent e) => value.Contains(literal, comparison);

    public override Prefilter.AtomText? Atom => StringPredicate.AtomOf(literal, Prefilter.AtomKind.Substring);
}

/// <summary>
/// A general wildcard pattern. Segments between stars are matched leftmost-first, which is exact for <c>*</c>
/// patterns and runs in O(value × pattern) at worst: no backtracking blow-up.
/// </summary>
internal sealed class WildcardValue : ValuePredicate
{
    private readonly string[] _segments;
    private readonly bool _anchoredStart;
    private readonly bool _anchoredEnd;
    private readonly bool _cased;
    private readonly string _longest;

    public WildcardValue(string runs, bool cased, string longest)
    {
        _cased = cased;
        _longest = longest;
        _anchoredStart = !runs.StartsWith(SigmaString.Star);
        _anchoredEnd = !runs.EndsWith(SigmaString.Star);
        _segments = runs.Split(SigmaString.Star, StringSplitOptions.RemoveEmptyEntries);
        if (!cased)
        {
            for (var i = 0; i < _segments.Length; i++)
            {
                _segments[i] = _segments[i].ToUpperInvariant();
            }
        }
    }

    public override Prefilter.AtomText? Atom => StringPredicate.AtomOf(_longest, Prefilter.AtomKind.Substring);

    public override bool Test(string value, Vigil.Events.LogEvent e)
    {
        var span = value.AsSpan();
        if (_segments.Length == 0)
        {
            return !_anchoredStart || span.Length == 0;
        }

        var position = 0;
        var last = _segments.Length - 1;
        for (var s = 0; s <= last; s++)
        {
            var segment = _segments[s];
            if (s == 0 && _anchoredStart)
            {
                if (!SegmentAt(span, 0, segment))
                {
                    return false;
                }

                position = segment.Length;
                if (s == last && _anchoredEnd)
                {
                    return position == span.Length;
                }

                continue;
            }

            if (s == last && _anchoredEnd)
            {
                var start = span.Length - segment.Length;
                return start >= position && SegmentAt(span, start, segment);
            }

            var found = Find(span, position, segment);
            if (found < 0)
            {
                return false;
            }

            position = found + segment.Length;
        }

        return true;
    }

    private int Find(ReadOnlySpan<char> span, int from, string segment)
    {
        for (var i = from; i + segment.Length <= span.Length; i++)
        {
            if (SegmentAt(span, i, segment))
            {
                return i;
            }
        }

        return -1;
    }

    private bool SegmentAt(ReadOnlySpan<char> span, int at, string segment)
    {
        if (at + segment.Length > span.Length)
        {
            return false;
        }

        for (var i = 0; i < segment.Length; i++)
        {
            var p = segment[i];
            if (p == SigmaString.One)
            {
                continue;
            }

            var c = span[at + i];
            if (c != p && (_cased || char.ToUpperInvariant(c) != p))
            {
                return false;
            }
        }

        return true;
    }
}
