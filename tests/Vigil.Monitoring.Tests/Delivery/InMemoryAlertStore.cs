using System.Collections.Concurrent;
using Vigil.Storage.Alerts;

namespace Vigil.Monitoring.Tests.Delivery;

/// <summary>Alerts by id in memory; only what delivery reads.</summary>
internal sealed class InMemoryAlertStore : IAlertStore
{
    private readonly ConcurrentDictionary<long, Alert> _alerts = new();

    public void Add(Alert alert) => _alerts[alert.Id] = alert;

    public Task<Alert?> GetAsync(long id, CancellationToken cancellationToken) =>
        Task.FromResult(_alerts.TryGetValue(id, out var alert) ? alert : null);

    public Task<AlertBatchResult> RecordAsync(
        IReadOnlyList<AlertCandidate> candidates, TimeSpan groupWindow, IReadOnlyList<string> channels, string cursorName, long cursor,
        DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<long> GetCursorAsync(string cursorName, CancellationToken cancellationToken) => throw new NotSupportedException();

    public IAsyncEnumerable<Alert> ListAsync(AlertQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();
}
