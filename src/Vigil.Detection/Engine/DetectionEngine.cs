using Vigil.Detection.Compilation;
using Vigil.Detection.Correlation;
using Vigil.Detection.Matching;
using Vigil.Detection.Routing;
using Vigil.Detection.Rules;
using Vigil.Diagnostics;
using Vigil.Events;

namespace Vigil.Detection.Engine;

/// <summary>
/// Runs compiled Sigma rules, filters and correlations over events, one at a time, in input order.
/// </summary>
/// <remarks>
/// Building the engine compiles every rule once per route of its logsource; a rule that fails to compile is
/// reported with its file and reason and left out. <see cref="Process(LogEvent, List{RuleMatch})"/> is not thread-safe (it keeps prefilter and
/// correlation state); use one engine per thread. Correlations work in event time, so events should arrive roughly
/// in time order.
/// </remarks>
public sealed partial class DetectionEngine
{
    private static readonly int ChannelField = FieldNames.Intern("Channel");
    private static readonly int EventIdField = FieldNames.Intern("EventID");

    private readonly List<CompiledRule> _compiled = [];
    private readonly Dictionary<(string Channel, string EventId), Bucket> _buckets = new(new KeyComparer());
    private readonly Dictionary<string, Bucket> _bucketsByRules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Bucket> _bucketsBySourceType = new(StringComparer.OrdinalIgnoreCase);
    private readonly Bucket _generic;
    private readonly CorrelationEngine? _correlations;
    private readonly List<CompiledRule> _matched = [];
    private readonly bool _prefilter;
    private readonly IReadOnlyList<Analytics.IAnalytic> _analytics;
    private readonly AnalyticsBySource _analyticsBySource;
    private readonly RouteCache _routes = new();
    private string? _lastSourceType;
    private Bucket? _lastSourceBucket;
    private readonly List<RuleMatch> _analyticOutput = [];
    private readonly HashSet<string> _loaded = new(StringComparer.Ordinal);

    /// <summary>Compiles <paramref name="rules"/>; problems go to <paramref name="problems"/>.</summary>
    public DetectionEngine(RuleSet rules, EngineOptions options, IProblemSink problems)
    {
        _prefilter = options.Prefilter;
        _analytics = options.Analytics;
        _analyticsBySource = new AnalyticsBySource(_analytics);
        var filtersByRule = new Dictionary<string, List<FilterRule>>(StringComparer.Ordinal);
        foreach (var filter in rules.Filters)
        {
            foreach (var target in filter.Rules)
            {
                if (!filtersByRule.TryGetValue(target, out var list))
                {
                    filtersByRule[target] = list = [];
                }

                list.Add(filter);
            }
        }

        var byReference = new Dictionary<string, RuleInfo>(StringComparer.Ordinal);
        var loaded = 0;
        foreach (var rule in rules.Rules)
        {
            if (byReference.TryGetValue(rule.Info.Id, out var first))
            {
                // The same rule twice (a folder given twice, a copied file) would report every match twice.
                problems.Report(new InputProblem(rule.Info.File, "", "duplicate-id", $"rule id {rule.Info.Id} is already loaded from {first.File}"));
                continue;
            }

            if (Compile(rule, filtersByRule, options, problems))
            {
                loaded++;
                _loaded.Add(rule.Info.Id);
                byReference.TryAdd(rule.Info.Id, rule.Info);
                if (rule.Info.Name is { } name)
                {
                    byReference.TryAdd(name, rule.Info);
                }
            }
        }

        foreach (var correlation in rules.Correlations)
        {
            byReference.TryAdd(correlation.Info.Id, correlation.Info);
            if (correlation.Info.Name is { } name)
            {
                byReference.TryAdd(name, correlation.Info);
            }
        }

        if (rules.Correlations.Count > 0)
        {
            _correlations = new CorrelationEngine(rules.Correlations, r => byReference.GetValueOrDefault(r), problems);
        }

        _generic = new Bucket(_compiled.Where(static c => c.Route.IsGeneric).ToList(), _prefilter);
        RulesLoaded = loaded;
        CorrelationsLoaded = rules.Correlations.Count;
    }

    /// <summary>Detection rules compiled and active.</summary>
    public int RulesLoaded { get; }

    /// <summary>Whether a detection rule with this id compiled and is active (correlations are not counted here).</summary>
    public bool IsLoaded(string ruleId) => _loaded.Contains(ruleId);

    /// <summary>Correlation rules given to the engine.</summary>
    public int CorrelationsLoaded { get; }

    /// <summary>Events seen by <see cref="Process(LogEvent, List{RuleMatch})"/>.</summary>
    public long EventsProcessed { get; private set; }

    /// <summary>Regex evaluations that ran out of time (counted as no match).</summary>
    public static long RegexTimeouts => RegexPredicate.Timeouts;

    /// <summary>Events a correlation could not use because they carry no time.</summary>
    public long UntimedForCorrelation => _correlations?.UntimedEvents ?? 0;

