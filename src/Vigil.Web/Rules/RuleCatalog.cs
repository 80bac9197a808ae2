using Vigil.Detection.Engine;
using Vigil.Detection.Rules;
using Vigil.Diagnostics;
using Vigil.Monitoring.Live;

namespace Vigil.Web.Rules;

/// <summary>
/// The rules <c>vigil serve</c> runs, for the Rules page and API: packs (one per configured folder) and their rules,
/// the load errors, uploaded rules, and which rules are disabled. Changes go to the store and to live detection
/// (<see cref="LiveRules"/>) without a restart.
/// </summary>
/// <remarks>
/// Rules from folders are fixed at start; uploaded rules and states live in an immutable <see cref="CatalogState"/>
/// replaced whole under a lock, so reads need no lock. Filtering several thousand rules in memory takes milliseconds.
/// </remarks>
internal sealed partial class RuleCatalog
{
    public const string UploadedPack = "uploaded";
    private readonly IReadOnlyList<(string Name, string Path)> _packs;
    private readonly IReadOnlyList<RuleEntry> _fileRules;
    private readonly Dictionary<string, RuleEntry> _fileById = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<RuleLoadError> _errors;
    private readonly EngineOptions _engineOptions;
    private readonly LiveRules _live;
    private volatile CatalogState _state = CatalogState.Empty;

    private RuleCatalog(IReadOnlyList<(string, string)> packs, IReadOnlyList<RuleEntry> rules, IReadOnlyList<RuleLoadError> errors, EngineOptions options, LiveRules live)
    {
        _packs = packs;
        _fileRules = [.. rules.OrderBy(static r => r.Pack, StringComparer.Ordinal).ThenBy(static r => r.Info.Title, StringComparer.OrdinalIgnoreCase)];
        foreach (var rule in _fileRules)
        {
            _fileById.TryAdd(rule.Info.Id, rule);
        }

        _errors = errors;
        // Uploaded rules get the same routing and mappings as the main engine, but not its analytics (they run once).
        _engineOptions = new EngineOptions { Logsources = options.Logsources, Pipelines = options.Pipelines, Placeholders = options.Placeholders, Prefilter = options.Prefilter };
        _live = live;
    }

    /// <summary>A catalog with no rules folder (hosts other than <c>vigil serve</c>); uploads still work.</summary>
    public static RuleCatalog Empty(LiveRules live) => new([], [], [], new EngineOptions(), live);

