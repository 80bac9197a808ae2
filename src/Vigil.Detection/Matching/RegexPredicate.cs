using System.Text.RegularExpressions;
using Vigil.Events;

namespace Vigil.Detection.Matching;

/// <summary>
/// <c>re</c> (with <c>i</c>, <c>m</c>, <c>s</c>): case-sensitive by default, as the specification says.
/// </summary>
/// <remarks>
/// Compiled with .NET's non-backtracking engine, which runs in time linear in the input, so a rule with a
/// catastrophic pattern cannot stall a hunt. Patterns that engine cannot run (backreferences, lookarounds, which
/// Sigma's PCRE subset excludes anyway) fall back to the backtracking engine with a time limit; a match that runs
/// out of time counts as no match and is counted in <see cref="Timeouts"/>.
/// </remarks>
internal sealed class RegexPredicate : ValuePredicate
{
    private static long _timeouts;
    private readonly Regex _regex;
    // Shorter values cannot match: rejected without running the regex.
    private readonly int _minLength;

    private readonly Prefilter.AtomText? _atom;
    private readonly Prefilter.AtomText[]? _anyAtom;

    private RegexPredicate(Regex regex, string pattern, bool ignoreCase)
    {
        _regex = regex;
        _minLength = RegexMinLength.Of(pattern);
        if (RegexLiterals.RequiredAny(pattern, ignoreCase) is { } any
            && any.Select(static l => StringPredicate.AtomOf(l, Prefilter.AtomKind.Substring)).ToList() is var atoms
            && atoms.All(static a => a is not null))
        {
            _anyAtom = [.. atoms.Select(static a => a!.Value)];
        }
        else
        {
            _atom = RegexLiterals.Required(pattern, ignoreCase) is { } literal ? StringPredicate.AtomOf(literal, Prefilter.AtomKind.Substring) : null;
        }
    }

    public override Prefilter.AtomText? Atom => _atom;

    public override IReadOnlyList<Prefilter.AtomText>? AnyAtom => _anyAtom;

    /// <summary>How many regex evaluations ran out of time in this process.</summary>
    public static long Timeouts => Interlocked.Read(ref _timeouts);

    public static ValuePredicate? Create(string pattern, bool ignoreCase, bool multiline, bool singleline, out string? error)
    {
        var options = RegexOptions.CultureInvariant;
        if (ignoreCase)
        {
            options |= RegexOptions.IgnoreCase;
        }

        if (multiline)
        {
            options |= RegexOptions.Multiline;
        }

        if (singleline)
        {
            options |= RegexOptions.Singleline;
        }

        try
        {
            error = null;
            return new RegexPredicate(new Regex(pattern, options | RegexOptions.NonBacktracking), pattern, ignoreCase);
        }
        catch (NotSupportedException)
        {
            // Constructs the linear engine lacks; keep the pattern but bound each match in time.
        }
        catch (ArgumentException e)
        {
            error = $"invalid regular expression '{pattern}': {e.Message}";
            return null;
        }

        try
        {
            error = null;
            return new RegexPredicate(new Regex(pattern, options, TimeSpan.FromMilliseconds(100)), pattern, ignoreCase);
        }
        catch (ArgumentException e)
        {
            error = $"invalid regular expression '{pattern}': {e.Message}";
            return null;
        }
    }

    public override bool Test(string value, LogEvent e)
    {
        if (value.Length < _minLength)
        {
            return false;
        }

        try
        {
            return _regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            Interlocked.Increment(ref _timeouts);
            return false;
        }
    }
}
