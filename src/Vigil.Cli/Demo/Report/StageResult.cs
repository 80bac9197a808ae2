using Vigil.Cli.Demo.Generation;

namespace Vigil.Cli.Demo.Report;

/// <summary>One attack stage in the report.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Started">Event time of its first event, or null when the run did not include it.</param>
/// <param name="Alerted">When Vigil alerted on it (event time), or null.</param>
/// <param name="Rules">The rules whose alerts cite its events, earliest first (id, title, level).</param>
internal sealed record StageResult(
    AttackStage Stage,
    DateTimeOffset? Started,
    DateTimeOffset? Alerted,
    IReadOnlyList<(string Id, string Title, string Level)> Rules)
{
    /// <summary>The target: an alert within this long (event time) of the stage's first event.</summary>
    public static readonly TimeSpan Target = TimeSpan.FromSeconds(60);

    /// <summary>Alert time minus start time, or null when not alerted.</summary>
    public TimeSpan? Delay => Alerted - Started;

    public bool WithinTarget => Delay is { } delay && delay <= Target;
}
