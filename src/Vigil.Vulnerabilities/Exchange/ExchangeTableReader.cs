using System.Globalization;
using Vigil.Vulnerabilities.Feeds;

namespace Vigil.Vulnerabilities.Exchange;

/// <summary>
/// Reads the two staged Exchange tables; a bad row is reported (file, line, reason; never the content) and skipped.
/// </summary>
internal static class ExchangeTableReader
{
    public const string BuildsFile = "exchange-build-numbers.csv";
    public const string FixesFile = "exchange-su-fixed-cves.csv";

    /// <summary>CU lines from <c>product,cu,cu_build,su_name,su_build</c>, in file order, updates sorted by build.</summary>
    public static List<ExchangeCuLine> ReadBuilds(string folder, ICollection<FeedProblem> problems)
    {
        var lines = new List<ExchangeCuLine>();
        var byKey = new Dictionary<(string Product, string Cu), ExchangeCuLine>();
        foreach (var (number, fields) in Rows(folder, BuildsFile, "product,cu,cu_build,su_name,su_build", 5, problems))
        {
            var item = Item(number);
            if (!ExchangeBuild.TryParse(fields[2], out var cuBuild))
            {
                problems.Add(new FeedProblem(BuildsFile, item, "cu_build is not a four-part build number"));
                continue;
            }

            if (!byKey.TryGetValue((fields[0], fields[1]), out var line))
            {
                line = new ExchangeCuLine(fields[0], fields[1], cuBuild, []);
                byKey.Add((fields[0], fields[1]), line);
                lines.Add(line);
            }
            else if (line.Build != cuBuild)
            {
                problems.Add(new FeedProblem(BuildsFile, item, "cu_build differs from an earlier row of the same CU"));
                continue;
            }

            if (fields[3].Length == 0 && fields[4].Length == 0)
            {
                continue;
            }

            if (!ExchangeUpdateName.TryParse(fields[3], out var month, out var baseName))
            {
                problems.Add(new FeedProblem(BuildsFile, item, "su_name is not a month update name such as Mar21SU"));
            }
            else if (!ExchangeBuild.TryParse(fields[4], out var suBuild) || suBuild.CuKey != cuBuild.CuKey || suBuild < cuBuild)
            {
                problems.Add(new FeedProblem(BuildsFile, item, "su_build is not a build of the same CU at or above cu_build"));
            }
            else
            {
                line.Updates.Add(new ExchangeUpdate(fields[3], baseName, month, suBuild));
            }
        }

        foreach (var line in lines)
        {
            line.Updates.Sort((a, b) => a.Build.CompareTo(b.Build));
        }

        return lines;
    }

    /// <summary>CVE fixes from <c>su_name,cve,products</c> (products separated by <c>;</c>), in order of first mention.</summary>
    public static List<ExchangeCveFix> ReadFixes(string folder, ICollection<FeedProblem> problems)
    {
        var fixes = new List<ExchangeCveFix>();
        var byCve = new Dictionary<string, ExchangeCveFix>(StringComparer.OrdinalIgnoreCase);
        foreach (var (number, fields) in Rows(folder, FixesFile, "su_name,cve,products", 3, problems))
        {
            if (!ExchangeUpdateName.TryParse(fields[0], out _, out var baseName))
            {
                problems.Add(new FeedProblem(FixesFile, Item(number), "su_name is not a month update name such as Mar21SU"));
                continue;
            }

            if (fields[1].Length == 0 || fields[2].Length == 0)
            {
                problems.Add(new FeedProblem(FixesFile, Item(number), "cve or products is empty"));
                continue;
            }

            if (!byCve.TryGetValue(fields[1], out var fix))
            {
                fix = new ExchangeCveFix(fields[1], [], "CSS-Exchange SU table");
                byCve.Add(fields[1], fix);
                fixes.Add(fix);
            }

            foreach (var product in fields[2].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!fix.UpdatesByProduct.TryGetValue(product, out var updates))
                {
                    fix.UpdatesByProduct[product] = updates = [];
                }

                updates.Add(baseName);
            }
        }

        return fixes;
    }

    private static string Item(int number) => "line " + number.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<(int Number, string[] Fields)> Rows(
        string folder, string file, string header, int columns, ICollection<FeedProblem> problems)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            problems.Add(new FeedProblem(file, "file", "file not found"));
            yield break;
        }

        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (number == 1)
            {
                if (!line.Equals(header, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(new FeedProblem(file, Item(number), "header is not '" + header + "'; file skipped"));
                    yield break;
                }

                continue;
            }

            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',', StringSplitOptions.TrimEntries);
            if (fields.Length != columns)
            {
                problems.Add(new FeedProblem(file, Item(number), $"expected {columns} columns, found {fields.Length}"));
                continue;
            }

            yield return (number, fields);
        }
    }
}
