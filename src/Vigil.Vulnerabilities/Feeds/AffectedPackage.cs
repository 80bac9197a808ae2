namespace Vigil.Vulnerabilities.Feeds;

/// <summary>One package an advisory affects, in one ecosystem.</summary>
/// <param name="Ecosystem">OSV ecosystem, as written in the advisory (<c>AlmaLinux:9</c>, <c>Debian:12</c>, <c>npm</c>).</param>
/// <param name="Name">Package name.</param>
/// <param name="Ranges">Affected intervals (OSV ECOSYSTEM/SEMVER range events flattened into intervals).</param>
/// <param name="Versions">Explicitly listed affected versions.</param>
public sealed record AffectedPackage(
    string Ecosystem,
    string Name,
    IReadOnlyList<VersionRange> Ranges,
    IReadOnlyList<string> Versions);
