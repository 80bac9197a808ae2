namespace Vigil.Vulnerabilities.Versions;

/// <summary>
/// Python package versions: PEP 440 ordering, with the "legacy" ordering of <c>packaging</c> before 22.0 for text
/// that is not PEP 440 (those sort before every PEP 440 version, as they did there).
/// </summary>
/// <remarks>
/// PEP 440 order: epoch, release (trailing zeros ignored), then pre-release (a &lt; b &lt; rc; a version with only a
/// dev part sorts before its pre-releases, one with none after them), post-release (none first), dev (none last),
/// local version (none first; numeric segments above alphanumeric ones, alphanumeric ones compared without case).
/// <see cref="IsValid"/> accepts PEP 440 only; the legacy order keeps Compare total and matches osv.dev's vectors.
/// </remarks>
internal sealed class PypiVersionScheme : IVersionScheme
{
    public string Name => "pypi";

    public bool IsValid(string version, out string? reason)
    {
        reason = version.AsSpan().Trim().IsEmpty ? "version is empty"
            : !Pep440Version.TryParse(version, out _) ? "version is not PEP 440"
            : null;
        return reason is null;
    }

    public int Compare(string left, string right)
    {
        var okA = Pep440Version.TryParse(left, out var a);
        var okB = Pep440Version.TryParse(right, out var b);
        if (okA && okB)
        {
            return ComparePep440(a, b);
        }

        // Legacy versions have epoch -1 in packaging's legacy key: below every PEP 440 version.
        return okA ? 1 : okB ? -1 : LegacyPythonVersion.Compare(left.AsSpan(), right.AsSpan());
    }

    private static int ComparePep440(Pep440Version a, Pep440Version b)
    {
        var result = Digits.CompareNumeric(a.Epoch, b.Epoch);
        if (result == 0)
        {
            result = SemVerText.CompareCore(a.Release, b.Release, int.MaxValue);
        }

        if (result == 0)
        {
            result = PreKey(a).CompareTo(PreKey(b));
        }

        if (result == 0 && a.PreKind != 0)
        {
            result = Digits.CompareNumeric(a.PreNumber, b.PreNumber);
        }

        if (result == 0)
        {
            result = a.HasPost != b.HasPost ? (a.HasPost ? 1 : -1) : Digits.CompareNumeric(a.PostNumber, b.PostNumber);
        }

        if (result == 0)
        {
            result = a.HasDev != b.HasDev ? (a.HasDev ? -1 : 1) : Digits.CompareNumeric(a.DevNumber, b.DevNumber);
        }

        if (result == 0)
        {
            result = a.HasLocal != b.HasLocal ? (a.HasLocal ? 1 : -1) : CompareLocal(a.Local, b.Local);
        }

        return Math.Sign(result);
    }

    /// <summary>0 = dev-only (before all pre-releases), 1-3 = a/b/rc, 4 = no pre-release.</summary>
    private static int PreKey(Pep440Version v) =>
        v.PreKind != 0 ? v.PreKind : !v.HasPost && v.HasDev ? 0 : 4;

    private static int CompareLocal(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        while (!a.IsEmpty && !b.IsEmpty)
        {
            var x = NextLocal(ref a);
            var y = NextLocal(ref b);
            var numX = Digits.AllDigits(x);
            var numY = Digits.AllDigits(y);
            var result = numX && numY ? Digits.CompareNumeric(x, y)
                : numX != numY ? (numX ? 1 : -1)
                : CompareLower(x, y);
            if (result != 0)
            {
                return result;
            }
        }

        return a.IsEmpty == b.IsEmpty ? 0 : a.IsEmpty ? -1 : 1;
    }

    private static int CompareLower(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var diff = char.ToLowerInvariant(a[i]) - char.ToLowerInvariant(b[i]);
            if (diff != 0)
            {
                return diff;
            }
        }

        return a.Length - b.Length;
    }

    private static ReadOnlySpan<char> NextLocal(ref ReadOnlySpan<char> text)
    {
        var k = text.IndexOfAny("-_.");
        var part = k < 0 ? text : text[..k];
        text = k < 0 ? [] : text[(k + 1)..];
        return part;
    }
}
