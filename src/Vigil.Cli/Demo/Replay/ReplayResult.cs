using Vigil.Cli.Demo.Generation;

namespace Vigil.Cli.Demo.Replay;

/// <summary>What a replay did.</summary>
/// <param name="Events">Events committed to the store.</param>
/// <param name="Problems">Input problems the readers reported (none expected).</param>
/// <param name="StageStarts">The event time of each stage's first event, as replayed.</param>
/// <param name="Alerts">Every alert raised, oldest first.</param>
/// <param name="RulesLoaded">Sigma rules and analytics loaded.</param>
/// <param name="Elapsed">Wall time of the replay (store, ingest, detection).</param>
internal sealed record ReplayResult(
    long Events,
    long Problems,
    IReadOnlyDictionary<AttackStage, DateTimeOffset> StageStarts,
    IReadOnlyList<ReplayedAlert> Alerts,
    int RulesLoaded,
    TimeSpan Elapsed);
