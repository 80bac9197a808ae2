using Vigil.Detection.Engine;
using Vigil.Detection.Rules;
using Vigil.Events;

namespace Vigil.Detection.Analytics;

/// <summary>
/// A detection Sigma cannot express (baselines, geography, sequences across accounts), written in C# and reporting
/// through the same <see cref="RuleMatch"/> output as rules, so hunts, alerts and the demo treat both alike.
/// </summary>
/// <remarks>
/// <para>
/// The engine calls <see cref="Observe"/> for every event whose <see cref="LogEvent.SourceType"/> is in
/// <see cref="SourceTypes"/> (or every event when that is empty), in arrival order, from one thread. Time is the
/// events' own time: an analytic keeps no clock and must tolerate events out of order and clock skew (it may ignore an
/// event too far out of order, counting it in <see cref="Unevaluated"/>).
/// </para>
/// <para>
/// Bad input never throws: an event missing a field the analytic needs, or with a value it cannot read, is counted in
/// <see cref="Unevaluated"/> under a short reason (never the value itself) and skipped.
/// </para>
/// </remarks>
public interface IAnalytic
{
    /// <summary>The analytic's identity and metadata, as a rule's (id <c>vigil-analytic-...</c>, title, level, ATT&amp;CK tags, description).</summary>
    RuleInfo Info { get; }

    /// <summary>The source types it reads; empty for all.</summary>
    IReadOnlyCollection<string> SourceTypes { get; }

    /// <summary>What the analytic could not evaluate, by reason, since it started.</summary>
    IReadOnlyDictionary<string, long> Unevaluated { get; }

    /// <summary>Takes one event; appends a detection to <paramref name="output"/> when it completes a finding.</summary>
    void Observe(LogEvent e, List<RuleMatch> output);
}