    /// <summary>Runs every applicable rule on <paramref name="e"/>, appending detections to <paramref name="output"/>.</summary>
    public void Process(LogEvent e, List<RuleMatch> output)
    {
        EventsProcessed++;
        if (_analytics.Count > 0)
        {
            RunAnalytics(e, output);
        }

        var bucket = BucketFor(e);
        if (bucket.Count == 0)
        {
            return;
        }

        _matched.Clear();
        bucket.Match(e, _matched);
        Report(e, _matched, 0, _matched.Count, output);
    }

    /// <summary>Turns the rules <paramref name="e"/> matched (<paramref name="matched"/>[start..end]) into detections.</summary>
    private void Report(LogEvent e, List<CompiledRule> matched, int start, int end, List<RuleMatch> output)
    {
        RuleInfo? last = null;
        for (var i = start; i < end; i++)
        {
            var rule = matched[i];

            // A rule with several routes that all match one event still reports once.
            if (ReferenceEquals(rule.Info, last))
            {
                continue;
            }

            last = rule.Info;
            var detection = new RuleMatch(rule.Info, e.Timestamp, e, [], EmptyGroup);
            if (_correlations is null || _correlations.ShouldEmit(rule.Info))
            {
                output.Add(detection);
            }

            if (_correlations is not null && _correlations.IsReferenced(rule.Info))
            {
                _correlations.Observe(detection, output);
            }
        }
    }

    /// <summary>How many rules the prefilter lets through for <paramref name="e"/> (for benchmarks: no evaluation).</summary>
    internal int CountCandidates(LogEvent e)
    {
        var bucket = BucketFor(e);
        return bucket.Count == 0 ? 0 : bucket.Candidates(e).Count;
    }

    /// <summary>The analytics the engine runs.</summary>
    public IReadOnlyList<Analytics.IAnalytic> Analytics => _analytics;

    /// <summary>Ends the input: correlations that wait for a window to close report now.</summary>
    public void Flush(List<RuleMatch> output) => _correlations?.Flush(output);

    private static readonly IReadOnlyDictionary<string, string?> EmptyGroup = new Dictionary<string, string?>();

    private void RunAnalytics(LogEvent e, List<RuleMatch> output)
    {
        foreach (var analytic in _analyticsBySource.For(e.SourceType))
        {
            _analyticOutput.Clear();
            analytic.Observe(e, _analyticOutput);
            foreach (var detection in _analyticOutput)
            {
                // An analytic's finding is a detection like a rule's: correlations may refer to it by id.
                if (_correlations is null || _correlations.ShouldEmit(detection.Rule))
                {
                    output.Add(detection);
                }

                if (_correlations is not null && _correlations.IsReferenced(detection.Rule))
                {
                    _correlations.Observe(detection, output);
                }
            }
        }
    }

    private Bucket BucketFor(LogEvent e)
    {
        var channel = e.Get(ChannelField);
        if (channel is null)
        {
            return BucketFor(e.SourceType);
        }

        var eventId = e.Get(EventIdField) ?? "";
        if (_routes.Find(channel, eventId) is { } known)
        {
            return known;
        }

        if (!_buckets.TryGetValue((channel, eventId), out var bucket))
        {
            bucket = BuildBucket(channel, eventId);
            _buckets[(channel, eventId)] = bucket;
        }

        _routes.Remember(channel, eventId, bucket);
        return bucket;
    }

    // Built on first sight of a channel and EventID. Many EventIDs of a channel share one rule list (every Security rule
    // without an EventID routing), and those share one bucket: its prefilter is built once. A method of its own (as is
    // BuildBucket(string)): the lambda's closure object would otherwise be allocated on every call of BucketFor, since
    // a closure over a method's locals or parameters is created where their scope starts, before the early returns.
    private Bucket BuildBucket(string channel, string eventId)
    {
        var rules = _compiled.Where(c => c.Route.Channels is { } channels
            && channels.Contains(channel, StringComparer.OrdinalIgnoreCase)
            && (c.Route.EventIds is null || c.Route.EventIds.Contains(eventId))).ToList();
        var signature = string.Join(',', rules.Select(static r => r.Index));
        if (!_bucketsByRules.TryGetValue(signature, out var bucket))
        {
            bucket = new Bucket(rules, _prefilter);
            _bucketsByRules[signature] = bucket;
        }

        return bucket;
    }

    /// <summary>
    /// The rules for non-Windows events of a source type: those routed to it, and the generic ones. An event whose
    /// reader could not tell its source type (empty, or <c>json</c>: JSON of no recognised kind) meets every rule that
    /// is not routed to Windows channels, so that an unrecognised export is still hunted.
    /// </summary>
    private Bucket BucketFor(string sourceType)
    {
        if (ReferenceEquals(sourceType, _lastSourceType))
        {
            return _lastSourceBucket!;
        }

        if (!_bucketsBySourceType.TryGetValue(sourceType, out var bucket))
        {
            bucket = BuildBucket(sourceType);
            _bucketsBySourceType[sourceType] = bucket;
        }

        _lastSourceType = sourceType;
        _lastSourceBucket = bucket;
        return bucket;
    }

