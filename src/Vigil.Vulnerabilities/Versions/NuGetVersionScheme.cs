namespace Vigil.Vulnerabilities.Versions;

/// <summary>
/// NuGet versions: one to four numeric parts (<c>1.0</c> = <c>1.0.0.0</c>, leading zeros allowed), then SemVer 2.0
/// prerelease labels compared without case, then build metadata, which is ignored.
/// </summary>
/// <remarks>
/// Order as NuGet.Versioning's default comparer: the four numbers, then no prerelease above a prerelease, then
/// labels (numeric labels numerically, numeric below alphanumeric, alphanumeric ordinal ignoring case, more labels
/// above fewer). Unlike NuGet.Versioning, numeric parts of any length compare exactly instead of failing to parse
/// above Int32.MaxValue. Unparseable text orders before every valid version, ordinally among itself.
/// </remarks>
internal sealed class NuGetVersionScheme : IVersionScheme
{
    public string Name => "nuget";

    public bool IsValid(string version, out string? reason)
    {
        var text = version.AsSpan().Trim();
        reason = Validate(text);
        return reason is null;
    }

    public int Compare(string left, string right)
    {
        var a = left.AsSpan().Trim();
        var b = right.AsSpan().Trim();
        var okA = SemVerText.TryReadCore(a, out var coreA, out var preA);
        var okB = SemVerText.TryReadCore(b, out var coreB, out var preB);
        if (!okA || !okB)
        {
            return okA == okB ? Math.Sign(a.SequenceCompareTo(b)) : okA ? 1 : -1;
        }

        var result = SemVerText.CompareCore(coreA, coreB, 4);
        return result != 0 ? result : SemVerText.ComparePrerelease(preA, preB, ignoreCase: true);
    }

    private static string? Validate(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return "version is empty";
        }

        if (!SemVerText.TryReadCore(text, out var core, out var prerelease))
        {
            return "version core is not dot-separated numbers";
        }

        if (core.Count('.') > 3)
        {
            return "version core has more than four parts";
        }

        var dash = text.IndexOf('-');
        var plus = text.IndexOf('+');
        if (dash >= 0 && (plus < 0 || dash < plus) && prerelease.IsEmpty)
        {
            return "prerelease is empty";
        }

        return CheckLabels(prerelease) ?? (plus >= 0 ? CheckLabels(text[(plus + 1)..], allowEmpty: false) : null);
    }

    private static string? CheckLabels(ReadOnlySpan<char> text, bool allowEmpty = true)
    {
        if (text.IsEmpty)
        {
            return allowEmpty ? null : "build metadata is empty";
        }

        foreach (var range in text.Split('.'))
        {
            var label = text[range];
            if (label.IsEmpty)
            {
                return "label is empty";
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return "label has a character outside [0-9A-Za-z-]";
                }
            }
        }

        return null;
    }
}
