using Vigil.Detection.Correlation;
using Vigil.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Vigil.Detection.Rules;

/// <summary>Sigma rules, filters and correlation rules loaded from files and folders.</summary>
/// <remarks>
/// Loading never throws for bad input: each rule that cannot be read or parsed is reported to the problem sink with
/// its file, place and reason, and skipped; the others load. Rules whose detection cannot be compiled are reported
/// when a <see cref="Engine.DetectionEngine"/> is built from the set.
/// </remarks>
public sealed class RuleSet
{
    private RuleSet(List<SigmaRule> rules, List<FilterRule> filters, List<CorrelationRule> correlations, int files)
    {
        Rules = rules;
        Filters = filters;
        Correlations = correlations;
        FilesRead = files;
    }

    internal List<SigmaRule> Rules { get; }

    internal List<FilterRule> Filters { get; }

    internal List<CorrelationRule> Correlations { get; }

    /// <summary>How many filter (meta) rules were parsed.</summary>
    public int FilterCount => Filters.Count;

    /// <summary>How many rule files were read.</summary>
    public int FilesRead { get; }

    /// <summary>The detection rules, filters and correlations parsed.</summary>
    public int Count => Rules.Count + Filters.Count + Correlations.Count;

    /// <summary>What each parsed detection rule, filter and correlation says about itself, in load order.</summary>
    public IEnumerable<RuleInfo> Infos =>
        Rules.Select(static r => r.Info).Concat(Filters.Select(static f => f.Info)).Concat(Correlations.Select(static c => c.Info));

    /// <summary>How many of the parsed rules are correlations.</summary>
    public int CorrelationCount => Correlations.Count;

    /// <summary>Loads every <c>.yml</c>/<c>.yaml</c> file under the given files and folders.</summary>
    public static RuleSet Load(IEnumerable<string> paths, IProblemSink problems)
    {
        var rules = new List<SigmaRule>();
        var filters = new List<FilterRule>();
        var correlations = new List<CorrelationRule>();
        var files = 0;
        foreach (var file in RuleFiles(paths, problems))
        {
            files++;
            LoadFile(file, problems, rules, filters, correlations);
        }

        return new RuleSet(rules, filters, correlations, files);
    }

    /// <summary>Parses rules from YAML text, as if read from a file named <paramref name="name"/>.</summary>
    public static RuleSet Parse(string yaml, string name, IProblemSink problems)
    {
        var rules = new List<SigmaRule>();
        var filters = new List<FilterRule>();
        var correlations = new List<CorrelationRule>();
        LoadText(new StringReader(yaml), name, problems, rules, filters, correlations);
        return new RuleSet(rules, filters, correlations, 1);
    }

    /// <summary>Combines rule sets (for example the bundled rules and a user's folder).</summary>
    public static RuleSet Combine(params RuleSet[] sets) => new(
        [.. sets.SelectMany(static s => s.Rules)],
        [.. sets.SelectMany(static s => s.Filters)],
        [.. sets.SelectMany(static s => s.Correlations)],
        sets.Sum(static s => s.FilesRead));

    private static IEnumerable<string> RuleFiles(IEnumerable<string> paths, IProblemSink problems)
    {
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                yield return path;
            }
            else if (Directory.Exists(path))
            {
                foreach (var f in FolderFiles(path, problems))
                {
                    yield return f;
                }
            }
            else
            {
                problems.Report(new InputProblem(path, "", "unreadable", "no such file or folder"));
            }
        }
    }

    /// <summary>The rule files under a folder, in name order; a folder that cannot be listed is reported, not skipped silently.</summary>
    private static IEnumerable<string> FolderFiles(string folder, IProblemSink problems)
    {
        string[] files;
        string[] folders;
        try
        {
            files = Directory.GetFiles(folder);
            folders = Directory.GetDirectories(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Report(new InputProblem(folder, "", "unreadable", e.Message));
            yield break;
        }

        Array.Sort(files, StringComparer.Ordinal);
        Array.Sort(folders, StringComparer.Ordinal);
        foreach (var f in files)
        {
            if (f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            {
                yield return f;
            }
        }

        foreach (var sub in folders)
        {
            foreach (var f in FolderFiles(sub, problems))
            {
                yield return f;
            }
        }
    }

    private static void LoadFile(string file, IProblemSink problems, List<SigmaRule> rules, List<FilterRule> filters, List<CorrelationRule> correlations)
    {
        try
        {
            using var reader = new StreamReader(file, detectEncodingFromByteOrderMarks: true);
            LoadText(reader, file, problems, rules, filters, correlations);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Report(new InputProblem(file, "", "unreadable", e.Message));
        }
    }

    private static void LoadText(TextReader reader, string file, IProblemSink problems, List<SigmaRule> rules, List<FilterRule> filters, List<CorrelationRule> correlations)
    {
        if (YamlValues.Load(reader, file, "bad-yaml", problems) is not { } stream)
        {
            return;
        }

        for (var i = 0; i < stream.Documents.Count; i++)
        {
            if (stream.Documents[i].RootNode is not YamlMappingNode root)
            {
                problems.Report(new InputProblem(file, $"document {i + 1}", "bad-rule", "the document is not a YAML mapping"));
                continue;
            }

            if (YamlValues.Child(root, "action") is not null)
            {
                problems.Report(new InputProblem(file, $"document {i + 1}", "rule-collection", "rule collections ('action: global') are not part of Sigma 2; split the file into single rules"));
                continue;
            }

            var info = RuleParser.ParseInfo(root, file, i);
            if (YamlValues.Child(root, "correlation") is not null)
            {
                if (CorrelationRuleParser.Parse(root, info, problems) is { } correlation)
                {
                    correlations.Add(correlation);
                }
            }
            else if (YamlValues.Child(root, "filter") is not null)
            {
                if (RuleParser.ParseFilter(root, info, problems) is { } filter)
                {
                    filters.Add(filter);
                }
            }
            else if (YamlValues.Child(root, "detection") is not null)
            {
                if (RuleParser.ParseRule(root, info, problems) is { } rule)
                {
                    rules.Add(rule);
                }
            }
            else
            {
                problems.Report(new InputProblem(file, $"document {i + 1}", "bad-rule", "not a Sigma rule: no 'detection', 'correlation' or 'filter' section"));
            }
        }
    }
}
