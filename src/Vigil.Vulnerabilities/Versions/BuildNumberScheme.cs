namespace Vigil.Vulnerabilities.Versions;

/// <summary>
/// Dotted numeric build numbers: Windows file versions and Exchange builds (<c>15.1.2176.9</c>).
/// </summary>
/// <remarks>
/// Parts compare as unbounded integers from the left; a missing part counts as 0 (<c>15.1</c> = <c>15.1.0.0</c>).
/// Invalid text compares by its leading numeric parts, then ordinally, so the order stays total.
/// </remarks>
internal sealed class BuildNumberScheme : IVersionScheme
{
    public string Name => "build";

    public bool IsValid(string version, out string? reason)
    {
        var text = version.AsSpan().Trim();
        reason = null;
        if (text.IsEmpty)
        {
            reason = "build number is empty";
            return false;
        }

        var parts = 0;
        foreach (var range in text.Split('.'))
        {
            parts++;
            if (!Digits.AllDigits(text[range]))
            {
                reason = "build number part is not a number";
                return false;
            }
        }

        if (parts > 4)
        {
            reason = "build number has more than four parts";
            return false;
        }

        return true;
    }

    public int Compare(string left, string right)
    {
        var a = left.AsSpan().Trim();
        var b = right.AsSpan().Trim();
        while (!a.IsEmpty || !b.IsEmpty)
        {
            var partA = NextPart(ref a);
            var partB = NextPart(ref b);
            var numberA = partA[..Digits.LeadingDigits(partA)];
            var numberB = partB[..Digits.LeadingDigits(partB)];
            var result = Digits.CompareNumeric(numberA, numberB);
            if (result == 0)
            {
                // Only invalid parts carry a non-numeric tail; order them ordinally to stay deterministic.
                result = Math.Sign(partA[numberA.Length..].SequenceCompareTo(partB[numberB.Length..]));
            }

            if (result != 0)
            {
                return result;
            }
        }

        return 0;
    }

    private static ReadOnlySpan<char> NextPart(ref ReadOnlySpan<char> text)
    {
        var dot = text.IndexOf('.');
        var part = dot < 0 ? text : text[..dot];
        text = dot < 0 ? [] : text[(dot + 1)..];
        return part;
    }
}
