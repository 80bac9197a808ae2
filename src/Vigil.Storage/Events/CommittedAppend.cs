namespace Vigil.Storage.Events;

/// <summary>An append that committed (see <see cref="IEventStore.AppendCommittedAsync"/>).</summary>
/// <param name="Result">What it committed.</param>
/// <param name="Durable">Completes once the commit is on disk; fails if it cannot be made so.</param>
public sealed record CommittedAppend(AppendResult Result, Task Durable);
