using Vigil.Vulnerabilities.Feeds;
using Vigil.Vulnerabilities.Inventory;
using Vigil.Vulnerabilities.Versions;

namespace Vigil.Vulnerabilities.Matching;

/// <summary>Matches a package against the OSV advisories of its ecosystem and name, by OSV's range rules.</summary>
internal static class OsvMatcher
{
    /// <summary>Adds a finding per advisory whose ranges or version list include the installed version.</summary>
    public static void Match(Component component, string version, IVersionScheme scheme, FeedIndex index, FindingFactory factory, Action<Finding> add)
    {
        var (ecosystem, release) = Ecosystems.Split(component.Ecosystem);
        if (!index.Osv.TryGetValue(Ecosystems.Key(ecosystem, component.Name), out var entries))
        {
            return;
        }

        foreach (var entry in entries)
        {
            if (Ecosystems.ReleaseMatches(release, entry.Release) && Affects(entry.Affected, version, scheme, out var fixedVersion))
            {
                add(factory.Create(component, entry.Advisory.Id, entry.Advisory.Aliases, fixedVersion, entry.Advisory.CvssScore, entry.Advisory.Severity, "osv"));
            }
        }
    }

    /// <summary>
    /// OSV: affected when within any range (introduced ≤ v, and v &lt; fixed or v ≤ last_affected; <c>0</c> or no
    /// introduced means from the beginning) or listed in <c>versions</c>.
    /// </summary>
    public static bool Affects(AffectedPackage affected, string version, IVersionScheme scheme, out string? fixedVersion)
    {
        fixedVersion = null;
        foreach (var range in affected.Ranges)
        {
            if (range.Introduced is { Length: > 0 } introduced && introduced != "0" && scheme.Compare(version, introduced) < 0)
            {
                continue;
            }

            if (range.Fixed is { } fixedAt)
            {
                if (scheme.Compare(version, fixedAt) < 0)
                {
                    fixedVersion = fixedAt;
                    return true;
                }
            }
            else if (range.LastAffected is { } last)
            {
                if (scheme.Compare(version, last) <= 0)
                {
                    return true;
                }
            }
            else
            {
                return true;
            }
        }

        foreach (var listed in affected.Versions)
        {
            if (listed == version || scheme.Compare(version, listed) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
