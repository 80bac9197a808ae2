using Vigil.Events;

namespace Vigil.Monitoring.Ingest;

/// <summary>Events just committed, with their store ids, in id order.</summary>
internal sealed record CommittedBatch(IReadOnlyList<long> Ids, IReadOnlyList<LogEvent> Events, DateTimeOffset CommittedAt);
