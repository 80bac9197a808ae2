using Vigil.Vulnerabilities.Exchange;
using Vigil.Vulnerabilities.Inventory;

namespace Vigil.Vulnerabilities.Matching;

/// <summary>
/// Matches an Exchange server by its build number against the Exchange build table (never NVD: its CPEs name CUs, not
/// builds). Each CVE the build is vulnerable to, or whose fix its CU never received, is a finding; KEV, EPSS and the
/// NVD score are found by the CVE id.
/// </summary>
internal static class ExchangeMatcher
{
    public static void Match(Component component, ExchangeCatalog catalog, FindingFactory factory, List<MatchProblem> problems, Action<Finding> add)
    {
        var assessment = catalog.Assess(component.Version);
        if (assessment.Product is null)
        {
            problems.Add(new MatchProblem(component.Origin, "Exchange build not in the build table (not four numbers, or an unknown cumulative update)"));
            return;
        }

        foreach (var exposure in assessment.Exposures)
        {
            if (exposure.Status != ExchangeStatus.Fixed)
            {
                add(factory.Create(component, exposure.CveId, [], exposure.FixedByBuild, null, null, "exchange"));
            }
        }
    }
}
