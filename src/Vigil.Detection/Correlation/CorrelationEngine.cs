using Vigil.Detection.Rules;
using Vigil.Diagnostics;

namespace Vigil.Detection.Correlation;

/// <summary>Runs Sigma correlation rules over the stream of detections, in event time.</summary>
/// <remarks>
/// <para><b>Time.</b> Only event time counts (a detection's timestamp, else its event's). A window covers the
/// timespan with both ends included: detections exactly a timespan apart correlate, one tick more do not. The
/// engine's clock is the newest event time of any detection it has seen; when it moves forward, groups with nothing
/// left in their window are forgotten and closing windows are tested. Detections without a time are counted
/// (<see cref="UntimedEvents"/>) and skipped.</para>
/// <para><b>Out of order.</b> A detection older than its group's newest is slotted in at its time if it is still
/// within the group's window, and counted (<see cref="LateEvents"/>) and skipped otherwise; windows never run
/// backwards. For temporal_ordered a late detection can extend a partial sequence but is never placed before steps
/// already seen; closing windows take a slightly late detection into the open window (see
/// <see cref="ClosingWindow"/>). A detection dated far in the future moves the clock on, which ends every open
/// window early; a security-relevant trade-off, chosen over dropping everything older than the future date, which
/// would let one forged timestamp blind every correlation.</para>
/// <para><b>When a correlation fires.</b> With only <c>gt</c>/<c>gte</c> and a figure that grows with each
/// detection (event_count, value_count, temporal, temporal_ordered, value_sum), the condition is tested on a sliding
/// window at every arrival and fires at once. Otherwise (<c>lt</c>, <c>lte</c>, <c>eq</c>, <c>neq</c>, ranges; and
/// always value_avg and value_percentile) it is tested once per window when the window closes, windows starting at a
/// group's first detection (see <see cref="ClosingWindow"/>); such detections appear when event time passes the
/// window's end or at <see cref="Flush"/>.</para>
/// <para><b>After firing</b> the group starts afresh, as a SIEM does: one burst yields one detection, and a burst
/// twice the threshold yields two. Detections older than the burst's newest are then counted as late.</para>
/// <para><b>Output.</b> A correlation detection carries the time and event of the detection that completed it,
/// up to <see cref="CorrelationLimits.MaxJoined"/> joined detections oldest first, its group-by values (null for a
/// missing field; for value_percentile also the tested field and its value) and the figure tested. It is fed to
/// correlations that use it (chains), and appended to the output only when <see cref="ShouldEmit"/> allows. Rules
/// are identified by <see cref="RuleInfo.Id"/>.</para>
/// <para>Not thread-safe: one engine per detection stream. State holds on to detections (and so their events) until
/// their window is over: events must not be pooled and reused after they are observed. Bad rules are reported to
/// the problem sink at construction and left out; nothing here throws for bad input.</para>
/// </remarks>
internal sealed class CorrelationEngine
{
    private readonly List<CorrelationWindow> _windows = [];
    private readonly Dictionary<string, CorrelationListener[]> _listeners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _emit = new(StringComparer.Ordinal);
    private readonly HashSet<string> _own = new(StringComparer.Ordinal);
    private readonly CorrelationCounters _counters = new();

    // Correlation detections waiting to be routed; used as a stack so that chains can recurse without allocating.
    private readonly List<Engine.RuleMatch> _pending = [];
    private long _watermark = long.MinValue;

    /// <summary>Resolves and prepares <paramref name="correlations"/>.</summary>
    /// <param name="correlations">Every loaded correlation rule.</param>
    /// <param name="resolve">Maps a rule reference (id or name) to a loaded rule or correlation, or null.</param>
    /// <param name="problems">Receives the correlations that cannot be used, and why.</param>
    public CorrelationEngine(IReadOnlyList<CorrelationRule> correlations, Func<string, RuleInfo?> resolve, IProblemSink problems)
    {
        ArgumentNullException.ThrowIfNull(correlations);
        ArgumentNullException.ThrowIfNull(resolve);
        ArgumentNullException.ThrowIfNull(problems);
        var listeners = new Dictionary<string, List<CorrelationListener>>(StringComparer.Ordinal);
        foreach (var linked in CorrelationLinker.Link(correlations, resolve, problems))
        {
            var rule = linked.Rule;
            var window = CorrelationWindow.Create(rule, _counters);
            _windows.Add(window);
            _own.Add(rule.Info.Id);
            for (var i = 0; i < linked.RuleIds.Count; i++)
            {
                var id = linked.RuleIds[i];
                var index = i;
                var listener = new CorrelationListener(
                    window,
                    index,
                    [.. rule.GroupBy.Select(f => linked.FieldFor(index, f))],
                    [.. rule.Condition.Fields.Select(f => linked.FieldFor(index, f))]);
                if (!listeners.TryGetValue(id, out var list))
                {
                    listeners[id] = list = [];
                }

                list.Add(listener);
                _emit[id] = _emit.GetValueOrDefault(id) || rule.Generate;
            }
        }

        foreach (var (id, list) in listeners)
        {
            _listeners[id] = [.. list];
        }
    }

