using Vigil.Storage.Audit;

namespace Vigil.Web.Api.Audit;

/// <summary>
/// Verifies the audit chain for the page and API without walking 100,000 entries on every load: the first check in
/// this process and every check asked for in full walk the whole chain; the others walk only the entries appended
/// since the last verified one (remembered here with its hash, which must not have changed). A break, once found,
/// stays reported until a full verification finds the chain intact again.
/// </summary>
/// <remarks>Thread-safe: one verification at a time, so concurrent loads wait for one walk rather than each doing it.</remarks>
internal sealed class AuditChainMonitor(IAuditLog log, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AuditCheckpoint? _checkpoint;
    private DateTimeOffset? _fullAt;
    private AuditChainStatus? _broken;

    /// <summary>Verifies the entries appended since the last check (the whole chain on the first check, or when <paramref name="full"/>).</summary>
    public async Task<AuditChainStatus> CheckAsync(bool full, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!full && _broken is not null)
            {
                return _broken with { Walked = 0 };
            }

            var whole = full || _checkpoint is null;
            var from = whole ? null : _checkpoint;
            var v = await log.VerifyAsync(from, ct).ConfigureAwait(false);
            var now = time.GetUtcNow();
            if (whole)
            {
                _fullAt = now;
            }

            var walked = v.Checked - (from?.Id ?? 0);
            var status = new AuditChainStatus(v.Intact, v.Checked, v.BrokenAt, v.Reason, v.HeadHash, whole, Math.Max(walked, 0), now, _fullAt);
            _checkpoint = v.Checkpoint;
            _broken = v.Intact ? null : status;
            return status;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
