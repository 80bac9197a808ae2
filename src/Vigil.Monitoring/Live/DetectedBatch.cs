using Vigil.Storage.Alerts;

namespace Vigil.Monitoring.Live;

/// <summary>
/// What the detector found in one batch, waiting to be recorded: the alert candidates in event order, the last event
/// id finished with (the cursor to record with them), how many events were run, when the batch was committed (null
/// for events read back from the store) and how long detecting them took.
/// </summary>
internal sealed record DetectedBatch(IReadOnlyList<AlertCandidate> Candidates, long Last, int Events, DateTimeOffset? CommittedAt, TimeSpan Elapsed);
