namespace Vigil.Storage.Audit;

/// <summary>An entry up to which the chain was verified, and its hash: a later verification walks only what follows.</summary>
/// <param name="Id">The last verified entry (0: none, the chain's start).</param>
/// <param name="Hash">Its hash as lowercase hex (<see cref="AuditVerification.HeadHash"/> of an intact verification).</param>
public sealed record AuditCheckpoint(long Id, string Hash);
