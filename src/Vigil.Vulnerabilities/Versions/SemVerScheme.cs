namespace Vigil.Vulnerabilities.Versions;

/// <summary>
/// Semantic Versioning 2.0.0: <c>MAJOR.MINOR.PATCH[-prerelease][+build]</c>, ordered by SemVer precedence.
/// </summary>
/// <remarks>
/// Precedence: the three numbers numerically (any length), then a version without prerelease above one with;
/// prerelease identifiers compare numerically when both are numeric, numeric below alphanumeric, otherwise by
/// ASCII; a longer identifier list wins when all shared ones are equal. Build metadata is ignored.
/// Tolerated, as npm and Go tolerate them: surrounding whitespace and one leading <c>v</c>. <see cref="IsValid"/> is
/// otherwise strict (no leading zeros, no empty identifiers). Compare is lenient for text it rejects: missing
/// minor/patch count as 0 and unparseable text orders before every valid version, ordinally among itself.
/// </remarks>
internal sealed class SemVerScheme : IVersionScheme
{
    public string Name => "semver";

    public bool IsValid(string version, out string? reason)
    {
        reason = SemVerText.Validate(SemVerText.Strip(version.AsSpan()));
        return reason is null;
    }

    public int Compare(string left, string right)
    {
        var a = SemVerText.Strip(left.AsSpan());
        var b = SemVerText.Strip(right.AsSpan());
        var okA = SemVerText.TryReadCore(a, out var coreA, out var preA);
        var okB = SemVerText.TryReadCore(b, out var coreB, out var preB);
        if (!okA || !okB)
        {
            return okA == okB ? Math.Sign(a.SequenceCompareTo(b)) : okA ? 1 : -1;
        }

        var result = SemVerText.CompareCore(coreA, coreB, 3);
        return result != 0 ? result : SemVerText.ComparePrerelease(preA, preB, ignoreCase: false);
    }
}
