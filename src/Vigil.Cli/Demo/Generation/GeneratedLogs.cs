namespace Vigil.Cli.Demo.Generation;

/// <summary>The files the generator wrote and its ground truth.</summary>
/// <param name="Files">Full paths, in ordinal order.</param>
/// <param name="Truth">
/// The attack records: (full path, record number as <c>LogFiles.Read</c> numbers it: the 1-based line) to stage.
/// Every record not in it is benign.
/// </param>
/// <param name="Records">How many records were written.</param>
internal sealed record GeneratedLogs(
    IReadOnlyList<string> Files,
    IReadOnlyDictionary<(string File, long Record), AttackStage> Truth,
    int Records)
{
    public AttackStage StageOf(string file, long record) =>
        Truth.TryGetValue((file, record), out var stage) ? stage : AttackStage.Benign;
}
