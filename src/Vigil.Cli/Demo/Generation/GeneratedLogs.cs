namespace Vigil.Cli.Demo.Generation;

/// <summary>The files the generator wrote and its ground truth.</summary>
/// <param name="Files">Full paths, in ordinal order.</param>
/// <param name="Truth">
/// The attack records: (full path, record number as <c>LogFiles.Read</c> numbers it: the 1-based line) to stage.
/// Every record not in it is benign.
/// </param>
/// <param name="Records">How many records were written.</param>
/// <param name="FirstTimes">The event time of each file's first record (so a replay opens files only when it reaches them).</param>
internal sealed record GeneratedLogs(
    IReadOnlyList<string> Files,
    IReadOnlyDictionary<(string File, long Record), AttackStage> Truth,
    int Records,
    IReadOnlyDictionary<string, DateTime> FirstTimes)
{
    public AttackStage StageOf(string file, long record) =>
        Truth.TryGetValue((file, record), out var stage) ? stage : AttackStage.Benign;
}
