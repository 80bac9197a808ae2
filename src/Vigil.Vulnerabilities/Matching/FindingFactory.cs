using Vigil.Vulnerabilities.Feeds;
using Vigil.Vulnerabilities.Inventory;
using Vigil.Vulnerabilities.Priority;

namespace Vigil.Vulnerabilities.Matching;

/// <summary>Turns a match into a <see cref="Finding"/>: severity, KEV, EPSS (looked up by CVE id or alias) and priority. One per match call (it caches by advisory).</summary>
internal sealed class FindingFactory(FeedIndex index)
{
    private readonly Dictionary<string, (KevEntry? Kev, EpssScore? Epss, NvdRecord? Nvd)> _byAdvisory = new(StringComparer.Ordinal);

    public Finding Create(Component component, string advisory, IReadOnlyList<string> aliases, string? fixedVersion, double? cvss, string? severityWord, string source)
    {
        // An advisory's aliases are looked up once per match call (AlmaLinux advisories name dozens of CVEs).
        if (!_byAdvisory.TryGetValue(advisory, out var found))
        {
            _byAdvisory[advisory] = found = Lookup(advisory, aliases);
        }

        var (kev, epss, nvd) = found;
        var score = cvss ?? nvd?.CvssScore;
        var severity = score is { } s ? SeverityLevels.FromScore(s)
            : SeverityLevels.FromWord(severityWord) ?? SeverityLevels.FromWord(nvd?.CvssSeverity) ?? "unknown";
        var ransomware = kev?.KnownRansomwareUse ?? false;
        var priority = PriorityModel.Compute(kev is not null, ransomware, epss?.Score, score, severity, component.Criticality, component.HoldsPatientData);
        return new Finding(
            component.Asset, component.Name, component.Version, component.Ecosystem, advisory, aliases, fixedVersion, score, severity,
            kev is not null, kev?.DueDate, ransomware, epss?.Score, epss?.Percentile, priority, source, component.Criticality, component.HoldsPatientData);
    }

    private (KevEntry? Kev, EpssScore? Epss, NvdRecord? Nvd) Lookup(string advisory, IReadOnlyList<string> aliases)
    {
        KevEntry? kev = null;
        EpssScore? epss = null;
        NvdRecord? nvd = null;
        foreach (var id in Ids(advisory, aliases))
        {
            if (index.Kev.TryGetValue(id, out var k) && (kev is null || k.DueDate < kev.DueDate))
            {
                kev = k;
            }

            if (index.Epss.TryGetValue(id, out var e) && (epss is null || e.Score > epss.Score))
            {
                epss = e;
            }

            if (index.NvdById.TryGetValue(id, out var n) && (nvd is null || (n.CvssScore ?? 0) > (nvd.CvssScore ?? 0)))
            {
                nvd = n;
            }
        }

        return (kev, epss, nvd);
    }

    private static IEnumerable<string> Ids(string advisory, IReadOnlyList<string> aliases)
    {
        yield return advisory;
        foreach (var alias in aliases)
        {
            yield return alias;
        }
    }
}
