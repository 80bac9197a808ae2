namespace Vigil.Storage.Audit;

/// <summary>The result of walking the audit chain.</summary>
/// <param name="Checked">Entries found intact before the first problem (all of them when intact).</param>
/// <param name="BrokenAt">The id of the first entry that is changed, missing or out of place; null when intact.</param>
/// <param name="Reason">What is wrong there, or null.</param>
/// <param name="HeadHash">The last entry's hash as hex (record it elsewhere to detect a rewritten chain later).</param>
public sealed record AuditVerification(long Checked, long? BrokenAt, string? Reason, string HeadHash)
{
    /// <summary>Whether the whole chain verified.</summary>
    public bool Intact => BrokenAt is null;

    /// <summary>Where a later verification may start (the last entry and its hash) when intact; null when broken.</summary>
    public AuditCheckpoint? Checkpoint => Intact ? new AuditCheckpoint(Checked, HeadHash) : null;
}
