using Vigil.Vulnerabilities.Feeds;

namespace Vigil.Vulnerabilities.Exchange;

/// <summary>
/// Exchange Server builds and the CVEs their security updates fix, from the staged CSS-Exchange tables plus a small
/// maintained override list; classifies a server build as vulnerable, fixed or on an unsupported update level per CVE.
/// </summary>
/// <remarks>
/// Immutable after <see cref="Load"/>; <see cref="Assess"/> is thread-safe. For a CVE and a build on cumulative update
/// (CU) <c>c</c> of product <c>p</c>: when <c>c</c> has a row for an update that fixes the CVE, the build is fixed if it
/// is at or above that update's build and vulnerable below it; otherwise, when <c>c</c> is newer than every CU of
/// <c>p</c> that received such an update, the CU itself carries the fix; otherwise no fix exists for <c>c</c>
/// (<see cref="ExchangeStatus.UpdateLevelOutOfSupport"/>). See docs/versions.md.
/// </remarks>
public sealed class ExchangeCatalog
{
    private readonly List<ExchangeCuLine> _lines;
    private readonly Dictionary<(int, int, int), ExchangeCuLine> _byCu;
    private readonly Dictionary<string, DateOnly> _newestUpdate;
    private readonly List<ExchangeCveFix> _fixes;
    private readonly Dictionary<(string CveId, string Product), (int, int, int)> _newestFixedCu = [];

    private ExchangeCatalog(List<ExchangeCuLine> lines, List<ExchangeCveFix> fixes)
    {
        _lines = lines;
        _fixes = fixes;
        _byCu = [];
        foreach (var line in lines)
        {
            _byCu.TryAdd(line.Build.CuKey, line);
        }

        _newestUpdate = lines.Where(l => l.Updates.Count > 0)
            .GroupBy(l => l.Product)
            .ToDictionary(g => g.Key, g => g.SelectMany(l => l.Updates).Max(u => u.Month));
        foreach (var fix in fixes)
        {
            foreach (var (product, updates) in fix.UpdatesByProduct)
            {
                _newestFixedCu[(fix.CveId, product)] = lines
                    .Where(l => l.Product == product && l.Updates.Any(u => updates.Contains(u.BaseName)))
                    .Max(l => l.Build.CuKey);
            }
        }
    }

    /// <summary>Number of CU lines and CVEs loaded (for reports).</summary>
    public (int CumulativeUpdates, int Cves) Counts => (_lines.Count, _fixes.Count);

    /// <summary>
    /// Reads <c>exchange-build-numbers.csv</c> and <c>exchange-su-fixed-cves.csv</c> from <paramref name="folder"/>;
    /// bad rows, missing files and CVEs whose fixing update has no build in the table are added to
    /// <paramref name="problems"/> and skipped.
    /// </summary>
    public static ExchangeCatalog Load(string folder, ICollection<FeedProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(problems);
        var lines = ExchangeTableReader.ReadBuilds(folder, problems);
        var fixes = ExchangeTableReader.ReadFixes(folder, problems);
        var listed = fixes.Select(f => f.CveId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var group in ExchangeOverrides.All.Where(o => !listed.Contains(o.CveId)).GroupBy(o => o.CveId))
        {
            var byProduct = new Dictionary<string, HashSet<string>>();
            foreach (var (_, update, products, _) in group)
            {
                foreach (var product in products)
                {
                    (byProduct.TryGetValue(product, out var set) ? set : byProduct[product] = []).Add(update);
                }
            }

            fixes.Add(new ExchangeCveFix(group.Key, byProduct, group.First().Source));
        }

        var known = lines.SelectMany(l => l.Updates.Select(u => (l.Product, u.BaseName))).ToHashSet();
        foreach (var fix in fixes)
        {
            foreach (var (product, updates) in fix.UpdatesByProduct.ToList())
            {
                if (!updates.Any(u => known.Contains((product, u))))
                {
                    // e.g. a hotfix update (Apr25HU) the build table has no build for: nothing to compare against.
                    var file = fix.Source.StartsWith("override", StringComparison.Ordinal) ? "overrides" : ExchangeTableReader.FixesFile;
                    problems.Add(new FeedProblem(file, fix.CveId, $"no build of its update for {product} in {ExchangeTableReader.BuildsFile}; not assessed for {product}"));
                    fix.UpdatesByProduct.Remove(product);
                }
            }
        }

        return new ExchangeCatalog(lines, [.. fixes.Where(f => f.UpdatesByProduct.Count > 0)]);
    }

