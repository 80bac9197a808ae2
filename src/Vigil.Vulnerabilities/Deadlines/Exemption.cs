using Vigil.Vulnerabilities.Matching;

namespace Vigil.Vulnerabilities.Deadlines;

/// <summary>
/// An accepted risk ("exception"): findings of <see cref="Advisory"/> (an advisory id or any of its aliases) on
/// <see cref="Asset"/> (null: every asset), optionally only for <see cref="Package"/>, raise no overdue alert until
/// <see cref="ExpiresAt"/>. An expired exemption suppresses nothing.
/// </summary>
public sealed record Exemption(
    long Id,
    string? Asset,
    string Advisory,
    string? Package,
    string Owner,
    string Reason,
    DateTimeOffset ExpiresAt,
    DateTimeOffset CreatedAt)
{
    /// <summary>Whether it is in force at <paramref name="now"/>.</summary>
    public bool IsActive(DateTimeOffset now) => now < ExpiresAt;

    /// <summary>Whether it covers <paramref name="finding"/> at <paramref name="now"/>.</summary>
    public bool Covers(Finding finding, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return IsActive(now)
            && (Asset is null || Asset.Equals(finding.Asset, StringComparison.OrdinalIgnoreCase))
            && (Package is null || Package.Equals(finding.Package, StringComparison.OrdinalIgnoreCase))
            && (Advisory.Equals(finding.Advisory, StringComparison.OrdinalIgnoreCase)
                || finding.Aliases.Any(a => a.Equals(Advisory, StringComparison.OrdinalIgnoreCase)));
    }
}
