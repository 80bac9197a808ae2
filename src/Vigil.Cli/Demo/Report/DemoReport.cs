using Vigil.Cli.Demo.Generation;
using Vigil.Cli.Demo.Replay;

namespace Vigil.Cli.Demo.Report;

/// <summary>The demo's result: per stage when it happened and when Vigil alerted, and the false alerts.</summary>
/// <remarks>
/// <para>
/// An alert belongs to a stage when one of the events it cites belongs to it (the generator's ground truth). It alerted
/// on the stage at the later of its first detection and the stage's earliest cited event: the event time at which
/// the live detector raised (or grew) it for that stage. A false alert cites only benign events.
/// </para>
/// <para>False alerts per 30 days = false alerts / days of logs × 30.</para>
/// </remarks>
internal sealed record DemoReport(
    int Seed,
    int Days,
    DateTimeOffset AttackDay,
    long Events,
    long Problems,
    int RulesLoaded,
    IReadOnlyList<StageResult> Stages,
    IReadOnlyList<ReplayedAlert> FalseAlerts,
    int TotalAlerts,
    TimeSpan GenerateTime,
    TimeSpan ReplayTime,
    string? DataDirectory)
{
    public double FalseAlertsPer30Days => Days == 0 ? 0 : FalseAlerts.Count * 30.0 / Days;

    public int StagesAlerted => Stages.Count(static s => s.Alerted is not null);

    public int StagesWithinTarget => Stages.Count(static s => s.WithinTarget);

    /// <summary>
    /// The issue's own target: from the attack's first malicious event to Vigil's first alert on any stage, in event time
    /// (null when nothing alerted).
    /// </summary>
    public TimeSpan? FirstAlertDelay
    {
        get
        {
            var first = Stages.Where(static s => s.Started is not null).Select(static s => s.Started!.Value).DefaultIfEmpty().Min();
            var alerted = Stages.Where(static s => s.Alerted is not null).Select(static s => s.Alerted!.Value).ToList();
            return alerted.Count == 0 || first == default ? null : alerted.Min() - first;
        }
    }

    public static IReadOnlyList<StageResult> BuildStages(IReadOnlyDictionary<AttackStage, DateTimeOffset> starts, IReadOnlyList<ReplayedAlert> alerts)
    {
        var results = new List<StageResult>();
        foreach (var stage in AttackStages.All)
        {
            var hits = alerts
                .Where(a => a.Stages.ContainsKey(stage))
                .Select(a => (Alert: a, At: Max(a.FirstSeen, a.Stages[stage])))
                .OrderBy(static h => h.At)
                .ToList();
            var rules = hits.Select(static h => (h.Alert.RuleId, h.Alert.RuleTitle, h.Alert.Level)).Distinct().ToList();
            results.Add(new StageResult(
                stage,
                starts.TryGetValue(stage, out var start) ? start : null,
                hits.Count > 0 ? hits[0].At : null,
                rules));
        }

        return [.. results.OrderBy(static r => r.Started ?? DateTimeOffset.MaxValue)];
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