    /// <summary>Correlations in use (after dropping those that could not be resolved).</summary>
    public int Count => _windows.Count;

    /// <summary>Detections of referenced rules skipped because they carry no timestamp.</summary>
    public long UntimedEvents => _counters.Untimed;

    /// <summary>Detections skipped because they were older than their group's window.</summary>
    public long LateEvents => _counters.Late;

    /// <summary>Detections a value_* correlation skipped: field missing, or not a number for value_sum and value_avg.</summary>
    public long SkippedValues => _counters.SkippedValues;

    /// <summary>Entries or distinct values dropped because a group reached its cap.</summary>
    public long DroppedEntries => _counters.DroppedEntries;

    /// <summary>Groups closed early because a correlation held too many groups.</summary>
    public long EvictedGroups => _counters.EvictedGroups;

    /// <summary>Whether any correlation listens to <paramref name="rule"/>'s detections.</summary>
    public bool IsReferenced(RuleInfo rule) => _listeners.ContainsKey(rule.Id);

    /// <summary>
    /// Whether <paramref name="rule"/>'s own detections should be output: false when the rule (plain or correlation)
    /// is referenced only by correlations with <c>generate: false</c>; true otherwise.
    /// </summary>
    public bool ShouldEmit(RuleInfo rule) => !_emit.TryGetValue(rule.Id, out var emit) || emit;

    /// <summary>
    /// Takes in one detection, in input order; appends the correlation detections it completes (and, recursively, those
    /// of chained correlations) to <paramref name="output"/>, filtered by <see cref="ShouldEmit"/>.
    /// </summary>
    /// <remarks>
    /// Any detection may be passed (its time moves the clock on); only those of referenced rules are correlated.
    /// Detections of this engine's own correlations are routed to chained correlations internally, so passing them
    /// back in is ignored.
    /// </remarks>
    public void Observe(Engine.RuleMatch detection, List<Engine.RuleMatch> output)
    {
        ArgumentNullException.ThrowIfNull(detection);
        ArgumentNullException.ThrowIfNull(output);
        if (!_own.Contains(detection.Rule.Id))
        {
            Route(detection, output);
        }
    }

    /// <summary>End of input: tests every open window (lt/lte/eq/neq, value_avg, value_percentile) and forgets all state.</summary>
    public void Flush(List<Engine.RuleMatch> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var window in _windows)
        {
            // In dependency order, so what an inner correlation reports at the end still reaches the outer ones.
            var start = _pending.Count;
            window.Flush(_pending);
            Deliver(start, output);
        }
    }

    private void Route(Engine.RuleMatch detection, List<Engine.RuleMatch> output)
    {
        var time = detection.Timestamp ?? detection.Event.Timestamp;
        if (time is { } now && now.UtcTicks > _watermark)
        {
            _watermark = now.UtcTicks;
            foreach (var window in _windows)
            {
                var start = _pending.Count;
                window.Advance(_watermark, _pending);
                Deliver(start, output);
            }
        }

        if (!_listeners.TryGetValue(detection.Rule.Id, out var listeners))
        {
            return;
        }

        if (time is not { } at)
        {
            _counters.Untimed++;
            return;
        }

        foreach (var listener in listeners)
        {
            if (listener.TryObserve(detection, at.UtcTicks, _counters, out var observation))
            {
                var start = _pending.Count;
                listener.Window.Add(observation, _pending);
                Deliver(start, output);
            }
        }
    }

    /// <summary>Outputs and routes the correlation detections appended to <see cref="_pending"/> since <paramref name="start"/>.</summary>
    private void Deliver(int start, List<Engine.RuleMatch> output)
    {
        var end = _pending.Count;
        for (var i = start; i < end; i++)
        {
            var fired = _pending[i];
            if (ShouldEmit(fired.Rule))
            {
                output.Add(fired);
            }

            Route(fired, output);
        }

        _pending.RemoveRange(start, end - start);
    }
}
