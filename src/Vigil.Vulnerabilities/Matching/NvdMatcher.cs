using Vigil.Vulnerabilities.Feeds;
using Vigil.Vulnerabilities.Inventory;

namespace Vigil.Vulnerabilities.Matching;

/// <summary>
/// Matches software known by vendor and product against NVD CPE configurations. In a configuration whose nodes are
/// joined by AND, a node of non-vulnerable ("running on") CPEs holds only when the same asset's inventory holds a
/// component with that CPE.
/// </summary>
internal static class NvdMatcher
{
    public static void Match(Component component, CpeName cpe, IReadOnlyList<CpeName> platforms, FeedIndex index, FindingFactory factory, Action<Finding> add)
    {
        if (!index.NvdByProduct.TryGetValue(cpe.Product, out var records))
        {
            return;
        }

        var version = CpeName.IsAny(cpe.Version) ? component.Version : cpe.Version;
        var installed = cpe with { Version = version };
        foreach (var record in records)
        {
            foreach (var configuration in record.Configurations)
            {
                if (Holds(configuration, installed, platforms, out var fixedVersion))
                {
                    add(factory.Create(component, record.CveId, [], fixedVersion, record.CvssScore, record.CvssSeverity, "nvd"));
                    break;
                }
            }
        }
    }

    /// <summary>Whether the configuration holds with <paramref name="installed"/> as its vulnerable software.</summary>
    internal static bool Holds(CpeConfiguration configuration, CpeName installed, IReadOnlyList<CpeName> platforms, out string? fixedVersion)
    {
        string? hitFixed = null;
        var hitVulnerable = false;
        bool Satisfied(CpeMatch match)
        {
            if (!CpeName.TryParse(match.Criteria, out var criteria))
            {
                return false;
            }

            if (match.Vulnerable)
            {
                if (Matches(criteria, match, installed))
                {
                    hitVulnerable = true;
                    hitFixed ??= match.VersionEndExcluding;
                    return true;
                }

                return false;
            }

            foreach (var platform in platforms)
            {
                if (Matches(criteria, match, platform))
                {
                    return true;
                }
            }

            return false;
        }

        var and = configuration.Operator.Equals("AND", StringComparison.OrdinalIgnoreCase);
        var result = and;
        foreach (var node in configuration.Nodes)
        {
            var nodeAnd = node.Operator.Equals("AND", StringComparison.OrdinalIgnoreCase);
            var holds = nodeAnd;
            foreach (var match in node.Matches)
            {
                var satisfied = Satisfied(match);
                holds = nodeAnd ? holds && satisfied : holds || satisfied;
            }

            holds ^= node.Negate;
            result = and ? result && holds : result || holds;
        }

        result ^= configuration.Negate;
        fixedVersion = hitFixed;
        return result && hitVulnerable;
    }

    /// <summary>Whether <paramref name="candidate"/> (a product with a concrete version) falls under the criteria and its bounds.</summary>
    internal static bool Matches(CpeName criteria, CpeMatch match, CpeName candidate)
    {
        if (!criteria.Product.Equals(candidate.Product, StringComparison.Ordinal))
        {
            return false;
        }

        if (!CpeName.IsAny(criteria.Version))
        {
            return !CpeName.IsAny(candidate.Version)
                && CpeVersion.Compare(candidate.Version, criteria.Version) == 0
                && (CpeName.IsAny(criteria.Update) || criteria.Update.Equals(candidate.Update, StringComparison.OrdinalIgnoreCase));
        }

        var bounded = match.VersionStartIncluding ?? match.VersionStartExcluding ?? match.VersionEndIncluding ?? match.VersionEndExcluding;
        if (bounded is null)
        {
            return true;
        }

        if (CpeName.IsAny(candidate.Version))
        {
            return false;
        }

        var v = candidate.Version;
        return (match.VersionStartIncluding is not { } si || CpeVersion.Compare(v, si) >= 0)
            && (match.VersionStartExcluding is not { } se || CpeVersion.Compare(v, se) > 0)
            && (match.VersionEndIncluding is not { } ei || CpeVersion.Compare(v, ei) <= 0)
            && (match.VersionEndExcluding is not { } ee || CpeVersion.Compare(v, ee) < 0);
    }
}
