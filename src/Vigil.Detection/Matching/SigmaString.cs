using System.Text;

namespace Vigil.Detection.Matching;

/// <summary>
/// A Sigma string value: literal characters and the wildcards <c>*</c> (any run) and <c>?</c> (one character).
/// </summary>
/// <remarks>
/// Escaping as the specification defines it: a backslash before <c>*</c>, <c>?</c> or another backslash makes that
/// character literal; a backslash before anything else is itself literal (so <c>C:\Windows\</c> needs no escaping).
/// Kept as a sequence of runs: text (no wildcards), <see cref="Star"/> or <see cref="One"/>.
/// </remarks>
internal sealed class SigmaString
{
    public const char Star = '\uE000';
    public const char One = '\uE001';

    internal SigmaString(string runs) => Runs = runs;

    /// <summary>The string with wildcards as the private-use characters <see cref="Star"/> and <see cref="One"/>.</summary>
    public string Runs { get; }

    public bool HasWildcards => Runs.AsSpan().IndexOfAny(Star, One) >= 0;

    public static SigmaString Parse(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\\' && i + 1 < raw.Length && raw[i + 1] is '*' or '?' or '\\')
            {
                sb.Append(raw[++i]);
            }
            else
            {
                sb.Append(c switch { '*' => Star, '?' => One, _ => c });
            }
        }

        return new SigmaString(sb.ToString());
    }

    public static SigmaString Literal(string text) => new(text);

    /// <summary>The text with its wildcards removed; only meaningful when <see cref="HasWildcards"/> is false.</summary>
    public string Text => Runs;

    public SigmaString WithLeadingStar() => Runs.StartsWith(Star) ? this : new SigmaString(Star + Runs);

    public SigmaString WithTrailingStar() => Runs.EndsWith(Star) ? this : new SigmaString(Runs + Star);

    /// <summary>The string written back in Sigma syntax, with escapes.</summary>
    public string ToRaw()
    {
        var sb = new StringBuilder(Runs.Length + 4);
        foreach (var c in Runs)
        {
            sb.Append(c switch { Star => "*", One => "?", '*' => "\\*", '?' => "\\?", _ => c.ToString() });
        }

        return sb.ToString();
    }

    /// <summary>The longest wildcard-free run, or an empty string.</summary>
    public string LongestLiteral()
    {
        var best = ReadOnlySpan<char>.Empty;
        var rest = Runs.AsSpan();
        while (rest.Length > 0)
        {
            var cut = rest.IndexOfAny(Star, One);
            var run = cut < 0 ? rest : rest[..cut];
            if (run.Length > best.Length)
            {
                best = run;
            }

            rest = cut < 0 ? [] : rest[(cut + 1)..];
        }

        return best.ToString();
    }

    public override string ToString() => ToRaw();
}