    /// <summary>
    /// The normalised build for an ExSetup.exe file or product version such as <c>15.01.2176.009</c> (leading zeros
    /// and anything after the first space dropped); null when it is not four numbers.
    /// </summary>
    public static string? BuildFromFileVersion(string fileVersion)
    {
        ArgumentNullException.ThrowIfNull(fileVersion);
        return ExchangeBuild.TryParse(BuildText(fileVersion), out var build) ? build.ToString() : null;
    }

    /// <summary>
    /// Classifies <paramref name="build"/> (a build or ExSetup file version) for every CVE that applies to its product.
    /// An unparseable build or one outside every product line gives no product and no exposures.
    /// </summary>
    public ExchangeAssessment Assess(string build)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (!ExchangeBuild.TryParse(BuildText(build), out var parsed))
        {
            return new ExchangeAssessment(build.Trim(), null, null, false, []);
        }

        var line = _byCu.GetValueOrDefault(parsed.CuKey);
        var product = line?.Product ?? ProductOf(parsed);
        if (product is null)
        {
            return new ExchangeAssessment(parsed.ToString(), null, null, false, []);
        }

        var exposures = new List<ExchangeExposure>();
        foreach (var fix in _fixes)
        {
            if (fix.UpdatesByProduct.TryGetValue(product, out var updates))
            {
                exposures.Add(Classify(fix.CveId, _newestFixedCu[(fix.CveId, product)], updates, line, parsed));
            }
        }

        var released = line?.Updates.LastOrDefault(u => u.Build == parsed)?.Month;
        var supported = line is not null && _newestUpdate.TryGetValue(product, out var newest)
            && line.Updates.Any(u => u.Month == newest);
        return new ExchangeAssessment(parsed.ToString(), line?.DisplayName, released, supported, exposures);
    }

    private static string BuildText(string build)
    {
        var text = build.AsSpan().Trim();
        var space = text.IndexOfAny(' ', '\t');
        return (space < 0 ? text : text[..space]).ToString();
    }

    private static ExchangeExposure Classify(
        string cve, (int, int, int) newestFixed, HashSet<string> updates, ExchangeCuLine? line, ExchangeBuild build)
    {
        var fixing = line?.Updates.FirstOrDefault(u => updates.Contains(u.BaseName));
        if (fixing is not null)
        {
            return new ExchangeExposure(cve, build >= fixing.Build ? ExchangeStatus.Fixed : ExchangeStatus.Vulnerable, fixing.Build.ToString());
        }

        // CUs are cumulative: a CU newer than every CU that needed the update already contains the fix.
        return build.CuKey.CompareTo(newestFixed) > 0
            ? new ExchangeExposure(cve, ExchangeStatus.Fixed, (line?.Build ?? build).ToString())
            : new ExchangeExposure(cve, ExchangeStatus.UpdateLevelOutOfSupport, null);
    }

    /// <summary>For a build whose CU is not in the table: the product of the nearest CU at or below it in its line.</summary>
    private string? ProductOf(ExchangeBuild build)
    {
        var sameLine = _lines.Where(l => l.Build.Major == build.Major && l.Build.Minor == build.Minor).ToList();
        if (sameLine.Count == 0)
        {
            return null;
        }

        var below = sameLine.Where(l => l.Build.CuKey.CompareTo(build.CuKey) <= 0).MaxBy(l => l.Build.CuKey);
        return (below ?? sameLine.MinBy(l => l.Build.CuKey))!.Product;
    }
}
