using Microsoft.Extensions.Logging;
using Vigil.Storage;
using Vigil.Vulnerabilities.Deadlines;

namespace Vigil.Cli.Vulns;

/// <summary>
/// <c>vigil serve</c>'s vulnerability deadline loop: every <see cref="Interval"/> (an hour), reviews the open findings as
/// <c>vigil vulns status</c> does (<see cref="VulnsWorkflow.StatusAsync"/>, hence <see cref="FindingTracker.Review"/>) so a
/// finding that passes its due date while serve runs raises its overdue alert (once, through the alert store and the
/// configured channels) without waiting for the next scan or status command.
/// </summary>
internal sealed class OverdueCheckService(IVigilStore store, TimeProvider time, DeadlinePolicy policy, IReadOnlyList<string> channels, ILogger logger)
{
    private int _checks;

    public TimeSpan Interval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How many reviews have run (tests wait on it).</summary>
    public int Checks => Volatile.Read(ref _checks);

    public Task RunAsync(CancellationToken cancellationToken)
        => Serve.PeriodicCheck.RunAsync(RunOnceAsync, Interval, time, logger, "Overdue vulnerability alerts", cancellationToken);

    /// <summary>Reviews the open findings now; returns how many overdue alerts were raised.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var (_, raised) = await new VulnsWorkflow(store, time, policy, channels).StatusAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _checks);
        return raised;
    }
}
