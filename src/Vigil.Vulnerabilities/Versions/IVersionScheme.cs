namespace Vigil.Vulnerabilities.Versions;

/// <summary>How one ecosystem orders its version strings (dpkg, rpmvercmp, SemVer 2.0, NuGet, Maven, PEP 440, builds).</summary>
/// <remarks>Implementations are stateless and thread-safe; <see cref="Compare"/> never throws on untrusted text.</remarks>
public interface IVersionScheme
{
    /// <summary>The scheme's name: <c>deb</c>, <c>rpm</c>, <c>semver</c>, <c>nuget</c>, <c>maven</c>, <c>pypi</c>, <c>build</c>.</summary>
    string Name { get; }

    /// <summary>Whether <paramref name="version"/> is a version this scheme can order; when not, why (no content).</summary>
    bool IsValid(string version, out string? reason);

    /// <summary>Negative, zero or positive as <paramref name="left"/> orders before, equal to or after <paramref name="right"/>.</summary>
    /// <remarks>Invalid versions order by the scheme's documented fallback, never by throwing; callers check <see cref="IsValid"/> first.</remarks>
    int Compare(string left, string right);
}
