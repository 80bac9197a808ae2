namespace Vigil.Storage.Alerts;

/// <summary>What <see cref="IAlertStore.RecordAsync"/> did.</summary>
/// <param name="Created">Alerts raised by this batch (new rows); notifications were queued for each.</param>
/// <param name="Grouped">How many candidates were added to alerts that were already open.</param>
public sealed record AlertBatchResult(IReadOnlyList<Alert> Created, int Grouped);