    /// <summary>Loads each path as a pack and builds the main engine over all of them, recording every problem.</summary>
    /// <param name="paths">Rules folders or files, each a pack.</param>
    /// <param name="bundled">The bundled rules folder (its pack is named <c>vigil</c>), or null.</param>
    /// <param name="options">The main engine's options.</param>
    /// <param name="live">Where changes go in live detection.</param>
    /// <param name="forward">Where problems are also reported (serve prints them).</param>
    public static (RuleCatalog Catalog, DetectionEngine Engine) Load(IReadOnlyList<string> paths, string? bundled, EngineOptions options, LiveRules live, IProblemSink forward)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var recorder = new RecordingSink(forward);
        var sets = paths.Select(p => RuleSet.Load([p], recorder)).ToArray();
        var engine = new DetectionEngine(RuleSet.Combine(sets), options, recorder);
        var packs = new List<(string Name, string Path)>();
        var entries = new List<RuleEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < paths.Count; i++)
        {
            var full = Path.GetFullPath(paths[i]).TrimEnd(Path.DirectorySeparatorChar);
            var name = bundled is not null && full == Path.GetFullPath(bundled).TrimEnd(Path.DirectorySeparatorChar) ? "vigil" : Path.GetFileName(full);
            // Two folders of one name (a SigmaHQ checkout's "rules" beside another "rules"): name it with its parent.
            name = packs.Any(p => p.Name == name) ? $"{Path.GetFileName(Path.GetDirectoryName(full))}/{name}" : name;
            name = packs.Any(p => p.Name == name) ? $"{name} ({i + 1})" : name;
            packs.Add((name, full));
            var set = sets[i];
            var plain = set.Count - set.FilterCount - set.CorrelationCount;
            var n = 0;
            foreach (var info in set.Infos)
            {
                var kind = n < plain ? "rule" : n < plain + set.FilterCount ? "filter" : "correlation";
                var loaded = seen.Add(info.Id) && (kind != "rule" || engine.IsLoaded(info.Id));
                entries.Add(new RuleEntry(info, name, false, loaded, kind));
                n++;
            }
        }

        var errors = recorder.Problems.Select(p => ToError(packs, p)).ToList();
        return (new RuleCatalog(packs, entries, errors, options, live), engine);
    }

    /// <summary>The packs with their counts; the uploaded rules last, when there are any.</summary>
    public IReadOnlyList<RulePack> Packs()
    {
        var state = _state;
        var packs = _packs.Select(p => new RulePack(
            p.Name,
            p.Path,
            _fileRules.Count(r => r.Pack == p.Name && r.Loaded),
            _fileRules.Count(r => r.Pack == p.Name && !state.IsEnabled(r.Info.Id)),
            _errors.Count(e => e.Pack == p.Name))).ToList();
        if (state.Uploaded.Count > 0 || state.UploadErrors.Count > 0)
        {
            packs.Add(new RulePack(UploadedPack, "", state.Uploaded.Count(static u => u.Entry.Loaded), state.Uploaded.Count(u => !state.IsEnabled(u.Entry.Info.Id)), state.UploadErrors.Count));
        }

        return packs;
    }

    /// <summary>Load errors of the rules folders at start, then of stored uploaded rules.</summary>
    public IReadOnlyList<RuleLoadError> Errors() => [.. _errors, .. _state.UploadErrors];

    /// <summary>One page of the rules that match, ordered by pack then title.</summary>
    public RulePage Query(RuleQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var state = _state;
        var size = Math.Clamp(query.PageSize, 1, 500);
        var page = Math.Max(1, query.Page);
        var text = string.IsNullOrWhiteSpace(query.Text) ? null : query.Text.Trim();
        var matched = _fileRules.Concat(state.Uploaded.Select(static u => u.Entry))
            .Where(r => (string.IsNullOrEmpty(query.Pack) || r.Pack == query.Pack)
                && (string.IsNullOrEmpty(query.Level) || string.Equals(r.Info.Level.ToString(), query.Level, StringComparison.OrdinalIgnoreCase))
                && (string.IsNullOrEmpty(query.Status) || string.Equals(r.Info.Status, query.Status, StringComparison.OrdinalIgnoreCase))
                && (query.Enabled is null || state.IsEnabled(r.Info.Id) == query.Enabled)
                && (text is null || Contains(r.Info, text)))
            .ToList();
        var rows = matched.Skip((page - 1) * size).Take(size).Select(r => Row(state, r)).ToList();
        return new RulePage(rows, matched.Count, page, size);
    }

    /// <summary>A rule by id (rules folders first, then uploaded rules), or null.</summary>
    public RuleRow? Get(string id)
    {
        var state = _state;
        var entry = _fileById.GetValueOrDefault(id) ?? state.Uploaded.FirstOrDefault(u => u.Entry.Info.Id == id)?.Entry;
        return entry is null ? null : Row(state, entry);
    }

    /// <summary>The rule's YAML as written: an uploaded rule's text, or its file (at most 256 KB; the whole file when it holds several rules).</summary>
    public async Task<string> YamlAsync(RuleEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Uploaded)
        {
            return _state.Uploaded.FirstOrDefault(u => u.Entry.Info.Id == entry.Info.Id)?.Stored.Yaml ?? "";
        }

        try
        {
            var file = new FileInfo(entry.Info.File);
            return file.Length > 256 * 1024
                ? $"(the file is {file.Length / 1024} KB; open {entry.Info.File} on the server)"
                : await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"(the file cannot be read now: {e.GetType().Name})";
        }
    }

    private static RuleRow Row(CatalogState state, RuleEntry entry)
        => new(entry, state.IsEnabled(entry.Info.Id), state.States.GetValueOrDefault(entry.Info.Id));

    private static bool Contains(RuleInfo info, string text)
        => info.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
            || info.Id.Contains(text, StringComparison.OrdinalIgnoreCase)
            || info.Tags.Any(t => t.Contains(text, StringComparison.OrdinalIgnoreCase));

    private static RuleLoadError ToError(IReadOnlyList<(string Name, string Path)> packs, InputProblem problem)
    {
        var full = problem.Item.Length == 0 ? "" : Path.GetFullPath(problem.Item);
        foreach (var (name, path) in packs)
        {
            if (full == path || full.StartsWith(path + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                var relative = full == path ? Path.GetFileName(path) : Path.GetRelativePath(path, full);
                return new RuleLoadError(name, relative, problem.Location, problem.Kind, problem.Reason);
            }
        }

        return new RuleLoadError("", problem.Item, problem.Location, problem.Kind, problem.Reason);
    }
}