    private Bucket BuildBucket(string sourceType)
    {
        var unrecognised = sourceType.Length == 0 || sourceType.Equals("json", StringComparison.OrdinalIgnoreCase);
        var rules = _compiled.Where(c => c.Route.IsGeneric
            || (c.Route.SourceTypes is { } types && (unrecognised || types.Contains(sourceType, StringComparer.OrdinalIgnoreCase)))).ToList();
        return rules.Count == _generic.Count ? _generic : new Bucket(rules, _prefilter);
    }

    private bool Compile(SigmaRule rule, Dictionary<string, List<FilterRule>> filtersByRule, EngineOptions options, IProblemSink problems)
    {
        var routes = options.Logsources?.Resolve(rule.Info.Logsource) ?? [Route.Generic];
        var filters = new List<FilterRule>();
        filters.AddRange(filtersByRule.GetValueOrDefault(rule.Info.Id) ?? []);
        if (rule.Info.Name is { } name)
        {
            filters.AddRange(filtersByRule.GetValueOrDefault(name) ?? []);
        }

        var compiled = new List<CompiledRule>();
        foreach (var route in routes)
        {
            Func<string, string> map = f => route.FieldMappings.TryGetValue(f, out var to) ? to : f;
            foreach (var pipeline in options.Pipelines)
            {
                map = pipeline.MapFields(rule.Info.Logsource, map);
            }

            var context = new CompileContext(map, options.Placeholders);
            var matcher = DetectionCompiler.Compile(rule.Selections, rule.Condition, context, out var error);
            if (matcher is null)
            {
                problems.Report(new InputProblem(rule.Info.File, "", ErrorKind(error!), error!));
                return false;
            }

            var required = matcher.Required;
            var parts = new List<Matcher>();
            if (route.Channels is null)
            {
                // No channel routing: the rule may meet events of unknown kind (or, when generic, of any kind). Require
                // at least one of the fields the rule looks for (not those it only checks are absent), so that a
                // negated selection does not fire on logs of another product.
                var fields = rule.Selections.Values
                    .SelectMany(static s => s.Alternatives).SelectMany(static a => a)
                    .Where(static spec => spec.Field is not null
                        && spec.Values.Any(static v => v is not null)
                        && !(spec.Modifiers.Contains("exists") && spec.Values.All(static v => string.Equals(v, "false", StringComparison.OrdinalIgnoreCase))))
                    .Select(spec => FieldNames.Intern(map(spec.Field!)))
                    .Distinct()
                    .ToArray();
                if (fields.Length > 0)
                {
                    parts.Add(new AnyFieldPresent(fields));
                }
            }

            var conditions = route.Conditions.Concat(options.Pipelines.SelectMany(p => p.Conditions(rule.Info.Logsource)));
            foreach (var (field, values) in conditions)
            {
                parts.Add(new FieldMatcher(
                    FieldNames.Intern(field),
                    [.. values.Select(static v => StringPredicate.Create(SigmaString.Parse(v), cased: false))],
                    all: false));
            }

            parts.Add(matcher);
            foreach (var filter in filters)
            {
                var filterMatcher = DetectionCompiler.Compile(filter.Selections, filter.Condition, context, out var filterError);
                if (filterMatcher is null)
                {
                    problems.Report(new InputProblem(filter.Info.File, "", ErrorKind(filterError!), filterError!));
                    continue;
                }

                parts.Add(new NoneOf(filterMatcher));
            }

            var whole = parts.Count == 1 ? parts[0] : new AllOf([.. parts]);
            compiled.Add(new CompiledRule(_compiled.Count + compiled.Count, rule.Info, route, whole, required));
        }

        _compiled.AddRange(compiled);
        return true;
    }

    /// <summary>A stable category for an error message, for the summary's "skipped by reason".</summary>
    private static string ErrorKind(string error) => error switch
    {
        _ when error.Contains("unknown modifier", StringComparison.Ordinal) => "unknown-modifier",
        _ when error.Contains("placeholder", StringComparison.Ordinal) => "missing-placeholder",
        _ when error.Contains("regular expression", StringComparison.Ordinal) => "bad-regex",
        _ when error.Contains("condition", StringComparison.Ordinal) || error.Contains("matches no selection", StringComparison.Ordinal) => "bad-condition",
        _ => "bad-detection",
    };

    private sealed class KeyComparer : IEqualityComparer<(string Channel, string EventId)>
    {
        public bool Equals((string Channel, string EventId) x, (string Channel, string EventId) y) =>
            string.Equals(x.Channel, y.Channel, StringComparison.OrdinalIgnoreCase) && string.Equals(x.EventId, y.EventId, StringComparison.Ordinal);

        public int GetHashCode((string Channel, string EventId) key) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.Channel), StringComparer.Ordinal.GetHashCode(key.EventId));
    }
}
